// write() reads a buffer that another thread is still filling: the
// system call's read of the buffer races with the thread's write.
// Sibling: norace/fd_write_buffer.c joins the filler first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

char msg[8] = "abcdefg";
int fds[2];

static void *filler(void *arg) {
  msg[3] = 'X';
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  WTEST_CHECK(pipe(fds));
  pthread_t a;
  wtest_create(&a, filler, NULL);
  wtest_step_wait(1);
  WTEST_EXPECT(write(fds[1], msg, 7) == 7);
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 7 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 write {{.*}}intercept/fd.c
// CHECK-NEXT: #1 main {{.*}}fd_write_buffer.c:[[#]]
// CHECK: Previous write of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 filler {{.*}}fd_write_buffer.c:[[#]]
// CHECK: Location is global 'msg' of size 8
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
