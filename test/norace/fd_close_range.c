// close_range and closefrom are closes only when they close.  A thread
// writes to a pipe while main marks every fd close-on-exec with
// close_range(CLOSE_RANGE_CLOEXEC), with nothing ordering the two: that
// closes nothing, so it is no race.  After the join, closefrom closes the
// pipe for real: ordered, so no race either, and the fds are gone.
// Sibling: race/fd_close_range_io.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t 2>&1 | FileCheck %s
#define _GNU_SOURCE
#include "weft_test.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>

int fds[2];

static void *writer(void *arg) {
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  wtest_step_set(1);
  return arg;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  WTEST_CHECK(close_range((unsigned)fds[0], ~0u, CLOSE_RANGE_CLOEXEC));
  WTEST_EXPECT(fcntl(fds[1], F_GETFD) == FD_CLOEXEC);
  wtest_join(a);
  closefrom(fds[0]);
  WTEST_EXPECT(fcntl(fds[0], F_GETFD) == -1 && errno == EBADF);
  WTEST_EXPECT(fcntl(fds[1], F_GETFD) == -1 && errno == EBADF);
  puts("done");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: done
// CHECK-NOT: WARNING: weft
