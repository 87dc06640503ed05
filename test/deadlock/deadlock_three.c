// Three threads blocked in a ring of three mutexes; the main thread's
// join of the first is not part of the cycle and is not listed.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m[3] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
                               PTHREAD_MUTEX_INITIALIZER};

static void *worker(void *arg) {
  int i = (int)(long)arg;
  wtest_step_wait(i);
  pthread_mutex_lock(&m[i]);
  wtest_step_set(i + 1);
  wtest_step_wait(3);
  pthread_mutex_lock(&m[(i + 1) % 3]);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (long i = 0; i < 3; i++) wtest_create(&t[i], worker, (void *)i);
  for (int i = 0; i < 3; i++) wtest_join(t[i]);
  return 0;
}

// CHECK: WARNING: weft: deadlock
// CHECK-COUNT-3: waits for mutex M{{[0-9]+}} (write), held by thread T
// CHECK-NOT: waits to join
// CHECK: SUMMARY: weft: deadlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
