// A thread writes to a pipe while main closes every fd from the pipe's
// read end up with close_range, the idiom of a child before exec, with
// nothing ordering the two: close_range closes each open fd as close
// does, so it races with the write on the write end's fd.
// Sibling: norace/fd_close_range.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#define _GNU_SOURCE
#include "weft_test.h"

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
  WTEST_CHECK(close_range((unsigned)fds[0], ~0u, 0));
  wtest_join(a);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 close_range {{.*}}intercept/fd.c
// CHECK-NEXT: #1 main {{.*}}fd_close_range_io.c:26
// CHECK: Previous read of size 8 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 write {{.*}}intercept/fd.c
// CHECK-NEXT: #1 writer {{.*}}fd_close_range_io.c:16
// CHECK: Location is file descriptor [[#]] created by main thread at:
// CHECK-NEXT: #0 main {{.*}}fd_close_range_io.c:22
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
