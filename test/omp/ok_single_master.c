// single's implicit barrier, master followed by a barrier, sections, and
// copyprivate broadcast what one thread wrote to all of them.
// Siblings: race_single_nowait.c, race_master.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int config, other, left, right, total[64];

int main(void) {
#pragma omp parallel
  {
    int me = omp_get_thread_num(), mine;
#pragma omp single
    config = 3;
#pragma omp master
    other = 4;
#pragma omp barrier
#pragma omp sections
    {
#pragma omp section
      left = config;
#pragma omp section
      right = other;
    }
#pragma omp single copyprivate(mine)
    mine = 5;
    total[me] = config + other + left + right + mine;
  }
  printf("%d\n", total[0]);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 19
