/* Benchmark workload: OpenMP task parallelism.
 * A merge sort of 4 Mi ints whose halves are sorted by child tasks down
 * to a cutoff (taskwait joins them), and a recursive Fibonacci with a
 * task per call above a cutoff.  It stresses task creation, scheduling,
 * taskwait and the reuse of task descriptors by the OpenMP runtime.
 * Race-free: sibling tasks sort disjoint halves; each level merges after
 * its taskwait.
 *
 * Usage: omp_tasks [SCALE]   (SCALE multiplies the rounds, default 1).
 * The checksum is computed serially and is the same in every build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N (4 << 20)
#define CUTOFF 2048
#define BASE_ROUNDS 2

static int data[N], tmp[N];

static void merge(int *a, int *t, long n) {
  long h = n / 2, i = 0, j = h, k = 0;
  while (i < h && j < n) t[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < h) t[k++] = a[i++];
  while (j < n) t[k++] = a[j++];
  memcpy(a, t, n * sizeof *a);
}

static void sort(int *a, int *t, long n) {
  if (n < 2) return;
  if (n <= CUTOFF) {
    for (long i = 1; i < n; i++) {
      int v = a[i];
      long j = i;
      while (j > 0 && a[j - 1] > v) {
        a[j] = a[j - 1];
        j--;
      }
      a[j] = v;
    }
    return;
  }
  long h = n / 2;
#pragma omp task
  sort(a, t, h);
#pragma omp task
  sort(a + h, t + h, n - h);
#pragma omp taskwait
  merge(a, t, n);
}

static long fib(int n) {
  if (n < 2) return n;
  if (n < 20) return fib(n - 1) + fib(n - 2);
  long x, y;
#pragma omp task shared(x)
  x = fib(n - 1);
#pragma omp task shared(y)
  y = fib(n - 2);
#pragma omp taskwait
  return x + y;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 1;
  if (scale < 1) scale = 1;
  unsigned long long check = 0;
  for (int r = 0; r < BASE_ROUNDS * scale; r++) {
    unsigned s = 12345u + (unsigned)r;
    for (long i = 0; i < N; i++) {
      s = s * 1103515245u + 12345u;
      data[i] = (int)(s >> 8);
    }
    long f = 0;
#pragma omp parallel
#pragma omp single
    {
      sort(data, tmp, N);
      f = fib(27);
    }
    for (long i = 0; i < N; i += 4099) check = check * 31 + (unsigned)data[i];
    check += (unsigned long long)f;
  }
  printf("%llx\n", check);
  return 0;
}
