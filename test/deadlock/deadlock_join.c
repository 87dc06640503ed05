// A real deadlock through pthread_join: the main thread joins a thread
// while holding the mutex that thread waits for.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, worker, NULL);
  pthread_mutex_lock(&m);
  wtest_step_set(1);
  pthread_join(t, NULL);
  pthread_mutex_unlock(&m);
  return 0;
}

// CHECK: WARNING: weft: deadlock
// CHECK-DAG: Main thread waits to join thread T1:
// CHECK-DAG: Thread T1 waits for mutex [[M:M[0-9]+]] (write), held by main thread:
// CHECK: SUMMARY: weft: deadlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
