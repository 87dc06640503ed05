// A real deadlock through rwlocks: each thread read-locks one and waits
// to write-lock the other, which the other thread reads.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t a = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t b = PTHREAD_RWLOCK_INITIALIZER;

static void *first(void *arg) {
  pthread_rwlock_rdlock(&a);
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_rwlock_wrlock(&b);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_rwlock_rdlock(&b);
  wtest_step_set(2);
  pthread_rwlock_wrlock(&a);
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

// CHECK: WARNING: weft: deadlock
// CHECK-NEXT: Thread T1 waits for mutex [[MB:M[0-9]+]] (write), held by thread T2:
// CHECK-NEXT: #0 first {{.*}}deadlock_rwlock.c:13
// CHECK: Thread T2 waits for mutex [[MA:M[0-9]+]] (write), held by thread T1:
// CHECK-NEXT: #0 second {{.*}}deadlock_rwlock.c:21
// CHECK: SUMMARY: weft: deadlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
