// norace/fd_timerfd.c with the consumer let go by a step the detector
// does not see, before it reads the timerfd: the payload races.
// Sibling: norace/fd_timerfd.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <stdint.h>
#include <sys/timerfd.h>

int payload;
int tfd;

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  struct itimerspec its = {.it_value = {.tv_nsec = 1000000}};
  WTEST_CHECK(timerfd_settime(tfd, 0, &its, NULL));
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(1);
  wtest_use(payload);
  uint64_t n;
  WTEST_EXPECT(read(tfd, &n, sizeof n) == sizeof n);
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

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 consumer {{.*}}fd_timerfd.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_timerfd.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
