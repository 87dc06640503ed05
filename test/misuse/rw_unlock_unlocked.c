// Unlock of a rwlock nobody holds.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

int main(void) {
  pthread_rwlock_rdlock(&l);
  pthread_rwlock_unlock(&l);
  pthread_rwlock_unlock(&l);
  return 0;
}

// CHECK: WARNING: weft: unlock of an unlocked rwlock
// CHECK-NEXT: Unlock of rwlock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}rw_unlock_unlocked.c:10:
// CHECK: SUMMARY: weft: unlock of an unlocked rwlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
