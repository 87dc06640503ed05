// A simple lock set twice by its owner never returns: reported before
// the thread blocks, and the run ends once it has stayed blocked.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

omp_lock_t lock;

int main(void) {
  omp_init_lock(&lock);
  omp_set_lock(&lock);
  omp_set_lock(&lock);
  return 0;
}

// CHECK: WARNING: weft: double lock of an OpenMP lock (self-deadlock)
// CHECK-NEXT: Set of OpenMP lock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which already holds it:
// CHECK-NEXT: #0 main {{.*}}misuse_double_set.c:13
// CHECK: It was acquired by the same thread here:
// CHECK-NEXT: #0 main {{.*}}misuse_double_set.c:12
// CHECK: weft: main thread is blocked for good
