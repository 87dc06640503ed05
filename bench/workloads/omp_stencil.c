/* Benchmark workload: an OpenMP 2-D Jacobi stencil.
 * Two 1536 x 1536 grids of doubles; each sweep is a `parallel for` over
 * rows (static schedule, an implicit barrier at its end) that averages
 * each cell's four neighbours into the other grid, then the grids swap.
 * It stresses vectorized plain accesses to memory each thread owns for
 * the sweep, and the region and barrier events of the OpenMP runtime.
 * Race-free: a sweep reads one grid and writes disjoint rows of the other.
 *
 * Usage: omp_stencil [SCALE]   (SCALE multiplies the sweeps, default 1).
 * Run with OMP_NUM_THREADS set; the checksum is summed serially at the
 * end, so it is the same in every build and for every team size. */
#include <stdio.h>
#include <stdlib.h>

#define N 1536
#define BASE_SWEEPS 40

static double grid[2][N][N];

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 1;
  if (scale < 1) scale = 1;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) grid[0][i][j] = grid[1][i][j] = (i * 31 + j * 17) % 101;
  int cur = 0;
  for (int s = 0; s < BASE_SWEEPS * scale; s++) {
    double (*src)[N] = grid[cur], (*dst)[N] = grid[cur ^ 1];
#pragma omp parallel for schedule(static)
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        dst[i][j] = 0.25 * (src[i - 1][j] + src[i + 1][j] + src[i][j - 1] + src[i][j + 1]);
    cur ^= 1;
  }
  unsigned long long check = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) check = check * 31 + (unsigned long long)(grid[cur][i][j] * 1000);
  printf("%llx\n", check);
  return 0;
}
