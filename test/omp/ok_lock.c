// omp_lock_t and omp_nest_lock_t order what their holders do, the nest
// lock also when taken again by its holder; omp_test_lock's successes
// count too.  Sibling: race_lock.c.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int simple, nested, tested;
omp_lock_t lock, test;
omp_nest_lock_t nest;

int main(void) {
  omp_init_lock(&lock);
  omp_init_lock(&test);
  omp_init_nest_lock(&nest);
#pragma omp parallel
  for (int i = 0; i < 100; i++) {
    omp_set_lock(&lock);
    simple++;
    omp_unset_lock(&lock);
    omp_set_nest_lock(&nest);
    omp_set_nest_lock(&nest);
    nested++;
    omp_unset_nest_lock(&nest);
    nested++;
    omp_unset_nest_lock(&nest);
    if (omp_test_lock(&test)) {
      tested++;
      omp_unset_lock(&test);
    }
  }
  omp_destroy_lock(&lock);
  omp_destroy_lock(&test);
  omp_destroy_nest_lock(&nest);
  printf("%d %d\n", nested == 2 * simple, tested > 0);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 1 1
