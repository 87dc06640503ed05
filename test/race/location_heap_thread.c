// T1 allocates a heap block and hands its address to T2 through a relaxed
// atomic, which orders nothing.  T2's write therefore races with the
// allocation itself (malloc marks a new block written by the allocating
// thread, docs/design.md): the previous access is a 48-byte write by T1 at
// the block's start, and the location names T1 as the allocating thread,
// with T1's allocation stack (whether or not it shows the malloc
// interceptor itself as frame #0).
// Sibling: norace/location_heap_thread.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out && FileCheck %s --check-prefix=LOC < %t.out
#include "weft_test.h"

static void *first(void *arg) {
  long *p = malloc(6 * sizeof(long));
  wtest_ptr_publish(p);
  return NULL;
}

static void *second(void *arg) {
  long *p = wtest_ptr_take();
  p[1] = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  free(wtest_ptr_take()); /* ordered after both by the joins */
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}location_heap_thread.c:[[#]]
// CHECK: Previous write of size 48 at 0x[[#%x,CUR-8]] by thread T1:
// CHECK-NOT: {{^ *[A-Z]}}
// CHECK: {{#[0-9]+}} first {{.*}}location_heap_thread.c:[[#]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}location_heap_thread.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings

// LOC: Write of size 8 at 0x[[#%x,CUR:]] by thread T2:
// LOC: Location is heap block of size 48 at 0x[[#%x,CUR-8]] allocated by thread T1:
// LOC-NOT: {{^ *[A-Z]}}
// LOC: {{#[0-9]+}} first {{.*}}location_heap_thread.c:[[#]]
