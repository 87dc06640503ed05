// After a failed pthread_mutex_trylock (EBUSY), the second thread retries
// until trylock succeeds, which happens after the first thread's unlock:
// ordered, no report.
// Sibling: race/mutex_trylock.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  WTEST_EXPECT(pthread_mutex_trylock(&m) == EBUSY);
  wtest_step_set(2);
  unsigned spins = 0;
  while (pthread_mutex_trylock(&m) != 0)
    wtest_backoff(&spins);
  wtest_use(x);
  pthread_mutex_unlock(&m);
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
