// Locks given back by cleanup handlers are not held at the thread's end:
// one thread calls pthread_exit with a handler that unlocks its mutex;
// another is cancelled in pthread_cond_wait, which takes the mutex again
// before the handler that unlocks it runs.  No report; afterwards main
// takes both mutexes, which weft must see as free.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready; /* never set: the wait ends by cancellation only */
static int cleaned;

static void unlock(void *m) {
  cleaned++;
  pthread_mutex_unlock(m);
}

static void *exits(void *arg) {
  pthread_mutex_lock(&a);
  pthread_cleanup_push(unlock, &a);
  pthread_exit(NULL);
  pthread_cleanup_pop(0);
  return NULL;
}

static void *waits(void *arg) {
  pthread_mutex_lock(&b);
  pthread_cleanup_push(unlock, &b);
  wtest_step_set(1);
  while (!ready) pthread_cond_wait(&c, &b);
  pthread_cleanup_pop(1);
  return NULL;
}

int main(void) {
  pthread_t t, u;
  wtest_create(&t, exits, NULL);
  wtest_join(t);
  wtest_create(&u, waits, NULL);
  wtest_step_wait(1);
  pthread_cancel(u); /* acted on when (or if already) it waits */
  void *ret;
  pthread_join(u, &ret);
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  printf("cleaned %d, cancelled %d\n", cleaned, ret == PTHREAD_CANCELED);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: cleaned 2, cancelled 1
// CHECK-NOT: WARNING: weft
