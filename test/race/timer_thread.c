// norace/timer_thread.c with main writing after it armed the timer: the
// notification thread's read of it is ordered with nothing.
// Sibling: norace/timer_thread.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <semaphore.h>
#include <signal.h>

int after_arm;
sem_t done;

static void fire(union sigval v) {
  wtest_step_wait(1);
  wtest_use(after_arm);
  WTEST_CHECK(sem_post(&done));
}

int main(void) {
  WTEST_CHECK(sem_init(&done, 0, 0));
  timer_t tm;
  struct sigevent ev = {.sigev_notify = SIGEV_THREAD, .sigev_notify_function = fire};
  WTEST_CHECK(timer_create(CLOCK_MONOTONIC, &ev, &tm));
  struct itimerspec its = {.it_value = {.tv_nsec = 1000000}};
  WTEST_CHECK(timer_settime(tm, 0, &its, NULL));
  after_arm = 1;
  wtest_step_set(1);
  WTEST_CHECK(sem_wait(&done));
  WTEST_CHECK(timer_delete(tm));
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 fire {{.*}}timer_thread.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by main thread:
// CHECK-NEXT: #0 main {{.*}}timer_thread.c:[[#]]
// CHECK: Location is global 'after_arm' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
