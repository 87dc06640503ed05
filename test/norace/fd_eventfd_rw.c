// A payload handed over through an eventfd with glibc's eventfd_write and
// eventfd_read, which call libc's internal write and read (no
// interceptor of those sees them).
// Sibling: race/fd_eventfd_rw.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <sys/eventfd.h>

int payload;
int efd;

static void *producer(void *arg) {
  payload = 42;
  WTEST_CHECK(eventfd_write(efd, 1));
  return NULL;
}

static void *consumer(void *arg) {
  eventfd_t v;
  WTEST_CHECK(eventfd_read(efd, &v));
  wtest_use(payload);
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

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
