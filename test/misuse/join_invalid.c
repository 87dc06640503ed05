// A join of a thread id no thread ever had: glibc would read it as a
// thread descriptor and crash.  Reported, and the join returns ESRCH.
// A join of a thread that has already ended (but is not yet joined) is
// fine and stays silent.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static void *quick(void *arg) {
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, quick, NULL);
  wtest_step_wait(1);
  wtest_join(t); /* ended or about to: no report */
  pthread_t bogus = (pthread_t)0x1234560;
  int r = pthread_join(bogus, NULL);
  printf("join: %s\n", r == ESRCH ? "ESRCH" : "?");
  return 0;
}

// CHECK: WARNING: weft: join of an invalid thread
// CHECK-NEXT: Join of thread id 0x1234560 by main thread:
// CHECK-NEXT: #0 main {{.*}}join_invalid.c:20:
// CHECK-NEXT: No thread has had this id: the join returns ESRCH instead of reading it.
// CHECK-NOT: WARNING: weft
// CHECK: join: ESRCH
