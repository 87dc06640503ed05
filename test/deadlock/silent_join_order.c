// The two orders separated by thread start and join: the first thread
// is joined before the second is created, so they never run at the same
// time and cannot deadlock.  Nothing is reported (only creation and join
// count: the locks themselves order the threads in this run only).
// Sibling: inversion_2locks.c, the same threads alive together.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *a_then_b(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return NULL;
}

static void *b_then_a(void *arg) {
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, a_then_b, NULL);
  wtest_join(x);
  wtest_create(&y, b_then_a, NULL);
  wtest_join(y);
  // Phases of workers, each joined before the next starts.
  for (int round = 0; round < 3; round++) {
    pthread_t w[4];
    for (int i = 0; i < 4; i++) wtest_create(&w[i], round % 2 ? a_then_b : b_then_a, NULL);
    for (int i = 0; i < 4; i++) wtest_join(w[i]);
  }
  // And the main thread itself, after both.
  a_then_b(NULL);
  b_then_a(NULL);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
