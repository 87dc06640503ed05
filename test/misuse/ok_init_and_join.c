// Mutexes never passed to pthread_mutex_init but valid all the same: a
// zeroed heap block (the static initializer is all zeroes) and a stack
// mutex set with PTHREAD_MUTEX_INITIALIZER where a destroyed one used to
// be.  Threads created and joined in turn, whose pthread_t values glibc
// reuses: each join is of a live thread.  No report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static void *worker(void *arg) { return arg; }

__attribute__((noinline)) static void stack_mutex(int destroy) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  WTEST_CHECK(pthread_mutex_lock(&m));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  if (destroy) WTEST_CHECK(pthread_mutex_destroy(&m));
}

int main(void) {
  pthread_mutex_t *m = calloc(1, sizeof *m);
  WTEST_CHECK(pthread_mutex_lock(m));
  WTEST_CHECK(pthread_mutex_unlock(m));
  free(m);
  stack_mutex(1);
  stack_mutex(0);
  for (int i = 0; i < 50; i++) {
    pthread_t t;
    wtest_create(&t, worker, NULL);
    wtest_join(t);
  }
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
