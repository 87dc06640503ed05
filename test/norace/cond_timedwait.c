// pthread_cond_timedwait (far deadline) in a predicate loop, woken by
// pthread_cond_broadcast: the reacquired mutex orders the payload.
// Sibling: race/cond_timedwait.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready; /* guarded by m */
int payload;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  wtest_step_set(1); /* the signaller starts while we hold m */
  while (!ready)
    { struct timespec d = wtest_deadline(60000); WTEST_CHECK(pthread_cond_timedwait(&c, &m, &d)); }
  pthread_mutex_unlock(&m);
  wtest_use(payload);
  return NULL;
}

static void *signaller(void *arg) {
  wtest_step_wait(1);
  payload = 42;
  pthread_mutex_lock(&m);
  ready = 1;
  pthread_cond_broadcast(&c);
  pthread_mutex_unlock(&m);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, waiter, NULL);
  wtest_create(&b, signaller, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
