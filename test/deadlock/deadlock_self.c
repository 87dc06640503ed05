// A self-deadlock: a thread locks a normal mutex it already holds.  The
// double lock is reported before the thread blocks, and once it has been
// blocked for a second the program ends with the error status.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_lock(&m);
  return 0;
}

// CHECK: WARNING: weft: double lock of a mutex (self-deadlock)
// CHECK-NEXT: Lock (write) of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which already holds it:
// CHECK-NEXT: #0 main {{.*}}deadlock_self.c:11:3
// CHECK-NEXT: It was acquired (write) by the same thread here:
// CHECK-NEXT: #0 main {{.*}}deadlock_self.c:10:3
// CHECK: SUMMARY: weft: double lock of a mutex (self-deadlock) {{.*}}deadlock_self.c:11:3 in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: main thread is blocked for good on the lock it holds (reported above); exiting
// CHECK: weft: reported 1 warnings
