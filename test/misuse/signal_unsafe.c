// A handler of a signal sent by another thread calls malloc and free.
// The signal can land while the thread is inside malloc itself, holding
// the arena's lock: the handler then deadlocks or corrupts the heap, once
// in a long while.  Reported once per call site, with the handler's stack.
// Sibling: ok_signal_safe.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"
#include <signal.h>
#include <stdlib.h>

static pthread_t main_thread;
static int handled;

static void on_usr1(int sig) {
  char *volatile p = malloc(32); /* volatile: kept at -O1 */
  free(p);
  __atomic_store_n(&handled, 1, __ATOMIC_RELAXED);
}

static void *sender(void *arg) {
  pthread_kill(main_thread, SIGUSR1);
  return NULL;
}

int main(void) {
  main_thread = pthread_self();
  signal(SIGUSR1, on_usr1);
  pthread_t t;
  wtest_create(&t, sender, NULL);
  while (!__atomic_load_n(&handled, __ATOMIC_RELAXED)) sched_yield();
  wtest_join(t);
  return 0;
}

// CHECK:      WARNING: weft: signal-unsafe call inside a signal handler
// CHECK-NEXT: {{^}}  Call of a function that is not async-signal-safe by main thread, inside a handler{{$}}
// CHECK-NEXT: {{^}}  of signal 10 (SIGUSR1) that can interrupt it anywhere, that same call included:{{$}}
// CHECK-NEXT: #0 malloc
// CHECK-NEXT: #1 on_usr1 {{.*}}signal_unsafe.c:16:
// CHECK:      SUMMARY: weft: signal-unsafe call inside a signal handler
// CHECK:      WARNING: weft: signal-unsafe call inside a signal handler
// CHECK-NEXT: {{^}}  Call of
// CHECK-NEXT: {{^}}  of signal
// CHECK-NEXT: #0 free
// CHECK-NEXT: #1 on_usr1 {{.*}}signal_unsafe.c:17:
// CHECK-NOT:  WARNING: weft
// CHECK:      weft: reported 2 warnings
