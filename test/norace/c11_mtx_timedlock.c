// C11 mtx_timedlock: one attempt times out, the next (far deadline) gets
// the mutex after the first thread's unlock: ordered.
// Sibling: race/c11_mtx_timedlock.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

static mtx_t m;
int x;

static int first(void *arg) {
  mtx_lock(&m);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  mtx_unlock(&m);
  return 0;
}

static int second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(mtx_timedlock(&m, &past) == thrd_timedout);
  wtest_step_set(2);
  struct timespec later = wtest_deadline(60000);
  WTEST_EXPECT(mtx_timedlock(&m, &later) == thrd_success);
  wtest_use(x);
  mtx_unlock(&m);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(mtx_init(&m, mtx_timed) == thrd_success);
  WTEST_EXPECT(thrd_create(&a, first, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, second, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
