// Two sibling tasks with depend(in) on the same variable are not ordered
// with each other: the reader of the second races with a write the first
// makes to another variable it did not declare.  Each waits for the
// other to have started, so two threads run them.  Sibling: ok_depend.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int x, undeclared;

int main(void) {
  int seen = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(in : x)
    {
      wtest_step_wait(1);
      undeclared = 1;
      wtest_step_set(2);
    }
#pragma omp task depend(in : x) shared(seen)
    {
      wtest_step_set(1);
      wtest_step_wait(2);
      seen = undeclared;
    }
  }
  printf("%d\n", seen);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 .omp_outlined.{{.*}} {{.*}}race_depend.c:28
// CHECK-NEXT: #1 .omp_task_entry.{{.*}} {{.*}}race_depend.c:24
// CHECK-NEXT: #2 main.omp_outlined{{.*}} {{.*}}race_depend.c:24
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 .omp_outlined.{{.*}} {{.*}}race_depend.c:21
// CHECK-NEXT: #1 .omp_task_entry.{{.*}} {{.*}}race_depend.c:18
// CHECK-NEXT: #2 main.omp_outlined{{.*}} {{.*}}race_depend.c:18
