// A barrier inside a condition that only thread 0 meets: thread 0 waits
// there, the others have done their part of the region and wait at its
// end, and neither barrier ever fills.  Every thread is blocked for good: reported as a hang.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=4 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int main(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
#pragma omp barrier
    }
  }
  return 0;
}

// CHECK: WARNING: weft: deadlock (all threads blocked)
// CHECK: Main thread waits at barrier [[B:M[0-9]+]]:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}hang_barrier.c:14
// CHECK: Thread T1 has done its part of a parallel region and waits for the next one:
// CHECK-NEXT: #0 main {{.*}}hang_barrier.c:11
// CHECK: weft: reported 1 warnings
