// A semaphore posted from a signal handler (sem_post is async-signal-
// safe): main joins a thread that waits on the semaphore, and a timer's
// SIGALRM, due after five deadlock timeouts, posts it.  Every thread is
// blocked meanwhile, but the handler can still end the waits: no report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=100 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <semaphore.h>
#include <signal.h>
#include <sys/time.h>

static sem_t s;

static void on_alarm(int sig) { sem_post(&s); }

static void *waiter(void *arg) {
  while (sem_wait(&s) != 0) {} /* EINTR if the signal lands here */
  return NULL;
}

int main(void) {
  sem_init(&s, 0, 0);
  signal(SIGALRM, on_alarm);
  struct itimerval it = {.it_value = {0, 500 * 1000}};
  pthread_t t;
  wtest_create(&t, waiter, NULL);
  setitimer(ITIMER_REAL, &it, NULL);
  wtest_join(t);
  printf("posted by the handler\n");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: posted by the handler
// CHECK-NOT: WARNING: weft
