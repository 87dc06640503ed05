// T1 passes the address of one of its locals to T2; both write it,
// unordered: "Location is stack of thread T1".
// Sibling: norace/location_stack.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"


static void *first(void *arg) {
  int local = 0;
  wtest_ptr_publish(&local);
  local = 1;
  wtest_step_set(1);
  wtest_step_wait(2); /* keep the frame alive until T2 is done */
  return NULL;
}

static void *second(void *arg) {
  int *p = wtest_ptr_take();
  wtest_step_wait(1);
  *p = 2;
  wtest_step_set(2);
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
// CHECK-NEXT: #0 second {{.*}}location_stack.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}location_stack.c:[[#]]
// CHECK-DAG: Location is stack of thread T1.
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}location_stack.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
