// snprintf writes the bytes it produces, its NUL included: formatting into
// a buffer another thread is reading races.  A %n target is written too.
// Sibling: norace/snprintf_buffer.c joins the reader first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

char line[32] = "empty";

static void *reader(void *arg) {
  wtest_use(line[2]);
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, reader, NULL);
  wtest_step_wait(1);
  int n;
  snprintf(line, sizeof line, "%s=%ld%n", "x", 42L, &n);
  WTEST_EXPECT(n == 4);
  wtest_join(a);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 5 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 snprintf {{.*}}
// CHECK-NEXT: #1 main {{.*}}snprintf_buffer.c:[[#]]
// CHECK: Previous read of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 reader {{.*}}snprintf_buffer.c:[[#]]
// CHECK: Location is global 'line' of size 32 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
