// pthread_join of a detached thread (detached by pthread_detach, and
// created detached): reported, and the call returns EINVAL without
// touching a thread that may be gone.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static int finished;

static void *worker(void *arg) {
  __atomic_fetch_add(&finished, 1, __ATOMIC_RELAXED);
  return NULL;
}

int main(void) {
  pthread_t t, u;
  wtest_create(&t, worker, NULL);
  WTEST_CHECK(pthread_detach(t));
  WTEST_EXPECT(pthread_join(t, NULL) == EINVAL);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  WTEST_CHECK(pthread_create(&u, &attr, worker, NULL));
  WTEST_EXPECT(pthread_join(u, NULL) == EINVAL);
  while (__atomic_load_n(&finished, __ATOMIC_RELAXED) < 2) sched_yield();
  return 0;
}

// CHECK: WARNING: weft: join of a detached thread
// CHECK-NEXT: Join of thread T1 by main thread:
// CHECK-NEXT: #0 main {{.*}}join_detached.c:19:
// CHECK-NEXT: It was detached here:
// CHECK-NEXT: #0 main {{.*}}join_detached.c:18:
// CHECK: SUMMARY: weft: join of a detached thread
// CHECK: WARNING: weft: join of a detached thread
// CHECK-NEXT: Join of thread T2 by main thread:
// CHECK-NEXT: #0 main {{.*}}join_detached.c:24:
// CHECK-NEXT: It was detached here:
// CHECK-NEXT: #0 main {{.*}}join_detached.c:23:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
