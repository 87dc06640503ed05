// Destroying a condition variable a thread is blocked in: glibc's destroy
// would wait for that thread to leave, for ever.  Reported, and the
// destroy returns EBUSY without touching it; the program then wakes the
// waiter and ends normally.  ok_cond_destroy_broadcast.c destroys one
// right after a broadcast, which POSIX allows: silent.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  wtest_step_set(1);
  while (!ready) pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, waiter, NULL);
  wtest_step_wait(1);
  pthread_mutex_lock(&m); /* only once the waiter is inside the wait */
  int r = pthread_cond_destroy(&c);
  ready = 1;
  pthread_cond_signal(&c);
  pthread_mutex_unlock(&m);
  wtest_join(t);
  printf("destroy: %s\n", r == EBUSY ? "EBUSY" : "?");
  return 0;
}

// CHECK: WARNING: weft: destroy of a condition variable with waiters
// CHECK-NEXT: Destroy of condition variable {{.*}} by main thread while 1 thread waits on it:
// CHECK-NEXT: #0 main {{.*}}cond_destroy.c:27:
// CHECK-NOT: WARNING: weft
// CHECK: destroy: EBUSY
