// A thread that dies holding a robust mutex is what robust mutexes are
// for: the next owner gets EOWNERDEAD and repairs the state.  No report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m;

static void *dies_holding(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  return NULL;
}

int main(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  WTEST_CHECK(pthread_mutex_init(&m, &a));
  pthread_t t;
  wtest_create(&t, dies_holding, NULL);
  wtest_join(t);
  WTEST_EXPECT(pthread_mutex_lock(&m) == EOWNERDEAD);
  WTEST_CHECK(pthread_mutex_consistent(&m));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  WTEST_CHECK(pthread_mutex_destroy(&m));
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
