// A thread that read-locks a rwlock and then asks to write-lock it waits
// for itself: reported before it blocks, and the program ends once it
// has been blocked for a second.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

int main(void) {
  pthread_rwlock_rdlock(&l);
  pthread_rwlock_rdlock(&l); // a second read lock is fine
  pthread_rwlock_unlock(&l);
  pthread_rwlock_wrlock(&l);
  return 0;
}

// CHECK: WARNING: weft: double lock of a rwlock (self-deadlock)
// CHECK-NEXT: Lock (write) of rwlock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which already holds it:
// CHECK-NEXT: #0 main {{.*}}rw_double_lock.c:13:
// CHECK-NEXT: It was acquired (read) by the same thread here:
// CHECK-NEXT: #0 main {{.*}}rw_double_lock.c:10:
// CHECK: SUMMARY: weft: double lock of a rwlock (self-deadlock)
// CHECK-NOT: WARNING: weft
// CHECK: weft: main thread is blocked for good
// CHECK: weft: reported 1 warnings
