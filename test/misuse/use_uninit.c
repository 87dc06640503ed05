// Lock of a mutex that was never initialized: heap memory holding
// garbage (here a pattern no initialization writes) rather than a mutex.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

int main(void) {
  pthread_mutex_t *m = malloc(sizeof *m);
  memset(m, 0xab, sizeof *m);
  int r = pthread_mutex_trylock(m);
  if (r == 0) pthread_mutex_unlock(m);
  free(m);
  return 0;
}

// CHECK: WARNING: weft: use of an uninitialized mutex
// CHECK-NEXT: Use of mutex at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}use_uninit.c:9:
// CHECK-NEXT: It was never initialized (type word 0xabababab).
// CHECK: SUMMARY: weft: use of an uninitialized mutex
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
