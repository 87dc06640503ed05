// A POSIX timer that notifies by starting a thread (SIGEV_THREAD): glibc
// runs the function on a thread of its own making, created where no
// interceptor sees it, and passes it a block its helper thread allocated.
// What main did before creating and arming the timer is ordered before
// the notification, and glibc's handover of its block is its own.
// Sibling: race/timer_thread.c writes after arming.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <semaphore.h>
#include <signal.h>

int before_create, before_arm, fired;
sem_t done;

static void fire(union sigval v) {
  wtest_use(before_create + before_arm + *(int *)v.sival_ptr);
  fired = 1;
  WTEST_CHECK(sem_post(&done));
}

int main(void) {
  static int arg = 3;
  WTEST_CHECK(sem_init(&done, 0, 0));
  before_create = 1;
  timer_t tm;
  struct sigevent ev = {.sigev_notify = SIGEV_THREAD, .sigev_notify_function = fire,
                        .sigev_value.sival_ptr = &arg};
  WTEST_CHECK(timer_create(CLOCK_MONOTONIC, &ev, &tm));
  before_arm = 2;
  struct itimerspec its = {.it_value = {.tv_nsec = 1000000}};
  WTEST_CHECK(timer_settime(tm, 0, &its, NULL));
  WTEST_CHECK(sem_wait(&done));
  wtest_use(fired);
  WTEST_CHECK(timer_delete(tm));
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
