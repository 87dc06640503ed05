// Task dependences order siblings: out then in (two readers), inout
// chains, mutexinoutset (exclusive, any order), inoutset, a dependence
// through a depobj, and omp_all_memory.  Sibling: race_depend.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int x, y, r1, r2, chain, mutex_sum, set_a, set_b, via_obj, all_a, all_b, all_after;

int main(void) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : x)
    x = 5;
#pragma omp task depend(in : x)
    r1 = x;
#pragma omp task depend(in : x)
    r2 = x;
    for (int i = 0; i < 10; i++) {
#pragma omp task depend(inout : chain)
      chain = chain * 2 + 1;
    }
    for (int i = 0; i < 10; i++) {
#pragma omp task depend(mutexinoutset : mutex_sum)
      mutex_sum += i;
    }
#pragma omp task depend(inoutset : y)
    set_a = 1;
#pragma omp task depend(inoutset : y)
    set_b = 2;
#pragma omp task depend(in : y)
    y = set_a + set_b;
    omp_depend_t obj;
#pragma omp depobj(obj) depend(out : via_obj)
#pragma omp task depend(depobj : obj)
    via_obj = 3;
#pragma omp task depend(in : via_obj)
    via_obj++;
#pragma omp task depend(out : all_a)
    all_a = 1;
#pragma omp task depend(out : all_b)
    all_b = 2;
#pragma omp task depend(inout : omp_all_memory)
    all_after = all_a + all_b;
#pragma omp task depend(in : all_a)
    all_a = all_after;
#pragma omp taskwait
#pragma omp depobj(obj) destroy
  }
  printf("%d %d %d %d %d %d %d\n", r1 + r2, chain, mutex_sum, y, via_obj, all_after, all_a);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 10 1023 45 3 4 3 3
