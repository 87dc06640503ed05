// pthread_join orders the child's writes before what follows the join; a
// read the parent makes before joining races with the child's write.
// Sibling: norace/join.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

int x;

static void *child(void *arg) {
  x = 1;
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, child, NULL);
  wtest_step_wait(1);
  wtest_use(x);
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}join.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 child {{.*}}join.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}join.c:{{[0-9:]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
