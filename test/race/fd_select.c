// norace/fd_select.c with the consumer let go by a step the detector does
// not see, before it selects: the payload races.
// Sibling: norace/fd_select.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <sys/select.h>

int payload;
int fds[2];

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(1);
  wtest_use(payload);
  fd_set rd;
  FD_ZERO(&rd);
  FD_SET(fds[0], &rd);
  WTEST_EXPECT(select(fds[0] + 1, &rd, NULL, NULL, NULL) == 1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  wtest_join(b);
  close(fds[0]);
  close(fds[1]);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 consumer {{.*}}fd_select.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_select.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
