// Threads joining each other: T1 joins T2 while T2 joins T1.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_t t1, t2;

static void *first(void *arg) {
  wtest_step_wait(1);
  pthread_join(t2, NULL);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_join(t1, NULL);
  return NULL;
}

int main(void) {
  wtest_create(&t1, first, NULL);
  wtest_create(&t2, second, NULL);
  wtest_step_set(1);
  pthread_join(t1, NULL);
  return 0;
}

// CHECK: WARNING: weft: deadlock
// CHECK-DAG: Thread T1 waits to join thread T2:
// CHECK-DAG: Thread T2 waits to join thread T1:
// CHECK: SUMMARY: weft: deadlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
