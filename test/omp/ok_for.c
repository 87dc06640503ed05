// Worksharing loops end with an implicit barrier: the next loop may read
// what any thread wrote in the previous one.  Also a dynamic schedule and
// a reduction.  Sibling: race_for_nowait.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

#define N 1000
int a[N], b[N];

int main(void) {
  long sum = 0;
#pragma omp parallel
  {
#pragma omp for schedule(static)
    for (int i = 0; i < N; i++) a[i] = i;
#pragma omp for schedule(dynamic, 7)
    for (int i = 0; i < N; i++) b[i] = a[N - 1 - i] * 2;
#pragma omp for reduction(+ : sum)
    for (int i = 0; i < N; i++) sum += b[i];
  }
  printf("sum %ld\n", sum);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: sum 999000
