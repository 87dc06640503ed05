// thrd_join (C11): the child's write is ordered before the read after the
// join.
// Sibling: race/c11_thrd_join.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

int x;

static int child(void *arg) {
  x = 1;
  wtest_step_set(1);
  return 0;
}

int main(void) {
  thrd_t a;
  WTEST_EXPECT(thrd_create(&a, child, NULL) == thrd_success);
  wtest_step_wait(1);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  wtest_use(x);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
