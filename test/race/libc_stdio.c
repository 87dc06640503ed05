// fwrite() reads a buffer that another thread is still writing, and
// fgets() fills one that another thread reads: both race, and each report
// names the stdio function as the top frame.
// Sibling: norace/libc_stdio.c orders both with joins.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

char out[8] = "abcdefg";
char line[32];
FILE *sink, *source;

static void *writer(void *arg) {
  out[2] = 'C';
  wtest_step_set(1);
  return NULL;
}

static void *reader(void *arg) {
  WTEST_EXPECT(fgets(line, sizeof line, source) != NULL);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  int fds[2];
  WTEST_CHECK(pipe(fds));
  sink = fopen("/dev/null", "w");
  source = fdopen(fds[0], "r");
  WTEST_EXPECT(sink && source);
  WTEST_EXPECT(write(fds[1], "one line\n", 9) == 9);
  pthread_t a, b;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  WTEST_EXPECT(fwrite(out, 1, 7, sink) == 7);
  wtest_create(&b, reader, NULL);
  wtest_step_wait(2);
  wtest_use(line[0]);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 7 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 fwrite {{.*}}intercept/stdio.c
// CHECK-NEXT: #1 main {{.*}}libc_stdio.c:[[#]]
// CHECK: Previous write of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 writer {{.*}}libc_stdio.c:[[#]]
// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 1 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}libc_stdio.c:[[#]]
// CHECK: Previous write of size 10 at {{0x[0-9a-f]+}} by thread T2:
// CHECK-NEXT: #0 fgets {{.*}}intercept/stdio.c
// CHECK-NEXT: #1 reader {{.*}}libc_stdio.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
