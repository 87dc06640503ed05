// getline fills the caller's buffer with the line and its NUL: main
// reads a line into a buffer that a thread reads at the same time, with
// nothing ordering the two.  The buffer is big enough, so getline does
// not reallocate it, and the race is getdelim's write, reported at its
// caller, of the 7 bytes it stored: "hello " up to and with the
// delimiter (a space here), and the NUL.
// Sibling: norace/stdio_streams.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

#include <stdlib.h>

static char *buf;

static void *reader(void *arg) {
  wtest_use(buf[2]);
  wtest_step_set(1);
  return arg;
}

int main(void) {
  size_t cap = 64;
  buf = malloc(cap);
  WTEST_EXPECT(buf != NULL);
  buf[0] = 0;
  FILE *in = fmemopen("hello world", 11, "r");
  WTEST_EXPECT(in != NULL);
  pthread_t a;
  wtest_create(&a, reader, NULL);
  wtest_step_wait(1);
  WTEST_EXPECT(getdelim(&buf, &cap, ' ', in) == 6);
  wtest_join(a);
  printf("[%s]\n", buf);
  fclose(in);
  free(buf);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 7 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 {{(__)?}}getdelim {{.*}}intercept/stdio.c
// CHECK-NEXT: #1 main {{.*}}getline_buffer.c:31
// CHECK: Previous read of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 reader {{.*}}getline_buffer.c:16
// CHECK: Location is heap block of size 64
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
// CHECK: [hello ]
