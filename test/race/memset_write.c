// memset of a buffer, then an unordered plain 1-byte write inside it: a
// race with the memset's write.
// Sibling: norace/memset_write.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string.h>

_Alignas(8) char buf[64];

static void *first(void *arg) {
  memset(buf, (int)(long)arg, sizeof buf);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  buf[5] = 1;
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
// CHECK-NEXT: Write of size 1 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}memset_write.c:[[#]]
// CHECK: Previous write of size 64 at 0x[[#%x,CUR-5]] by thread T1:
// CHECK-NOT: {{^ *[A-Z]}}
// CHECK: {{#[0-9]+}} first {{.*}}memset_write.c:[[#]]
// CHECK-DAG: Location is global 'buf' of size 64 at 0x[[#%x,CUR-5]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}memset_write.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
