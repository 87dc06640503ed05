// An atomic store and a plain (non-atomic) store to the same int, unordered:
// a race, and the previous access is reported as atomic.
// Sibling: norace/atomic_same_var.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <stdatomic.h>

atomic_int v;

static void *first(void *arg) {
  atomic_store_explicit(&v, 1, memory_order_relaxed);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  *(int *)&v = 2;
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
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}atomic_same_var.c:[[#]]
// CHECK: Previous atomic write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}atomic_same_var.c:[[#]]
// CHECK-DAG: Location is global 'v' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}atomic_same_var.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
