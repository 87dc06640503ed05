// A taskgroup waits for its tasks and all their descendants, nested
// taskgroups included.  Sibling: race_taskgroup.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int deep, deeper, outer;

int main(void) {
  int seen = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskgroup
    {
#pragma omp task
      {
#pragma omp task
        deep = 1;
#pragma omp taskgroup
        {
#pragma omp task
          deeper = 2;
        }
        outer = deeper + 1;
      }
    }
    seen = deep + deeper + outer;
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 6
