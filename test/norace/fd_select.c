// A payload handed over through a pipe that the consumer only waits on
// with select(), without reading it: the write is ordered before the
// select that reports the pipe readable.
// Sibling: race/fd_select.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <sys/select.h>

int payload;
int fds[2];

static void *producer(void *arg) {
  payload = 42;
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  fd_set rd;
  FD_ZERO(&rd);
  FD_SET(fds[0], &rd);
  WTEST_EXPECT(select(fds[0] + 1, &rd, NULL, NULL, NULL) == 1);
  wtest_use(payload);
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

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
