// After a parallel region, the main thread waits on a condition variable
// nothing will signal.  libomp's workers idle until a next region, which
// only main could start: every thread is blocked for good, a hang.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t c = PTHREAD_COND_INITIALIZER;
int sum;

int main(void) {
#pragma omp parallel reduction(+ : sum)
  sum += 1;
  pthread_mutex_lock(&m);
  while (sum > 0) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return 0;
}

// CHECK: WARNING: weft: deadlock (all threads blocked)
// CHECK: Main thread waits on condition variable
// CHECK-NEXT: #0 main {{.*}}hang_after_region.c:17
// CHECK: Thread T1 has done its part of a parallel region and waits for the next one:
// CHECK-NEXT: #0 main {{.*}}hang_after_region.c:14
// CHECK: weft: reported 1 warnings
