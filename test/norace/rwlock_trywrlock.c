// pthread_rwlock_trywrlock: after one failure (EBUSY) the second thread
// retries until it gets the write lock, after the first unlock: ordered.
// Sibling: race/rwlock_trywrlock.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_rwlock_wrlock(&rw);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_rwlock_unlock(&rw);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  WTEST_EXPECT(pthread_rwlock_trywrlock(&rw) == EBUSY);
  wtest_step_set(2);
  unsigned spins = 0;
  while (pthread_rwlock_trywrlock(&rw) != 0)
    wtest_backoff(&spins);
  wtest_use(x);
  pthread_rwlock_unlock(&rw);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
