// A payload handed over through a signalfd: main sends SIGUSR1 (blocked
// in every thread, so it stays pending) and the consumer reads it from a
// signalfd.  Sending is ordered before the read that returns the signal,
// as before a handler that runs for it.
// Sibling: race/fd_signalfd.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <signal.h>
#include <sys/signalfd.h>

int payload;
int sfd;

static void *producer(void *arg) {
  payload = 42;
  WTEST_CHECK(kill(getpid(), SIGUSR1));
  return NULL;
}

static void *consumer(void *arg) {
  struct signalfd_siginfo si;
  WTEST_EXPECT(read(sfd, &si, sizeof si) == sizeof si);
  WTEST_EXPECT(si.ssi_signo == SIGUSR1);
  wtest_use(payload);
  return NULL;
}

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  WTEST_CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL));
  sfd = signalfd(-1, &set, 0);
  WTEST_EXPECT(sfd >= 0);
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  wtest_join(b);
  close(sfd);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
