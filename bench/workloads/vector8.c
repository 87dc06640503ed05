/* Benchmark workload: 16-byte vector loads and stores at addresses that
 * are 8- but not 16-byte aligned.  Each thread runs Jacobi sweeps of a
 * 5-point stencil over its own pair of 128 x 256 grids of doubles; at -O2
 * clang vectorizes the inner loop into <2 x double> loads and stores, and
 * since a row starts 16-byte aligned and the inner loop starts at column 1,
 * the loads from the rows above and below and the store sit at 8 mod 16,
 * the row[j-1] and row[j+1] loads at 0 mod 16.  It stresses a
 * shadow-memory detector's handling of vector accesses (two granules
 * each, three in five not on a 16-byte boundary) on a hot loop that is
 * nearly all loads and stores.  Race-free: every thread touches only its
 * own grids; main reads the results after join.
 *
 * Usage: vector8 [SCALE]   (SCALE multiplies the number of sweeps,
 * default 1; the grid size stays fixed).  Prints a checksum that is the
 * same in every build: no fast-math, and every sum has a fixed order. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NTHREADS = 2, ROWS = 128, COLS = 256 }; /* 256 KiB per grid */
/* Sweeps per thread at scale 1: about half a second natively here. */
#define BASE_SWEEPS 20000L

struct worker {
  pthread_t tid;
  long sweeps;
  int id;
  double *a, *b; /* ROWS * COLS each, 64-byte aligned */
  double sum;    /* written by the worker, read by main after join */
};

/* One sweep: every interior point becomes the mean of its 4 neighbours. */
static void sweep(double *restrict dst, const double *restrict src) {
  for (int i = 1; i < ROWS - 1; i++) {
    const double *up = src + (i - 1) * COLS, *row = src + i * COLS,
                 *down = src + (i + 1) * COLS;
    double *out = dst + i * COLS;
    for (int j = 1; j < COLS - 1; j++)
      out[j] = 0.25 * (row[j - 1] + row[j + 1] + up[j] + down[j]);
  }
}

static void *run(void *arg) {
  struct worker *t = arg;
  /* Bumpy interior, fixed edges (hot top row), the same in both grids. */
  for (int i = 0; i < ROWS; i++)
    for (int j = 0; j < COLS; j++) {
      uint32_t h = (uint32_t)(i * COLS + j + t->id) * 2654435761u;
      double v = i == 0 ? 1.0 : (double)(h >> 8) / (double)(1u << 24);
      t->a[i * COLS + j] = v;
      t->b[i * COLS + j] = v;
    }
  for (long s = 0; s < t->sweeps; s++) {
    sweep(t->b, t->a);
    double *tmp = t->a;
    t->a = t->b;
    t->b = tmp;
  }
  double sum = 0.0;
  for (int k = 0; k < ROWS * COLS; k++)
    sum += t->a[k];
  t->sum = sum;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long sweeps = (long)(BASE_SWEEPS * scale);
  if (sweeps < 1)
    sweeps = 1;

  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.sweeps = sweeps, .id = i};
    w[i].a = aligned_alloc(64, ROWS * COLS * sizeof(double));
    w[i].b = aligned_alloc(64, ROWS * COLS * sizeof(double));
    if (!w[i].a || !w[i].b) {
      perror("aligned_alloc");
      return 1;
    }
  }
  for (int i = 0; i < NTHREADS; i++) {
    if (pthread_create(&w[i].tid, NULL, run, &w[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  double total = 0.0;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(w[i].tid, NULL);
    total += w[i].sum;
  }
  uint64_t bits;
  memcpy(&bits, &total, sizeof bits);
  printf("vector8: sweeps=%ld sum=%.9f mid=%.9f checksum=%016llx\n", sweeps,
         total, w[0].a[ROWS / 2 * COLS + COLS / 2],
         (unsigned long long)bits);
  for (int i = 0; i < NTHREADS; i++) {
    free(w[i].a);
    free(w[i].b);
  }
  return 0;
}
