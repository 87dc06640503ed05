// norace/fd_signalfd.c with the consumer let go by a step the detector
// does not see, before it reads the signalfd: the payload races.
// Sibling: norace/fd_signalfd.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <signal.h>
#include <sys/signalfd.h>

int payload;
int sfd;

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  WTEST_CHECK(kill(getpid(), SIGUSR1));
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(1);
  wtest_use(payload);
  struct signalfd_siginfo si;
  WTEST_EXPECT(read(sfd, &si, sizeof si) == sizeof si);
  WTEST_EXPECT(si.ssi_signo == SIGUSR1);
  return NULL;
}

int main(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  WTEST_CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL));
  sfd = signalfd(-1, &set, 0);
  WTEST_EXPECT(sfd >= 0);
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  wtest_join(b);
  close(sfd);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 consumer {{.*}}fd_signalfd.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_signalfd.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
