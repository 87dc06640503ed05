// One condition variable waited on with two different mutexes at once:
// the first thread waits with A; while it waits, the main thread waits
// with B.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int done;

static void *waiter(void *arg) {
  pthread_mutex_lock(&a);
  wtest_step_set(1);
  while (!done) pthread_cond_wait(&c, &a);
  pthread_mutex_unlock(&a);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, waiter, NULL);
  wtest_step_wait(1);
  // Taking A proves the waiter is inside its wait (which released A).
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_lock(&b);
  struct timespec ts = wtest_deadline(10);
  pthread_cond_timedwait(&c, &b, &ts);
  pthread_mutex_unlock(&b);
  pthread_mutex_lock(&a);
  done = 1;
  pthread_cond_broadcast(&c);
  pthread_mutex_unlock(&a);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: condition variable used with two mutexes
// CHECK-NEXT: Wait on condition variable at 0x{{[0-9a-f]+}} by main thread with mutex [[MB:M[0-9]+]] (0x{{[0-9a-f]+}}):
// CHECK-NEXT: #0 main {{.*}}cond_two_mutexes.c:29:
// CHECK-NEXT: Thread T1 waits on it with mutex [[MA:M[0-9]+]], from:
// CHECK-NEXT: #0 waiter {{.*}}cond_two_mutexes.c:15:
// CHECK-DAG: Mutex [[MA]] (0x{{[0-9a-f]+}}) created at:
// CHECK-DAG: Mutex [[MB]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: condition variable used with two mutexes
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
