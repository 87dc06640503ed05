// An OpenMP lock unset when no thread holds it: libomp stops the program
// with an assertion of its own, and weft's report comes before it.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 not --crash %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

omp_lock_t lock;

int main(void) {
  omp_init_lock(&lock);
  omp_set_lock(&lock);
  omp_unset_lock(&lock);
  omp_unset_lock(&lock);
  omp_destroy_lock(&lock);
  return 0;
}

// CHECK: WARNING: weft: unset of an unset OpenMP lock
// CHECK-NEXT: Unset of OpenMP lock M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}misuse_unset_unset.c:14
// CHECK: It is not set.
// CHECK: OMP: Error
