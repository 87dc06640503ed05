// Two threads of one team write a shared variable with nothing between
// them: a race, whatever the team size.  Thread 1 writes after thread 0
// (a step the detector does not see).
// Sibling: ok_parallel.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int shared_value;

int main(void) {
#pragma omp parallel
  {
    int me = omp_get_thread_num();
    if (me == 0) {
      shared_value = 1;
      wtest_step_set(1);
    } else if (me == 1) {
      wtest_step_wait(1);
      shared_value = 2;
    }
  }
  printf("%d\n", shared_value);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_parallel.c:22
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_parallel.c:18
// CHECK: Location is global 'shared_value'
// CHECK: Thread T{{[0-9]+}} is OpenMP thread 1 of the parallel region at {{.*}}race_parallel.c:14:1 (when reported).
// CHECK: weft: reported 1 warnings
