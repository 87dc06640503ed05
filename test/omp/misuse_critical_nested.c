// A critical section entered again inside itself (through a call) never
// returns: reported before the thread blocks.
// RUN: %weft-cc -fopenmp -O1 -g %test_include %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <omp.h>

int count;

__attribute__((noinline)) static void bump(void) {
#pragma omp critical
  count++;
}

int main(void) {
#pragma omp critical
  bump();
  return count;
}

// CHECK: WARNING: weft: critical section entered again inside itself (self-deadlock)
// CHECK-NEXT: Entry into critical section [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which is already inside it:
// CHECK-NEXT: #0 bump {{.*}}misuse_critical_nested.c:11
// CHECK: It was acquired by the same thread here:
// CHECK-NEXT: #0 main {{.*}}misuse_critical_nested.c:16
