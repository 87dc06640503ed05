// pthread_join: the child's write is ordered before the parent's read
// after the join.
// Sibling: race/join.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

int x;

static void *child(void *arg) {
  x = 1;
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, child, NULL);
  wtest_step_wait(1);
  wtest_join(a);
  wtest_use(x);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
