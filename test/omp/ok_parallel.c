// What the master writes before a parallel region every thread of it
// sees, and what the threads write inside the master sees after it, in
// every region of a run (the threads are reused from one to the next).
// Sibling: race_parallel.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int before, inside[64];

int main(void) {
  long total = 0;
  for (int round = 0; round < 3; round++) {
    before = round + 1;
#pragma omp parallel
    inside[omp_get_thread_num()] = before * 10;
    for (int i = 0; i < 64; i++) total += inside[i];
  }
  printf("total %ld\n", total);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: total
