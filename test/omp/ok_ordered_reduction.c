// ordered runs its blocks in iteration order, one at a time; reductions
// of every kind combine private copies (libomp's combining reads the
// other threads' copies: not the program's accesses); lastprivate hands
// the last iteration's value out.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int order[100], next;

int main(void) {
  long sum = 0, prod = 1;
  int hi = 0, last = 0;
  double fsum = 0;
#pragma omp parallel for ordered schedule(dynamic)
  for (int i = 0; i < 100; i++) {
#pragma omp ordered
    order[next++] = i;
  }
#pragma omp parallel for reduction(+ : sum, fsum) reduction(* : prod) reduction(max : hi) lastprivate(last)
  for (int i = 1; i <= 20; i++) {
    sum += i;
    fsum += 0.5;
    prod *= (i % 3) + 1;
    if (i > hi) hi = i;
    last = i;
  }
  long again = 0;
#pragma omp parallel reduction(+ : again)
  again += omp_get_thread_num() >= 0;
  printf("%d %d %ld %.1f %ld %d %d %d\n", order[99], next, sum, fsum, prod, hi, last,
         again == omp_get_max_threads());
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 99 100 210 10.0 {{[0-9]+}} 20 20 1
