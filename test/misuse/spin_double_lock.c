// A spin lock locked twice by the same thread spins forever: reported
// before, and the program ends once it has spun for a second.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_spinlock_t s;

int main(void) {
  WTEST_CHECK(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE));
  pthread_spin_lock(&s);
  pthread_spin_lock(&s);
  return 0;
}

// CHECK: WARNING: weft: double lock of a spin lock (self-deadlock)
// CHECK-NEXT: Lock (write) of spin lock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which already holds it:
// CHECK-NEXT: #0 main {{.*}}spin_double_lock.c:11:
// CHECK: SUMMARY: weft: double lock of a spin lock (self-deadlock)
// CHECK-NOT: WARNING: weft
// CHECK: weft: main thread is blocked for good
// CHECK: weft: reported 1 warnings
