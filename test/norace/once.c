// pthread_once: the second caller does not run the routine but returns
// after it completed, ordered after its writes.
// Sibling: race/once.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
int x;

__attribute__((noinline)) static void init_x(void) { x = 1; }

static void *first(void *arg) {
  pthread_once(&once, init_x);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_once(&once, init_x);
  wtest_use(x);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
