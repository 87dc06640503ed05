// Like inversion_join_order.c, but the second thread is created before the
// first is joined: both may run at the same time, so the inversion is
// reported even though the steps order them in this run, as a cycle of
// concurrent threads (no line saying what kept them apart).
// Sibling: inversion_join_order.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env WEFT_OPTIONS=deadlock_concurrent_only=1 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *a_then_b(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  wtest_step_set(1);
  return NULL;
}

static void *b_then_a(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, a_then_b, NULL);
  wtest_create(&y, b_then_a, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// CHECK: WARNING: weft: lock-order inversion (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph:
// CHECK-NEXT: {{^  Mutex M[0-9]+ acquired}}
// CHECK: SUMMARY: weft: lock-order inversion
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
