// pthread_join of a thread already joined: reported, and the call
// returns ESRCH instead of reading a freed thread descriptor.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static void *worker(void *arg) { return NULL; }

int main(void) {
  pthread_t t;
  wtest_create(&t, worker, NULL);
  wtest_join(t);
  WTEST_EXPECT(pthread_join(t, NULL) == ESRCH);
  return 0;
}

// CHECK: WARNING: weft: join of an already joined thread
// CHECK-NEXT: Join of thread T1 by main thread:
// CHECK-NEXT: #0 main {{.*}}join_joined.c:13:
// CHECK-NEXT: It was already joined here:
// CHECK-NEXT: #0 main {{.*}}join_joined.c:12:
// CHECK: SUMMARY: weft: join of an already joined thread
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
