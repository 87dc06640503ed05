// thrd_create (C11 <threads.h>) orders only the parent's earlier writes: a
// write after it races with the child's read.
// Sibling: norace/c11_thrd_create.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <threads.h>

int x;

static int child(void *arg) {
  wtest_step_wait(1);
  wtest_use(x);
  return 0;
}

int main(void) {
  thrd_t a;
  WTEST_EXPECT(thrd_create(&a, child, NULL) == thrd_success);
  x = 1;
  wtest_step_set(1);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 child {{.*}}c11_thrd_create.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by main thread:
// CHECK-NEXT: #0 main {{.*}}c11_thrd_create.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}c11_thrd_create.c:{{[0-9:]+}} in child
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
