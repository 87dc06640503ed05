// A thread cancelled while it holds a lock, with no cleanup handler to
// give it back: reported at its end, with the cancel that ended it and
// where the lock was taken.  Its sibling, ok_exit_cleanup.c, gives the
// lock back from a handler and gets no report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *holds(void *arg) {
  pthread_mutex_lock(&m);
  wtest_step_set(1);
  for (;;) pause(); /* a cancellation point */
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, holds, NULL);
  wtest_step_wait(1);
  pthread_cancel(t);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: thread exit while holding locks
// CHECK-NEXT: Thread T1 exits while holding 1 lock, cancelled by main thread:
// CHECK-NEXT: #0 main {{.*}}exit_cancelled_holding.c:22
// CHECK-NEXT: Mutex {{M[0-9]+}} acquired (write) here:
// CHECK-NEXT: #0 holds {{.*}}exit_cancelled_holding.c:12:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warning
