// No report: a handler of a signal from another thread that only makes
// async-signal-safe calls (write) and sets a flag, and a handler that
// calls malloc for a signal the thread raised itself (it runs inside
// raise, where malloc is as safe as anywhere in the program).
// Sibling: signal_unsafe.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_t main_thread;
static int handled;

static void on_usr1(int sig) {
  write(1, "usr1\n", 5);
  __atomic_store_n(&handled, 1, __ATOMIC_RELAXED);
}

static void on_usr2(int sig) {
  char *volatile p = malloc(32); /* volatile: kept at -O1 */
  free(p);
}

static void *sender(void *arg) {
  pthread_kill(main_thread, SIGUSR1);
  return NULL;
}

int main(void) {
  main_thread = pthread_self();
  signal(SIGUSR1, on_usr1);
  signal(SIGUSR2, on_usr2);
  pthread_t t;
  wtest_create(&t, sender, NULL);
  while (!__atomic_load_n(&handled, __ATOMIC_RELAXED)) sched_yield();
  wtest_join(t);
  raise(SIGUSR2);
  pthread_kill(pthread_self(), SIGUSR2);
  puts("done");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: usr1
// CHECK-NOT: WARNING: weft
// CHECK: done
