// A task writes a variable its creator reads with no taskwait between:
// the creator reads once the task has written (a step), still a race.
// Sibling: ok_task.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int result;

int main(void) {
  int seen = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task
    {
      result = 7;
      wtest_step_set(1);
    }
    /* The task runs on another thread: this one spins until it wrote. */
    wtest_step_wait(1);
    seen = result;
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_task.c:24
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 .omp_outlined.{{.*}} {{.*}}race_task.c:19
// CHECK-NEXT: #1 .omp_task_entry.{{.*}} {{.*}}race_task.c:17
// CHECK-NEXT: #2 main.omp_outlined{{.*}} {{.*}}race_task.c:17
// CHECK: Location is global 'result'
