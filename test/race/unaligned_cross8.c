// An unaligned 8-byte store covering bytes 4..11 (two granules) and a
// 1-byte store to byte 10, unordered: a race found through the second
// granule the wide store touched.  The previous access is still reported
// as what the program did: 8 bytes at buf+4.
// Sibling: norace/unaligned_cross8.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

typedef long __attribute__((aligned(1))) unaligned_long;
_Alignas(8) unsigned char buf[16];

static void *first(void *arg) {
  *(unaligned_long *)(buf + 4) = 0x0102030405060708;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  buf[10] = 5;
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
// CHECK-NEXT: Write of size 1 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}unaligned_cross8.c:[[#]]
// CHECK: Previous write of size 8 at 0x[[#%x,CUR-6]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}unaligned_cross8.c:[[#]]
// CHECK-DAG: Location is global 'buf' of size 16 at 0x[[#%x,CUR-10]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}unaligned_cross8.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
