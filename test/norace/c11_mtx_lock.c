// C11 mtx_lock/mtx_unlock around both writes: ordered.  glibc's mtx_*
// functions do not call the pthread_mutex_* symbols.
// Sibling: race/c11_mtx_lock.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <threads.h>

static mtx_t m;
int x;

static int first(void *arg) {
  mtx_lock(&m);
  x = 1;
  mtx_unlock(&m);
  wtest_step_set(1);
  return 0;
}

static int second(void *arg) {
  wtest_step_wait(1);
  mtx_lock(&m);
  x = 2;
  mtx_unlock(&m);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(mtx_init(&m, mtx_plain) == thrd_success);
  WTEST_EXPECT(thrd_create(&a, first, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, second, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
