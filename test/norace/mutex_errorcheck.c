// An error-checking pthread mutex around both writes.  The failing relock
// (EDEADLK) of the first writer must not count as a second acquisition (or
// the one unlock would not release it): the second writer's lock still
// orders the writes.
// Sibling: race/mutex_errorcheck.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m;
int x;

static void *first(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  WTEST_EXPECT(pthread_mutex_lock(&m) == EDEADLK);
  x = 1;
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  WTEST_CHECK(pthread_mutex_lock(&m));
  x = 2;
  WTEST_CHECK(pthread_mutex_unlock(&m));
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  WTEST_CHECK(pthread_mutex_init(&m, &attr));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
