// Tasks and what orders them: creation (firstprivate and shared inputs
// the creator wrote), taskwait (their results), the barrier at the end of
// single, and a recursive Fibonacci whose every level waits for its two
// children.  Task descriptors are reused by libomp across tasks: no
// report may come from that.  Sibling: race_task.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

static long fib(int n) {
  if (n < 2) return n;
  long a, b;
#pragma omp task shared(a)
  a = fib(n - 1);
#pragma omp task shared(b)
  b = fib(n - 2);
#pragma omp taskwait
  return a + b;
}

int input[100], output[100];
long f;

int main(void) {
#pragma omp parallel
  {
#pragma omp single
    {
      for (int i = 0; i < 100; i++) {
        input[i] = i;
        int k = i * 2;
#pragma omp task firstprivate(k)
        output[i] = input[i] + k;
      }
#pragma omp taskwait
      for (int i = 0; i < 100; i++) input[i] = output[i];
      for (int i = 0; i < 100; i++) {
#pragma omp task
        output[i]++;
      }
    }
    /* The barrier after single waits for every task of the region. */
    if (omp_get_thread_num() == 0) input[0] = output[99];
#pragma omp barrier
#pragma omp single
    f = fib(16);
  }
  printf("%d %ld\n", input[0], f);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 298 987
