// pthread_create: the parent's write before creating the child is ordered
// before everything the child does.
// Sibling: race/create.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

int x;

static void *child(void *arg) {
  wtest_step_wait(1);
  wtest_use(x);
  return NULL;
}

int main(void) {
  pthread_t a;
  x = 1;
  wtest_create(&a, child, NULL);
  wtest_step_set(1);
  wtest_join(a);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
