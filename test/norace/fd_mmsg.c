// A payload handed over through a datagram socketpair with sendmmsg and
// recvmmsg: sending is ordered before the receipt, and recvmmsg writes
// the bytes it received (checked in the message buffer).
// Sibling: race/fd_mmsg.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#define _GNU_SOURCE // splice, sendmmsg
#include "weft_test.h"
#include <sys/socket.h>
#include <sys/uio.h>

int payload;
int fds[2];

static void *producer(void *arg) {
  payload = 42;
  char c = 1;
  struct iovec io = {&c, 1};
  struct mmsghdr m = {.msg_hdr = {.msg_iov = &io, .msg_iovlen = 1}};
  WTEST_EXPECT(sendmmsg(fds[1], &m, 1, 0) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  char c;
  struct iovec io = {&c, 1};
  struct mmsghdr m = {.msg_hdr = {.msg_iov = &io, .msg_iovlen = 1}};
  WTEST_EXPECT(recvmmsg(fds[0], &m, 1, 0, NULL) == 1);
  WTEST_EXPECT(m.msg_len == 1);
  wtest_use(payload);
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

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
