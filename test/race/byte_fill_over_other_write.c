// One thread has written one byte of a granule before another fills the
// granule a byte at a time from two statements, with nothing ordering
// them.  The report names the statement and the byte that raced, not the
// last write of the granule, and there is one report, not one per byte.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

_Alignas(8) static char buf[8];

static void *first(void *arg) {
  (void)arg;
  buf[5] = 'x';
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  (void)arg;
  wtest_step_wait(1);
  for (int i = 0; i < 8; i += 2) {
    buf[i] = 'e';
    wtest_compiler_barrier();
    buf[i + 1] = 'o';
    wtest_compiler_barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  printf("%.8s\n", buf);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 1 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}byte_fill_over_other_write.c:23:
// CHECK: Previous write of size 1 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}byte_fill_over_other_write.c:12:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
