// A 16-byte (__int128) store and an 8-byte store to its upper half,
// unordered: a race.  Each access is reported with its own address and
// size: 8 bytes at u+8 now, 16 bytes at u before.
// Sibling: norace/access16_int128.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

union wide {
  __int128 whole;
  long half[2];
} u;

static void *first(void *arg) {
  u.whole = ((__int128)(long)arg << 64) | 7;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  u.half[1] = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, (void *)3);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}access16_int128.c:[[#]]
// CHECK: Previous write of size 16 at 0x[[#%x,CUR-8]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}access16_int128.c:[[#]]
// CHECK-DAG: Location is global 'u' of size 16 at 0x[[#%x,CUR-8]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}access16_int128.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
