// The gate of silent_gate.c, but the second thread takes B then A
// without it: the gate no longer makes the threads take turns, so the
// inversion is reported.
// Sibling: silent_gate.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t g = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  pthread_mutex_lock(&g);
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&g);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// CHECK: WARNING: weft: lock-order inversion (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: [[MA:M[0-9]+]] ({{.*}}) => [[MB:M[0-9]+]] ({{.*}}) => [[MA]]
// CHECK-NEXT: {{^  Mutex M[0-9]+ acquired}}
// CHECK: SUMMARY: weft: lock-order inversion
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
