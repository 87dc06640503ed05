// Condition variables used correctly: two threads wait on one condition
// with the same mutex at once; later, with every waiter gone, the
// condition is used with another mutex (the binding ends with the last
// wait).  No report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int go, waiting;

static void *waiter(void *arg) {
  pthread_mutex_lock(&a);
  waiting++;
  while (!go) pthread_cond_wait(&c, &a);
  pthread_mutex_unlock(&a);
  return NULL;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) wtest_create(&t[i], waiter, NULL);
  for (;;) {
    pthread_mutex_lock(&a);
    int n = waiting;
    pthread_mutex_unlock(&a);
    if (n == 2) break;
    sched_yield();
  }
  pthread_mutex_lock(&a);
  go = 1;
  pthread_cond_broadcast(&c);
  pthread_mutex_unlock(&a);
  for (int i = 0; i < 2; i++) wtest_join(t[i]);
  pthread_mutex_lock(&b);
  struct timespec ts = wtest_deadline(1);
  pthread_cond_timedwait(&c, &b, &ts);
  pthread_mutex_unlock(&b);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
