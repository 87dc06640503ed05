// A worksharing loop with nowait has no barrier at its end: a thread
// reading an element another thread wrote in it races with that write.
// Sibling: ok_for.c (loops without nowait).
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

#define N 64
int a[N], b[N];

int main(void) {
#pragma omp parallel
  {
#pragma omp for schedule(static) nowait
    for (int i = 0; i < N; i++) a[i] = i;
    /* a[0] is thread 0's (a static schedule's first chunk); thread 1
     * reads it once it is written. */
    if (omp_get_thread_num() == 0) wtest_step_set(1);
    if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      b[0] = a[0];
    }
  }
  printf("%d\n", b[0]);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_for_nowait.c:23
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_for_nowait.c:17
// CHECK: Location is global 'a'
