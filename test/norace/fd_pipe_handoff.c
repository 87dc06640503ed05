// A payload handed over through a pipe: the write to the pipe happens
// before the read that returns its byte, so the consumer's read of the
// payload is ordered after the producer's write of it.
// Sibling: race/fd_pipe_handoff.c tells the consumer to go ahead without the pipe.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

int payload;
int fds[2];

static void *producer(void *arg) {
  payload = 42;
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  return NULL;
}

static void *consumer(void *arg) {
  char c;
  WTEST_EXPECT(read(fds[0], &c, 1) == 1);
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
