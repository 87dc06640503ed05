// Two threads write one element of a global array: the location names the
// array, its size and its start, not the element.
// Sibling: norace/location_global.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

int garr[10];

static void *first(void *arg) {
  garr[3] = 1;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  garr[3] = 2;
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
// CHECK-NEXT: Write of size 4 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}location_global.c:[[#]]
// CHECK: Previous write of size 4 at 0x[[#%x,CUR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}location_global.c:[[#]]
// CHECK-DAG: Location is global 'garr' of size 40 at 0x[[#%x,CUR-12]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}location_global.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
