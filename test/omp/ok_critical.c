// Every thread updates shared counters inside critical sections, named
// and unnamed, many times: each entry orders it after the previous exit.
// Sibling: race_critical.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int plain, named;

int main(void) {
#pragma omp parallel
  for (int i = 0; i < 200; i++) {
#pragma omp critical
    plain++;
#pragma omp critical(other)
    named += 2;
  }
  printf("%d %d\n", plain > 0, named == 2 * plain);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 1 1
