// sem_timedwait with a past deadline times out before the writer posts;
// it acquires nothing, so the read after it races with the write.
// Sibling: norace/sem_timedwait.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static sem_t s;
int x;

static void *first(void *arg) {
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  sem_post(&s);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(sem_timedwait(&s, &past) == -1 && errno == ETIMEDOUT);
  wtest_use(x);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(sem_init(&s, 0, 0));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}sem_timedwait.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}sem_timedwait.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}sem_timedwait.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
