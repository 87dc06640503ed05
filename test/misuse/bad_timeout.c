// Timed waits whose timeout has tv_nsec out of range: glibc fails them
// with EINVAL at once, so the wait never happens.  Each call site is
// reported once (condition variable, semaphore, and a timed mutex lock,
// which glibc checks only when it has to block: the bug waits for the
// first contended call).  ok_timeout.c has the edge values that are valid.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static sem_t s;

int main(void) {
  struct timespec big = {0, 1000000000L}, neg = {0, -1};
  sem_init(&s, 0, 0);
  pthread_mutex_lock(&m);
  int r1 = pthread_cond_timedwait(&c, &m, &big);
  pthread_mutex_unlock(&m);
  int r2 = sem_timedwait(&s, &neg);
  int r3 = pthread_mutex_timedlock(&m, &big); /* free: taken, no check */
  printf("%d %d %d\n", r1 == EINVAL, r2 == -1 && errno == EINVAL, r3 == 0);
  return 0;
}

// CHECK: WARNING: weft: timed wait with an invalid timeout
// CHECK-NEXT: Timed wait on condition variable M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread with an invalid timeout:
// CHECK-NEXT: #0 main {{.*}}bad_timeout.c:19:
// CHECK-NEXT: Its tv_nsec is outside 0..999999999: whenever the call has to wait, it fails with EINVAL instead.
// CHECK: WARNING: weft: timed wait with an invalid timeout
// CHECK-NEXT: Timed wait on semaphore M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread with an invalid timeout:
// CHECK-NEXT: #0 main {{.*}}bad_timeout.c:21:
// CHECK: WARNING: weft: timed wait with an invalid timeout
// CHECK-NEXT: Timed wait on mutex {{M[0-9]+}} (0x{{[0-9a-f]+}}) by main thread with an invalid timeout:
// CHECK-NEXT: #0 main {{.*}}bad_timeout.c:22:
// CHECK-NOT: WARNING: weft
// CHECK: 1 1 1
