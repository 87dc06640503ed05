// norace/fd_socket_handoff.c with main reading the TCP payload before the
// recv that would order it (a step the detector does not see says when):
// the payload written after the connect races.
// Sibling: norace/fd_socket_handoff.c reads it after the recv.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

int pair_payload, event_payload, tcp_payload, accepted_payload;
int sv[2], efd, listener;
struct sockaddr_in where;

static void *producer(void *arg) {
  pair_payload = 1;
  char c = 1;
  WTEST_EXPECT(send(sv[1], &c, 1, 0) == 1);
  event_payload = 2;
  uint64_t one = 1;
  WTEST_EXPECT(write(efd, &one, sizeof one) == sizeof one);
  accepted_payload = 3;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  WTEST_EXPECT(s >= 0);
  WTEST_CHECK(connect(s, (struct sockaddr *)&where, sizeof where));
  tcp_payload = 4;
  wtest_step_set(1);
  wtest_step_wait(2); /* sockets share one object: a send now would order it */
  WTEST_EXPECT(send(s, &c, 1, 0) == 1);
  close(s);
  return NULL;
}

int main(void) {
  WTEST_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
  efd = eventfd(0, 0);
  WTEST_EXPECT(efd >= 0);
  listener = socket(AF_INET, SOCK_STREAM, 0);
  WTEST_EXPECT(listener >= 0);
  where.sin_family = AF_INET;
  where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof where;
  WTEST_CHECK(bind(listener, (struct sockaddr *)&where, sizeof where));
  WTEST_CHECK(getsockname(listener, (struct sockaddr *)&where, &len));
  WTEST_CHECK(listen(listener, 1));
  pthread_t a;
  wtest_create(&a, producer, NULL);
  char c;
  WTEST_EXPECT(recv(sv[0], &c, 1, 0) == 1);
  wtest_use(pair_payload);
  uint64_t n;
  WTEST_EXPECT(read(efd, &n, sizeof n) == sizeof n);
  wtest_use(event_payload);
  int s = accept(listener, NULL, NULL);
  WTEST_EXPECT(s >= 0);
  wtest_use(accepted_payload);
  wtest_step_wait(1);
  wtest_use(tcp_payload);
  wtest_step_set(2);
  WTEST_EXPECT(recv(s, &c, 1, MSG_WAITALL) == 1);
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}fd_socket_handoff.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 producer {{.*}}fd_socket_handoff.c:[[#]]
// CHECK: Location is global 'tcp_payload' of size 4
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
