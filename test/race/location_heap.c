// Two threads write one int of a heap block main allocated: the report
// describes the block (size, start) and the stack that allocated it.
// Sibling: norace/location_heap.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out && FileCheck %s --check-prefix=LOC < %t.out
#include "weft_test.h"


static void *first(void *arg) {
  int *p = arg;
  p[2] = 1;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  int *p = arg;
  wtest_step_wait(1);
  p[2] = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  int *block = malloc(10 * sizeof(int));
  wtest_create(&a, first, block);
  wtest_create(&b, second, block);
  wtest_join(a);
  wtest_join(b);
  free(block);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}location_heap.c:[[#]]
// CHECK: Previous write of size 4 at 0x[[#%x,CUR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}location_heap.c:[[#]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}location_heap.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings

// LOC: Write of size 4 at 0x[[#%x,CUR:]] by thread T2:
// LOC: Location is heap block of size 40 at 0x[[#%x,CUR-8]] allocated by main thread:
// LOC-NOT: {{^ *[A-Z]}}
// LOC: {{#[0-9]+}} main {{.*}}location_heap.c:[[#]]
