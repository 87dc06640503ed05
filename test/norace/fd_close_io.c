// race/fd_close_io.c with the writer joined before the close: ordered.  The
// fd numbers are then reused by a new pipe, which starts with no history.
// Sibling: race/fd_close_io.c does not join first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

int fds[2];

static void *writer(void *arg) {
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  return NULL;
}

int main(void) {
  for (int round = 0; round < 2; round++) {
    WTEST_CHECK(pipe(fds));
    pthread_t a;
    wtest_create(&a, writer, NULL);
    wtest_join(a);
    close(fds[1]);
    close(fds[0]);
  }
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
