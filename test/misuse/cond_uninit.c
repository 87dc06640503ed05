// A condition variable in a malloc'd block that was never initialized:
// it holds garbage, not pthread_cond_init's zeros (glibc's signal would
// wait on it for ever).  Each call is reported and fails with EINVAL;
// after a proper init the rest is silent.
// Sibling: misuse/ok_cond.c, static and initialized conditions.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

struct box {
  pthread_cond_t cv;
};

int main(void) {
  struct box *b = malloc(sizeof *b);
  memset(b, 0x5a, sizeof *b); /* what a reused block may hold */
  WTEST_EXPECT(pthread_cond_signal(&b->cv) == EINVAL);
  WTEST_CHECK(pthread_cond_init(&b->cv, NULL));
  WTEST_CHECK(pthread_cond_signal(&b->cv));
  WTEST_CHECK(pthread_cond_destroy(&b->cv));
  free(b);
  return 0;
}

// CHECK: WARNING: weft: use of an uninitialized condition variable
// CHECK-NEXT: Use of condition variable {{.*}}0x{{[0-9a-f]+}}{{.*}} by main thread:
// CHECK-NEXT: #0 main {{.*}}cond_uninit.c:17:
// CHECK-NEXT: It was never initialized
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
