// A doacross loop in which iteration 1 writes its value again after its
// source post: iteration 2, run by the other thread, reads it after its
// sink wait, which orders it only after what came before the post.
// Sibling: ok_doacross.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

#define N 4
long line[N];

int main(void) {
#pragma omp parallel for ordered(1) schedule(static, 1) num_threads(2)
  for (int i = 1; i < N; i++) {
    if (i == 2) wtest_step_wait(1); /* the read comes second */
#pragma omp ordered depend(sink : i - 1)
    line[i] = line[i - 1] + i;
#pragma omp ordered depend(source)
    if (i == 1) {
      line[i] = 0;
      wtest_step_set(1);
    }
  }
  printf("%ld\n", line[N - 1]);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_doacross.c:18
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_doacross.c:21
// CHECK: weft: reported 1 warnings
