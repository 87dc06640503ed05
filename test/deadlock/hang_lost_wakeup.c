// A lost wake-up: the main thread signals before the worker waits, and
// the worker waits without checking a predicate.  No lock cycle, yet no
// thread can ever run again: the worker in pthread_cond_wait, main in
// pthread_join.  Reported once both have been blocked for the timeout,
// and the process ends with the error status instead of hanging.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=200 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void *worker(void *arg) {
  wtest_step_wait(1); /* after the signal */
  pthread_mutex_lock(&m);
  pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, worker, NULL);
  pthread_mutex_lock(&m);
  pthread_cond_signal(&c); /* nobody waits yet: lost */
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: deadlock (all threads blocked)
// CHECK-NEXT: Every thread is blocked in a wait that only another thread can end,
// CHECK-NEXT: with no timeout:
// CHECK-NEXT: Main thread waits to join thread T1:
// CHECK-NEXT: #0 main {{.*}}hang_lost_wakeup.c:28:
// CHECK-NEXT: Thread T1 waits on condition variable [[C:M[0-9]+]]:
// CHECK-NEXT: #0 worker {{.*}}hang_lost_wakeup.c:16:
// CHECK-NEXT: Condition variable [[C]] was last signalled by main thread here:
// CHECK-NEXT: #0 main {{.*}}hang_lost_wakeup.c:25:
// CHECK-NEXT: Condition variable [[C]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: deadlock (all threads blocked) {{.*}}hang_lost_wakeup.c:28:{{[0-9]+}} in main
// CHECK-NOT: WARNING: weft
