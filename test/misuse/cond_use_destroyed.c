// Calls on a destroyed condition variable: glibc leaves it usable, so
// they would work until the memory is reused.  A signal, a wait and a
// second destroy are each reported with where it was destroyed and fail
// with EINVAL (the wait without touching the mutex).  Initializing it
// again, with pthread_cond_init or PTHREAD_COND_INITIALIZER, ends that.
// Sibling: ok_cond_destroy_broadcast.c destroys one correctly.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

int main(void) {
  pthread_cond_signal(&c);
  WTEST_CHECK(pthread_cond_destroy(&c));
  int r1 = pthread_cond_signal(&c);
  pthread_mutex_lock(&m);
  int r2 = pthread_cond_wait(&c, &m);
  pthread_mutex_unlock(&m);
  int r3 = pthread_cond_destroy(&c);
  WTEST_CHECK(pthread_cond_init(&c, NULL));
  pthread_cond_broadcast(&c);
  WTEST_CHECK(pthread_cond_destroy(&c));
  c = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
  pthread_cond_signal(&c);
  printf("%s %s %s\n", r1 == EINVAL ? "EINVAL" : "?", r2 == EINVAL ? "EINVAL" : "?",
         r3 == EINVAL ? "EINVAL" : "?");
  fflush(stdout);
  return 0;
}

// CHECK:      WARNING: weft: use of a destroyed condition variable
// CHECK-NEXT: {{^}}  Use of condition variable {{.*}}0x{{[0-9a-f]+}}{{.*}} by main thread:
// CHECK-NEXT: #0 main {{.*}}cond_use_destroyed.c:18:
// CHECK:      {{^}}  It was destroyed by main thread here:
// CHECK-NEXT: #0 main {{.*}}cond_use_destroyed.c:17:
// CHECK:      WARNING: weft: use of a destroyed condition variable
// CHECK-NEXT: {{^}}  Use of
// CHECK-NEXT: #0 main {{.*}}cond_use_destroyed.c:20:
// CHECK:      WARNING: weft: use of a destroyed condition variable
// CHECK-NEXT: {{^}}  Use of
// CHECK-NEXT: #0 main {{.*}}cond_use_destroyed.c:22:
// CHECK-NOT:  WARNING: weft
// CHECK:      EINVAL EINVAL EINVAL
// CHECK-NOT:  WARNING: weft
