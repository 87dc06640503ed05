// The lost wake-up hazard: the signaller sets the predicate and signals
// without taking the waiter's mutex.  Had it set the predicate between
// the waiter's check and its wait, the signal would have found no one and
// the waiter would sleep for ever.  In this run the waiter is already
// blocked, so it wakes; the report names the signal, the waiter's wait
// and the mutex.  ok_cond_signal_after_unlock.c is the fixed program.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;
static long waiter_tid;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  __atomic_store_n(&waiter_tid, wtest_tid(), __ATOMIC_RELAXED);
  while (!__atomic_load_n(&ready, __ATOMIC_RELAXED)) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, waiter, NULL);
  long tid;
  while (!(tid = __atomic_load_n(&waiter_tid, __ATOMIC_RELAXED))) sched_yield();
  wtest_wait_blocked(tid);
  __atomic_store_n(&ready, 1, __ATOMIC_RELAXED);
  pthread_cond_signal(&c);
  wtest_join(t);
  // With no waiter left, a signal is no hazard.
  pthread_cond_signal(&c);
  return 0;
}

// CHECK:      WARNING: weft: signal of a condition variable without its waiter's mutex (lost wake-up)
// CHECK-NEXT: {{^}}  Signal of condition variable {{.*}} by main thread, which has not held mutex [[M:M[0-9]+]] since thread T1 began to wait:
// CHECK-NEXT: #0 main {{.*}}cond_signal_uncovered.c:[[#@LINE-9]]:
// CHECK:      {{^}}  Thread T1 waits on it with mutex [[M]], from:
// CHECK-NEXT: #0 waiter {{.*}}cond_signal_uncovered.c:[[#@LINE-23]]:
// CHECK:      change{{$}}
// CHECK-NEXT: the predicate with [[M]] held, then signal.
// CHECK:      {{^}}  Mutex [[M]] ({{.*}}) created at:
// CHECK:      SUMMARY: weft: signal of a condition variable without its waiter's mutex (lost wake-up) {{.*}}cond_signal_uncovered.c:[[#@LINE-15]]:{{.*}} in main
// CHECK-NOT:  WARNING: weft
// CHECK:      weft: reported 1 warnings
