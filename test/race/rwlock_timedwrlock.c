// pthread_rwlock_timedwrlock with a past deadline times out while the other
// writer holds the lock; it acquires nothing, so the read after it races.
// Sibling: norace/rwlock_timedwrlock.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_rwlock_wrlock(&rw);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_rwlock_unlock(&rw);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(pthread_rwlock_timedwrlock(&rw, &past) == ETIMEDOUT);
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
// CHECK-NEXT: #0 second {{.*}}rwlock_timedwrlock.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}rwlock_timedwrlock.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}rwlock_timedwrlock.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
