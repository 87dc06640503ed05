// A payload handed over through two pipes joined by splice(), which the
// main thread runs between producer and consumer: the producer's write
// is ordered before the splice, and the splice before the consumer's read.
// Sibling: race/fd_splice.c lets the consumer go without it.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#define _GNU_SOURCE // splice, sendmmsg
#include "weft_test.h"
#include <fcntl.h>

int payload;
int p1[2], fds[2];

static void *producer(void *arg) {
  payload = 42;
  char c = 1;
  WTEST_EXPECT(write(p1[1], &c, 1) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  char c;
  WTEST_EXPECT(read(fds[0], &c, 1) == 1);
  wtest_use(payload);
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

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
