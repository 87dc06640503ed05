// C11 cnd_wait in a predicate loop, woken by cnd_signal: the mutex
// reacquired inside cnd_wait orders the payload.
// Sibling: race/c11_cnd_wait.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

static mtx_t m;
static cnd_t c;
static int ready; /* guarded by m */
int payload;

static int waiter(void *arg) {
  mtx_lock(&m);
  wtest_step_set(1); /* the signaller starts while we hold m */
  while (!ready)
    WTEST_EXPECT(cnd_wait(&c, &m) == thrd_success);
  mtx_unlock(&m);
  wtest_use(payload);
  return 0;
}

static int signaller(void *arg) {
  wtest_step_wait(1);
  payload = 42;
  mtx_lock(&m);
  ready = 1;
  cnd_signal(&c);
  mtx_unlock(&m);
  wtest_step_set(2);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(mtx_init(&m, mtx_plain) == thrd_success);
  WTEST_EXPECT(cnd_init(&c) == thrd_success);
  WTEST_EXPECT(thrd_create(&a, waiter, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, signaller, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
