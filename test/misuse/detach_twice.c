// Detaching a thread twice, and detaching one already joined: glibc's
// descriptor may be freed or reused by then.  Each is reported with where
// it was detached or joined first, and the call returns EINVAL or ESRCH
// without touching the thread.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static void *idle(void *arg) {
  wtest_step_wait(1);
  return NULL;
}

int main(void) {
  pthread_t t, u;
  wtest_create(&t, idle, NULL);
  wtest_create(&u, idle, NULL);
  pthread_detach(t);
  int r1 = pthread_detach(t);
  wtest_step_set(1);
  wtest_join(u);
  int r2 = pthread_detach(u);
  printf("%s %s\n", r1 == EINVAL ? "EINVAL" : "?", r2 == ESRCH ? "ESRCH" : "?");
  return 0;
}

// CHECK: WARNING: weft: detach of a detached thread
// CHECK-NEXT: Detach of thread T1 by main thread:
// CHECK-NEXT: #0 main {{.*}}detach_twice.c:19:
// CHECK-NEXT: It was already detached here:
// CHECK-NEXT: #0 main {{.*}}detach_twice.c:18:
// CHECK: WARNING: weft: detach of an already joined thread
// CHECK-NEXT: Detach of thread T2 by main thread:
// CHECK-NEXT: #0 main {{.*}}detach_twice.c:22:
// CHECK-NEXT: It was already joined here:
// CHECK-NEXT: #0 main {{.*}}detach_twice.c:21:
// CHECK-NOT: WARNING: weft
// CHECK: EINVAL ESRCH
