// A mutex initialised by main while another thread, let go early by a
// step the detector does not see, already locks it: the init's write of
// the mutex races with the lock's read of it.  And a barrier destroyed
// while nothing orders the destroy after another thread's last wait on it.
// Sibling: norace/sync_object_init.c orders both.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

pthread_mutex_t m;
pthread_barrier_t bar;

static void *locker(void *arg) {
  wtest_step_wait(1);
  WTEST_CHECK(pthread_mutex_lock(&m));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_step_set(2);
  return NULL;
}

static void *waiter(void *arg) {
  pthread_barrier_wait(&bar);
  wtest_step_set(3);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, locker, NULL);
  WTEST_CHECK(pthread_mutex_init(&m, NULL));
  wtest_step_set(1);
  wtest_step_wait(2);
  WTEST_CHECK(pthread_barrier_init(&bar, NULL, 1));
  wtest_create(&b, waiter, NULL);
  wtest_step_wait(3);
  WTEST_CHECK(pthread_barrier_destroy(&bar));
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Atomic read of size 1 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 locker {{.*}}sync_object_init.c:[[#]]
// CHECK: Previous write of size 1 at [[ADDR]] by main thread:
// CHECK-NEXT: #0 main {{.*}}sync_object_init.c:[[#]]
// CHECK: Location is global 'm' of size 40
// The unlock's read races with the init too (another pair of sites):
// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Atomic read of size 1 at [[ADDR]] by thread T1 (mutexes: write M1):
// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 1 at [[BAR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}sync_object_init.c:[[#]]
// CHECK: Previous atomic read of size 1 at [[BAR]] by thread T2:
// CHECK-NEXT: #0 waiter {{.*}}sync_object_init.c:[[#]]
// CHECK: Location is global 'bar' of size 32
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 3 warnings
