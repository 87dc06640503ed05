// A doacross loop: each iteration waits for the one before it (and, in
// two dimensions, for the one above) before reading what it wrote, and
// posts once its own value is written.  ordered depend(sink)/(source) is
// the only order between those iterations, run by different threads.
// Sibling: race_doacross.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

#define N 200
#define M 40
long line[N], grid[M][M];

int main(void) {
  line[0] = 1;
#pragma omp parallel for ordered(1) schedule(static, 1)
  for (int i = 1; i < N; i++) {
#pragma omp ordered depend(sink : i - 1)
    line[i] = line[i - 1] + i;
#pragma omp ordered depend(source)
  }
  for (int j = 0; j < M; j++) grid[0][j] = grid[j][0] = 1;
#pragma omp parallel for ordered(2) schedule(static, 1)
  for (int i = 1; i < M; i++)
    for (int j = 1; j < M; j++) {
#pragma omp ordered depend(sink : i - 1, j) depend(sink : i, j - 1)
      grid[i][j] = (grid[i - 1][j] + grid[i][j - 1]) % 1000003;
#pragma omp ordered depend(source)
    }
  printf("%ld %ld\n", line[N - 1], grid[M - 1][M - 1]);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 19901 817472
