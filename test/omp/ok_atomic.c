// atomic update, read, write and capture, on ints and doubles, and a
// flag handed over with seq_cst atomics.  Sibling: race_atomic.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int count;
double total;
int data, flag;

int main(void) {
#pragma omp parallel
  {
    for (int i = 0; i < 100; i++) {
#pragma omp atomic
      count++;
#pragma omp atomic update
      total += 0.5;
    }
    int mine;
#pragma omp atomic capture
    mine = count++;
    (void)mine;
    if (omp_get_thread_num() == 0) {
      data = 42;
#pragma omp atomic write seq_cst
      flag = 1;
    } else if (omp_get_thread_num() == 1) {
      int f = 0;
      while (!f) {
#pragma omp atomic read seq_cst
        f = flag;
      }
      data++;
    }
  }
  printf("%d %d\n", count > 0, data == 43);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 1 1
