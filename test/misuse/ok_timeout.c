// Timed waits at the edges of a valid timeout (tv_nsec 0 and 999999999,
// both in the past): they time out, and weft says nothing.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static sem_t s;

int main(void) {
  struct timespec lo = {1, 0}, hi = {1, 999999999L};
  sem_init(&s, 0, 0);
  pthread_mutex_lock(&m);
  int r1 = pthread_cond_timedwait(&c, &m, &lo);
  int r2 = pthread_cond_timedwait(&c, &m, &hi);
  pthread_mutex_unlock(&m);
  int r3 = sem_timedwait(&s, &hi);
  printf("%d %d %d\n", r1 == ETIMEDOUT, r2 == ETIMEDOUT, r3 == -1 && errno == ETIMEDOUT);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 1 1 1
// CHECK-NOT: WARNING: weft
