// Read then write across threads: the first thread read-locks A and
// write-locks B, the second read-locks B and write-locks A.  Each writer
// waits for the other's reader, so this can deadlock and is reported,
// with the modes.
// Sibling: silent_rwlock_read.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t a = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t b = PTHREAD_RWLOCK_INITIALIZER;

static void *first(void *arg) {
  pthread_rwlock_rdlock(&a);
  pthread_rwlock_wrlock(&b);
  pthread_rwlock_unlock(&b);
  pthread_rwlock_unlock(&a);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_rwlock_rdlock(&b);
  pthread_rwlock_wrlock(&a);
  pthread_rwlock_unlock(&a);
  pthread_rwlock_unlock(&b);
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
// CHECK: Mutex [[MB:M[0-9]+]] acquired (write) here while holding mutex [[MA:M[0-9]+]] (read) in thread T1:
// CHECK: Mutex [[MA]] acquired (write) here while holding mutex [[MB]] (read) in thread T2:
// CHECK: rdlock [[MA]]
// CHECK: SUMMARY: weft: lock-order inversion
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
