// An OpenMP lock unset by a thread that does not hold it: libomp does
// not check, and releases it.  weft reports it, with the holder's name.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

omp_lock_t lock;

int main(void) {
  omp_init_lock(&lock);
#pragma omp parallel num_threads(2)
  {
    if (omp_get_thread_num() == 0) {
      omp_set_lock(&lock);
      wtest_step_set(1);
      wtest_step_wait(2);
    } else {
      wtest_step_wait(1);
      omp_unset_lock(&lock);
      wtest_step_set(2);
    }
  }
  omp_destroy_lock(&lock);
  return 0;
}

// CHECK: WARNING: weft: unset of an OpenMP lock owned by another thread
// CHECK-NEXT: Unset of OpenMP lock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by thread T{{[0-9]+}}, which does not hold it:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}misuse_unset_foreign.c:20
// CHECK: It is held by main thread.
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
