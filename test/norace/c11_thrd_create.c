// thrd_create (C11 <threads.h>): the parent's write before it is ordered
// before the child's read.  glibc's thrd_create does not go through the
// pthread_create symbol, so it needs its own interception.
// Sibling: race/c11_thrd_create.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

int x;

static int child(void *arg) {
  wtest_step_wait(1);
  wtest_use(x);
  return 0;
}

int main(void) {
  thrd_t a;
  x = 1;
  WTEST_EXPECT(thrd_create(&a, child, NULL) == thrd_success);
  wtest_step_set(1);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
