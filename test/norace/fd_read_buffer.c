// race/fd_read_buffer.c with the thread that read() the buffer joined
// before main looks at it: ordered.  Only the 5 bytes that arrived are
// written: main's write of the rest of the buffer, before the thread
// ends, does not race with read().
// Sibling: race/fd_read_buffer.c does not join first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char buf[16];
int fds[2];

static void *filler(void *arg) {
  WTEST_EXPECT(read(fds[0], buf, sizeof buf) == 5);
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  WTEST_EXPECT(write(fds[1], "hello", 5) == 5);
  pthread_t a;
  wtest_create(&a, filler, NULL);
  wtest_step_wait(1);
  buf[10] = 'x';
  wtest_join(a);
  wtest_use(buf[2]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
