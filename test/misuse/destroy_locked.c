// Destroy of a locked mutex: reported; glibc refuses it (EBUSY), and the
// mutex stays what it was, so the unlock that follows is no misuse.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m;

int main(void) {
  WTEST_CHECK(pthread_mutex_init(&m, NULL));
  pthread_mutex_lock(&m);
  WTEST_EXPECT(pthread_mutex_destroy(&m) == EBUSY);
  pthread_mutex_unlock(&m);
  WTEST_CHECK(pthread_mutex_destroy(&m));
  return 0;
}

// CHECK: WARNING: weft: destroy of a locked mutex
// CHECK-NEXT: Destroy of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}destroy_locked.c:12:
// CHECK-NEXT: It is held by main thread.
// CHECK: SUMMARY: weft: destroy of a locked mutex
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
