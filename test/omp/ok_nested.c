// Nested parallel regions, many times over: each outer thread opens an
// inner region whose master creates tasks.  libomp reuses its nested
// teams' structures across the outer threads, so the parallel data an
// inner region's callbacks carry may belong to another thread's inner
// region; weft must follow each region through the task that encountered
// it, with no false report, crash or hang.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=4 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int counted, inner_total[8];

static void add_one(void) {
#pragma omp task
  {
#pragma omp atomic
    counted++;
  }
}

int main(void) {
  omp_set_max_active_levels(2);
  omp_set_dynamic(0);
  int outer = 0;
  for (int round = 0; round < 100; round++) {
    counted = 0;
#pragma omp parallel num_threads(6)
    {
      int me = omp_get_thread_num();
      if (me == 0) outer = omp_get_num_threads();
      inner_total[me] = 0;
#pragma omp parallel num_threads(2)
      {
#pragma omp master
        for (int i = 0; i < 20; i++) add_one();
#pragma omp barrier
#pragma omp atomic
        inner_total[me]++;
      }
    }
    if (counted != outer * 20) {
      printf("wrong count %d\n", counted);
      return 1;
    }
  }
  printf("ok %d\n", inner_total[0]);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: ok 2
