// Timed waits are never deadlocks: two threads each hold a mutex and
// wait for the other's with a timed lock that gives up after 1.5
// seconds, longer than the watchdog's second.  Nothing is reported.  The
// first to give up lets the other through, so one order is taken once:
// no cycle either.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  pthread_mutex_lock(&a);
  wtest_step_set(1);
  wtest_step_wait(2);
  struct timespec ts = wtest_deadline(1500);
  int r = pthread_mutex_timedlock(&b, &ts);
  WTEST_EXPECT(r == 0 || r == ETIMEDOUT);
  if (r == 0) pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b);
  wtest_step_set(2);
  struct timespec ts = wtest_deadline(1500);
  int r = pthread_mutex_timedlock(&a, &ts);
  WTEST_EXPECT(r == 0 || r == ETIMEDOUT);
  if (r == 0) pthread_mutex_unlock(&a);
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

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
