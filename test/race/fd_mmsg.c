// norace/fd_mmsg.c with the consumer let go by a step the detector does
// not see, before recvmmsg: the payload races.
// Sibling: norace/fd_mmsg.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#define _GNU_SOURCE // splice, sendmmsg
#include "weft_test.h"
#include <sys/socket.h>
#include <sys/uio.h>

int payload;
int fds[2];

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  char c = 1;
  struct iovec io = {&c, 1};
  struct mmsghdr m = {.msg_hdr = {.msg_iov = &io, .msg_iovlen = 1}};
  WTEST_EXPECT(sendmmsg(fds[1], &m, 1, 0) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(1);
  wtest_use(payload);
  char c;
  struct iovec io = {&c, 1};
  struct mmsghdr m = {.msg_hdr = {.msg_iov = &io, .msg_iovlen = 1}};
  WTEST_EXPECT(recvmmsg(fds[0], &m, 1, 0, NULL) == 1);
  WTEST_EXPECT(m.msg_len == 1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, fds));
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
// CHECK-NEXT: #0 consumer {{.*}}fd_mmsg.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_mmsg.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
