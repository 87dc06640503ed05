// taskloop: libomp copies the pattern task for each chunk inside the
// runtime and reuses the copies' memory from one taskloop to the next;
// firstprivate and lastprivate values go through those copies.  The
// implicit taskgroup (or, with nogroup, a taskwait) orders the chunks
// before what follows.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

#define N 1000
int data[N];

int main(void) {
  long check = 0;
  int last = 0;
#pragma omp parallel
#pragma omp single
  for (int round = 0; round < 20; round++) {
    int base = round * 3;
#pragma omp taskloop grainsize(37) firstprivate(base) lastprivate(last)
    for (int i = 0; i < N; i++) {
      data[i] = base + i;
      last = i;
    }
    for (int i = 0; i < N; i += 97) check += data[i];
#pragma omp taskloop num_tasks(7) nogroup
    for (int i = 0; i < N; i++) data[i]++;
#pragma omp taskwait
    check += data[N - 1] + last;
  }
  printf("%ld\n", check);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: {{[0-9]+}}
