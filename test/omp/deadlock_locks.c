// Two OpenMP locks taken in both orders by two threads of a team, one
// after the other (a step): no deadlock in this run, a lock-order
// inversion reported with both acquisitions' stacks.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

omp_lock_t a, b;

int main(void) {
  omp_init_lock(&a);
  omp_init_lock(&b);
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
      omp_set_lock(&a);
      omp_set_lock(&b);
      omp_unset_lock(&b);
      omp_unset_lock(&a);
      wtest_step_set(1);
    } else if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      omp_set_lock(&b);
      omp_set_lock(&a);
      omp_unset_lock(&a);
      omp_unset_lock(&b);
    }
  }
  return 0;
}

// CHECK: WARNING: weft: lock-order inversion (potential deadlock)
// CHECK: OpenMP lock M{{[0-9]+}} (0x{{[0-9a-f]+}}) created at:
// CHECK: weft: reported 1 warnings
