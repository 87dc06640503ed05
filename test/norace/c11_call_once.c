// C11 call_once: the second caller returns after the routine completed,
// ordered after its writes.
// Sibling: race/c11_call_once.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

static once_flag once = ONCE_FLAG_INIT;
int x;

__attribute__((noinline)) static void init_x(void) { x = 1; }

static int first(void *arg) {
  call_once(&once, init_x);
  wtest_step_set(1);
  return 0;
}

static int second(void *arg) {
  wtest_step_wait(1);
  call_once(&once, init_x);
  wtest_use(x);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(thrd_create(&a, first, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, second, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
