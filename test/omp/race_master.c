// masked (and master) has no barrier at all: the other threads read what
// thread 0 wrote inside it unordered.  Sibling: ok_single_master.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int config;

int main(void) {
  int seen = 0;
#pragma omp parallel
  {
#pragma omp masked
    {
      config = 4;
      wtest_step_set(1);
    }
    if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      seen = config;
    }
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_master.c:22
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_master.c:17
