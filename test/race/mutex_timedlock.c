// pthread_mutex_timedlock with a deadline already past fails (ETIMEDOUT)
// while the first thread holds the mutex; it acquires nothing, so the read
// that follows races with the first thread's write.
// Sibling: norace/mutex_timedlock.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(pthread_mutex_timedlock(&m, &past) == ETIMEDOUT);
  wtest_use(x);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}mutex_timedlock.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}mutex_timedlock.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}mutex_timedlock.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
