// Explicit barriers, many of them in a row: each thread writes its own
// slot, then after the barrier reads its neighbour's, then after the next
// one writes again.  A team alternates two clocks from barrier to barrier;
// a thread that runs ahead into the next barrier must not be taken for
// one that left this one.  Sibling: race_barrier.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int slot[64];

int main(void) {
  long sum = 0;
#pragma omp parallel reduction(+ : sum)
  {
    int me = omp_get_thread_num(), n = omp_get_num_threads();
    for (int round = 0; round < 50; round++) {
      slot[me] = round + me;
#pragma omp barrier
      sum += slot[(me + 1) % n];
#pragma omp barrier
    }
  }
  printf("sum %ld\n", sum);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: sum
