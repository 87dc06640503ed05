// norace/fd_pipe_handoff.c with the consumer let go by a step the detector does not
// see, before it reads the pipe: the payload races.
// Sibling: norace/fd_pipe_handoff.c reads the pipe first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

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
  char c;
  WTEST_EXPECT(read(fds[0], &c, 1) == 1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a, b;
  wtest_create(&a, producer, NULL);
  wtest_create(&b, consumer, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 consumer {{.*}}fd_pipe_handoff.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 producer {{.*}}fd_pipe_handoff.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
