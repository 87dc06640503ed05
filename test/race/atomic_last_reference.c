// The reference count of norace/atomic_last_reference.c read with a
// relaxed load: nothing orders the worker's RMW before main's plain write
// to the counter's memory, a race on the counter itself.
// Sibling: norace/atomic_last_reference.c uses an acquire load.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <stdatomic.h>

union {
  atomic_int refs;
  int reused;
} obj = {.refs = 2};

static void *worker(void *arg) {
  atomic_fetch_sub_explicit(&obj.refs, 1, memory_order_release);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, worker, NULL);
  unsigned spins = 0;
  while (atomic_load_explicit(&obj.refs, memory_order_relaxed) != 1) wtest_backoff(&spins);
  obj.reused = 7;
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}atomic_last_reference.c:[[#]]
// CHECK: Previous atomic write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 worker {{.*}}atomic_last_reference.c:[[#]]
// CHECK: SUMMARY: weft: data race {{.*}}atomic_last_reference.c:{{[0-9:]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
