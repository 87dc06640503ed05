// race/sync_object_init.c with the mutex initialised before the thread
// that locks it is created, and the barrier destroyed after its waiter is
// joined: ordered.
// Sibling: race/sync_object_init.c leaves both unordered.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

pthread_mutex_t m;
pthread_barrier_t bar;

static void *locker(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  return NULL;
}

static void *waiter(void *arg) {
  pthread_barrier_wait(&bar);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(pthread_mutex_init(&m, NULL));
  wtest_create(&a, locker, NULL);
  wtest_join(a);
  WTEST_CHECK(pthread_mutex_destroy(&m));
  WTEST_CHECK(pthread_barrier_init(&bar, NULL, 1));
  wtest_create(&b, waiter, NULL);
  wtest_join(b);
  WTEST_CHECK(pthread_barrier_destroy(&bar));
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
