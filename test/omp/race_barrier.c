// Thread 0 writes, thread 1 reads later in the same phase: no barrier
// between them, a race.  Sibling: ok_barrier.c has the barrier.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int cell;

int main(void) {
  int seen = 0;
#pragma omp parallel
  {
#pragma omp barrier
    if (omp_get_thread_num() == 0) {
      cell = 5;
      wtest_step_set(1);
    }
    if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      seen = cell;
    }
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_barrier.c:22
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_barrier.c:17
// CHECK: weft: reported 1 warnings
