// single nowait has no barrier after it: a thread reading what the
// single thread wrote races with it.  Sibling: ok_single_master.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int config;

int main(void) {
  int seen[64] = {0};
#pragma omp parallel
  {
#pragma omp single nowait
    {
      config = 9;
      wtest_step_set(1);
    }
    if (omp_get_thread_num() == 0 || omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      seen[omp_get_thread_num()] = config;
    }
  }
  printf("%d\n", seen[0] + seen[1]);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_single_nowait.c:22
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_single_nowait.c:17
// CHECK: weft: reported 1 warnings
