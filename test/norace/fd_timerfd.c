// A payload handed over through a timerfd: the producer arms the timer
// after writing the payload, and the consumer's read returns once it has
// expired.  Arming is ordered before the read of the expiry.
// Sibling: race/fd_timerfd.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdint.h>
#include <sys/timerfd.h>

int payload;
int tfd;

static void *producer(void *arg) {
  payload = 42;
  struct itimerspec its = {.it_value = {.tv_nsec = 1000000}};
  WTEST_CHECK(timerfd_settime(tfd, 0, &its, NULL));
  return NULL;
}

static void *consumer(void *arg) {
  uint64_t n;
  WTEST_EXPECT(read(tfd, &n, sizeof n) == sizeof n);
  wtest_use(payload);
  return NULL;
}

int main(void) {
  tfd = timerfd_create(CLOCK_MONOTONIC, 0);
  WTEST_EXPECT(tfd >= 0);
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  wtest_join(b);
  close(tfd);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
