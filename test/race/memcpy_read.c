// memcpy into a buffer, then an unordered plain read of one int in it: a
// race with the copy's write.  The previous access is reported with its own
// address and size: the whole 64-byte copy (docs/reports.md).
// Sibling: norace/memcpy_read.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string.h>

_Alignas(8) char dst[64];
_Alignas(8) char src[64] = "sixty-four bytes of source";

static void *first(void *arg) {
  memcpy(dst, src, sizeof dst);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  wtest_use(((int *)dst)[3]);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}memcpy_read.c:[[#]]
// CHECK: Previous write of size 64 at 0x[[#%x,CUR-12]] by thread T1:
// CHECK-NOT: {{^ *[A-Z]}}
// CHECK: {{#[0-9]+}} first {{.*}}memcpy_read.c:[[#]]
// CHECK-DAG: Location is global 'dst' of size 64 at 0x[[#%x,CUR-12]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}memcpy_read.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
