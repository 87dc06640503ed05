// Target regions with no offload device run on the host: a combined
// target teams distribute parallel for with a reduction, and a plain
// target region, then the host reads what they wrote.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int main(void) {
  int a[100], sum = 0;
  for (int i = 0; i < 100; i++) a[i] = i;
#pragma omp target teams distribute parallel for map(tofrom : a) reduction(+ : sum)
  for (int i = 0; i < 100; i++) sum += a[i];
#pragma omp target map(tofrom : a)
  a[0] = 5;
#pragma omp target teams distribute parallel for map(tofrom : a)
  for (int i = 1; i < 100; i++) a[i] *= 2;
  printf("%d %d %d\n", sum, a[0], a[99]);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 4950 5 198
