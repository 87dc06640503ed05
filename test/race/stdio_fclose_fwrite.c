// A thread writes to a stream while main closes it, with nothing
// ordering the two: fclose closes the stream's fd, so it races with the
// write on the fd, reported with where fopen made it.  glibc's fopen and
// fclose open and close the fd by internal calls, which the open and
// close interceptors never see.
// Sibling: norace/stdio_streams.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static FILE *out;

static void *writer(void *arg) {
  WTEST_EXPECT(fwrite("x", 1, 1, out) == 1);
  wtest_step_set(1);
  return arg;
}

int main(void) {
  out = fopen("/dev/null", "w");
  WTEST_EXPECT(out != NULL);
  fputs("start\n", out); /* stdio's buffer is main's, allocated here */
  pthread_t a;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  fclose(out);
  wtest_join(a);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 fclose {{.*}}intercept/stdio.c
// CHECK-NEXT: #1 main {{.*}}stdio_fclose_fwrite.c:25
// CHECK: Previous read of size 8 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 fwrite {{.*}}intercept/stdio.c
// CHECK-NEXT: #1 writer {{.*}}stdio_fclose_fwrite.c:13
// CHECK: Location is file descriptor [[#]] created by main thread at:
// CHECK-NEXT: #0 main {{.*}}stdio_fclose_fwrite.c:19
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
