// Task reductions: tasks of a taskgroup add into a task_reduction
// variable through in_reduction; libomp combines the threads' copies when
// the group ends, after its tasks are done.  A reduction(task: ...) on a
// parallel region does the same at its end.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int main(void) {
  long sum = 0, total = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskgroup task_reduction(+ : sum)
    for (int i = 1; i <= 100; i++) {
#pragma omp task in_reduction(+ : sum)
      sum += i;
    }
  }
#pragma omp parallel reduction(task, + : total)
  {
#pragma omp single
    for (int i = 1; i <= 10; i++) {
#pragma omp task in_reduction(+ : total)
      total += i;
    }
  }
  printf("%ld %ld\n", sum, total);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 5050 55
