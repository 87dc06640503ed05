// Both orders taken by one thread only (and another thread that takes
// the locks one at a time): a thread cannot wait for itself across two
// acquisitions, so there is no deadlock and nothing is reported.
// Sibling: inversion_2locks.c, the orders in two threads.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *both_orders(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

static void *one_at_a_time(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, both_orders, NULL);
  wtest_create(&y, one_at_a_time, NULL);
  wtest_join(x);
  wtest_join(y);
  both_orders(NULL);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
