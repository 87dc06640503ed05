// An atomic update in one thread and a plain read in another: the read
// is not atomic, so they race.  Sibling: ok_atomic.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

long counter;

int main(void) {
  long seen = 0;
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
#pragma omp atomic
      counter += 3;
      wtest_step_set(1);
    } else if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      seen = counter;
    }
  }
  printf("%ld\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_atomic.c:21
// CHECK: Previous atomic write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_atomic.c:17
