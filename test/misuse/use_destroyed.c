// Lock of a destroyed mutex (glibc marks it and returns EINVAL): reported
// with where it was destroyed.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m;

int main(void) {
  WTEST_CHECK(pthread_mutex_init(&m, NULL));
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  WTEST_CHECK(pthread_mutex_destroy(&m));
  int r = pthread_mutex_lock(&m);
  if (r == 0) pthread_mutex_unlock(&m);
  return 0;
}

// CHECK: WARNING: weft: use of a destroyed mutex
// CHECK-NEXT: Use of mutex at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}use_destroyed.c:13:
// CHECK-NEXT: It was destroyed by main thread here:
// CHECK-NEXT: #0 main {{.*}}use_destroyed.c:12:
// CHECK: SUMMARY: weft: use of a destroyed mutex
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
