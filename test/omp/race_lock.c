// Two threads update one counter under two different OpenMP locks: no
// order between them.  Sibling: ok_lock.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int counter;
omp_lock_t first, second;

int main(void) {
  omp_init_lock(&first);
  omp_init_lock(&second);
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
      omp_set_lock(&first);
      counter++;
      omp_unset_lock(&first);
      wtest_step_set(1);
    } else if (omp_get_thread_num() == 1) {
      wtest_step_wait(1);
      omp_set_lock(&second);
      counter++;
      omp_unset_lock(&second);
    }
  }
  omp_destroy_lock(&first);
  omp_destroy_lock(&second);
  printf("%d\n", counter);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}} (mutexes: write [[SECOND:M[0-9]+]]):
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_lock.c:25
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread (mutexes: write [[FIRST:M[0-9]+]]):
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_lock.c:19
// CHECK-DAG: OpenMP lock [[SECOND]] (0x{{[0-9a-f]+}}) created at:{{$}}
// CHECK-DAG: OpenMP lock [[FIRST]] (0x{{[0-9a-f]+}}) created at:{{$}}
