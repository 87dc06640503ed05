// Destroy of a barrier a thread is blocked in (its round is not
// complete): reported, and refused with EBUSY, so the waiter can still
// be released.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_barrier_t b;
static long waiter_tid;

static void *waiter(void *arg) {
  __atomic_store_n(&waiter_tid, wtest_tid(), __ATOMIC_RELAXED);
  pthread_barrier_wait(&b);
  return NULL;
}

int main(void) {
  pthread_t t;
  WTEST_CHECK(pthread_barrier_init(&b, NULL, 2));
  wtest_create(&t, waiter, NULL);
  long tid;
  while (!(tid = __atomic_load_n(&waiter_tid, __ATOMIC_RELAXED))) sched_yield();
  wtest_wait_blocked(tid);
  WTEST_EXPECT(pthread_barrier_destroy(&b) == EBUSY);
  pthread_barrier_wait(&b);
  wtest_join(t);
  WTEST_CHECK(pthread_barrier_destroy(&b));
  return 0;
}

// CHECK: WARNING: weft: destroy of a barrier with waiters
// CHECK-NEXT: Destroy of barrier M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread while 1 thread waits on it:
// CHECK-NEXT: #0 main {{.*}}barrier_destroy.c:24:
// CHECK: SUMMARY: weft: destroy of a barrier with waiters
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
