// One thread updates a counter inside a critical section, another
// outside it: the critical section orders only those inside it.  The
// report names the critical section among the first thread's locks.
// Sibling: ok_critical.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int counter;

int main(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
#pragma omp critical
      counter++;
      wtest_step_set(1);
    } else if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      counter++;
    }
  }
  printf("%d\n", counter);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_critical.c:22
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_critical.c:18
// CHECK: Critical section [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_critical.c:17
