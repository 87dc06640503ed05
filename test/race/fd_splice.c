// norace/fd_splice.c with the consumer let go by a step the detector does
// not see, before it reads the second pipe: the payload races.
// Sibling: norace/fd_splice.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#define _GNU_SOURCE // splice, sendmmsg
#include "weft_test.h"
#include <fcntl.h>

int payload;
int p1[2], fds[2];

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  char c = 1;
  WTEST_EXPECT(write(p1[1], &c, 1) == 1);
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
  WTEST_CHECK(pipe(p1));
  WTEST_CHECK(pipe(fds));
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  WTEST_EXPECT(splice(p1[0], NULL, fds[1], NULL, 1, 0) == 1);
  wtest_join(b);
  close(p1[0]);
  close(p1[1]);
  close(fds[0]);
  close(fds[1]);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 consumer {{.*}}fd_splice.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_splice.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
