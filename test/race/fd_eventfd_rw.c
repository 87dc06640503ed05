// norace/fd_eventfd_rw.c with the consumer let go by a step the detector
// does not see, before eventfd_read: the payload races.
// Sibling: norace/fd_eventfd_rw.c waits first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <sys/eventfd.h>

int payload;
int efd;

static void *producer(void *arg) {
  payload = 42;
  wtest_step_set(1);
  WTEST_CHECK(eventfd_write(efd, 1));
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(1);
  wtest_use(payload);
  eventfd_t v;
  WTEST_CHECK(eventfd_read(efd, &v));
  return NULL;
}

int main(void) {
  efd = eventfd(0, 0);
  WTEST_EXPECT(efd >= 0);
  pthread_t a, b;
  wtest_create(&b, consumer, NULL);
  wtest_create(&a, producer, NULL);
  wtest_join(a);
  wtest_join(b);
  close(efd);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 consumer {{.*}}fd_eventfd_rw.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 producer {{.*}}fd_eventfd_rw.c:[[#]]
// CHECK: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
