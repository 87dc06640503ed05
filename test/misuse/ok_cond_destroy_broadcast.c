// A condition variable destroyed right after a broadcast, while the woken
// waiters may still be on their way out of the wait: POSIX allows it (the
// woken threads are no longer blocked in it).  No report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready, arrived;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  arrived++;
  while (!ready) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (int i = 0; i < 3; i++) wtest_create(&t[i], waiter, NULL);
  for (;;) { /* until all three are inside the wait */
    pthread_mutex_lock(&m);
    if (arrived == 3) break;
    pthread_mutex_unlock(&m);
  }
  ready = 1;
  pthread_cond_broadcast(&c);
  int r = pthread_cond_destroy(&c); /* still holding m: none has left */
  pthread_mutex_unlock(&m);
  for (int i = 0; i < 3; i++) wtest_join(t[i]);
  printf("destroy: %d\n", r);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: destroy: 0
// CHECK-NOT: WARNING: weft
