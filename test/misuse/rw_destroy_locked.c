// Destroy of a read-locked rwlock.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t l;

int main(void) {
  WTEST_CHECK(pthread_rwlock_init(&l, NULL));
  pthread_rwlock_rdlock(&l);
  pthread_rwlock_destroy(&l);
  return 0;
}

// CHECK: WARNING: weft: destroy of a locked rwlock
// CHECK-NEXT: Destroy of rwlock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}rw_destroy_locked.c:10:
// CHECK-NEXT: It is read-locked.
// CHECK: SUMMARY: weft: destroy of a locked rwlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
