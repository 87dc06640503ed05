// read() fills a buffer that another thread reads with nothing ordering
// the two: the system call's write of the buffer races with the read.
// Sibling: norace/fd_read_buffer.c joins the reader first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
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
  wtest_use(buf[2]);
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 1 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}fd_read_buffer.c:[[#]]
// CHECK: Previous write of size 5 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 read {{.*}}intercept/fd.c
// CHECK-NEXT: #1 filler {{.*}}fd_read_buffer.c:[[#]]
// CHECK: Location is global 'buf' of size 16
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
