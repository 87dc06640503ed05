// race/fd_write_buffer.c with the filler joined before write() reads the
// buffer: ordered.
// Sibling: race/fd_write_buffer.c does not join first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char msg[8] = "abcdefg";
int fds[2];

static void *filler(void *arg) {
  msg[3] = 'X';
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a;
  wtest_create(&a, filler, NULL);
  wtest_join(a);
  WTEST_EXPECT(write(fds[1], msg, 7) == 7);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
