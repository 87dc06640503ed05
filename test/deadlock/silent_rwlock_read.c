// Two rwlocks read-locked in opposite orders by two threads: readers do
// not block readers (glibc's default rwlock prefers readers), so this
// cannot deadlock and nothing is reported.
// Sibling: inversion_rwlock_read_write.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static pthread_rwlock_t a = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t b = PTHREAD_RWLOCK_INITIALIZER;

static void *first(void *arg) {
  pthread_rwlock_rdlock(&a);
  pthread_rwlock_rdlock(&b);
  pthread_rwlock_unlock(&b);
  pthread_rwlock_unlock(&a);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_rwlock_rdlock(&b);
  pthread_rwlock_rdlock(&a);
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

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
