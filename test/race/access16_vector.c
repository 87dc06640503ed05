// A 16-byte SSE vector store and a 4-byte read of its last lane,
// unordered: a race, each access with its own address and size.
// Sibling: norace/access16_vector.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

typedef int v4si __attribute__((vector_size(16)));
union lanes {
  v4si vec;
  int lane[4];
} u;

static void *first(void *arg) {
  int k = (int)(long)arg;
  u.vec = (v4si){k, k + 1, k + 2, k + 3};
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  wtest_use(u.lane[3]);
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
// CHECK-NEXT: Read of size 4 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}access16_vector.c:[[#]]
// CHECK: Previous write of size 16 at 0x[[#%x,CUR-12]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}access16_vector.c:[[#]]
// CHECK-DAG: Location is global 'u' of size 16 at 0x[[#%x,CUR-12]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}access16_vector.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
