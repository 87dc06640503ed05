// A task's child outlives a taskwait (which waits for children only),
// but not a taskgroup: the grandchild's write races with the read after
// the taskwait.  The creator spins until the grandchild has started, so
// another thread runs it (a spinning thread runs no tasks), then lets it
// write once the taskwait is over.  Sibling: ok_taskgroup.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int deep;

int main(void) {
  int seen = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task
    {
#pragma omp task
      {
        wtest_step_set(1);
        wtest_step_wait(2);
        deep = 1;
        wtest_step_set(3);
      }
    }
    wtest_step_wait(1);
#pragma omp taskwait
    wtest_step_set(2);
    wtest_step_wait(3);
    seen = deep;
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 main.omp_outlined{{.*}} {{.*}}race_taskgroup.c:33
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 .omp_outlined.{{.*}} {{.*}}race_taskgroup.c:25
// CHECK-NEXT: #1 .omp_task_entry.{{.*}} {{.*}}race_taskgroup.c:21
// CHECK-NEXT: #2 .omp_outlined.{{.*}} {{.*}}race_taskgroup.c:21
