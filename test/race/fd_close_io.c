// A thread writes to a pipe while main closes the write end with nothing
// ordering the two: a race on the file descriptor itself, reported with
// where the fd was made.
// Sibling: norace/fd_close_io.c joins the thread before the close.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

int fds[2];

static void *writer(void *arg) {
  char c = 1;
  WTEST_EXPECT(write(fds[1], &c, 1) == 1);
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  close(fds[1]);
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 close {{.*}}intercept/fd.c
// CHECK-NEXT: #1 main {{.*}}fd_close_io.c:[[#]]
// CHECK: Previous read of size 8 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 write {{.*}}intercept/fd.c
// CHECK-NEXT: #1 writer {{.*}}fd_close_io.c:[[#]]
// CHECK: Location is file descriptor [[#]] created by main thread at:
// CHECK-NEXT: #0 main {{.*}}fd_close_io.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
