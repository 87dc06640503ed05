// A wait on a barrier after its destroy (the wait lost its race with the
// destroy): glibc would let it block on freed state.  Reported with where
// the barrier was destroyed, and the wait fails with EINVAL instead.  A
// second destroy is reported too; pthread_barrier_init makes it a
// barrier again, silent from then on.
// Sibling: barrier_destroy.c, a destroy while a thread waits.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"
#include <errno.h>

static pthread_barrier_t b;

static void *late(void *arg) {
  int r = pthread_barrier_wait(&b);
  printf("wait: %s\n", r == EINVAL ? "EINVAL" : "?");
  return NULL;
}

static void *party(void *arg) {
  pthread_barrier_wait(&b);
  return NULL;
}

int main(void) {
  pthread_t t;
  WTEST_CHECK(pthread_barrier_init(&b, NULL, 2));
  wtest_create(&t, party, NULL);
  pthread_barrier_wait(&b);
  wtest_join(t);
  WTEST_CHECK(pthread_barrier_destroy(&b));
  wtest_create(&t, late, NULL);
  wtest_join(t);
  int r = pthread_barrier_destroy(&b);
  printf("destroy: %s\n", r == EINVAL ? "EINVAL" : "?");
  WTEST_CHECK(pthread_barrier_init(&b, NULL, 2));
  wtest_create(&t, party, NULL);
  pthread_barrier_wait(&b);
  wtest_join(t);
  WTEST_CHECK(pthread_barrier_destroy(&b));
  fflush(stdout);
  return 0;
}

// CHECK:      WARNING: weft: use of a destroyed barrier
// CHECK-NEXT: {{^}}  Use of barrier at 0x{{[0-9a-f]+}} by thread T2:
// CHECK-NEXT: #0 late {{.*}}barrier_use_destroyed.c:[[#@LINE-32]]:
// CHECK:      {{^}}  It was destroyed by main thread here:
// CHECK-NEXT: #0 main {{.*}}barrier_use_destroyed.c:[[#@LINE-18]]:
// CHECK:      WARNING: weft: use of a destroyed barrier
// CHECK-NEXT: {{^}}  Use of barrier at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}barrier_use_destroyed.c:[[#@LINE-18]]:
// CHECK-NOT:  WARNING: weft
// CHECK:      wait: EINVAL
// CHECK-NEXT: destroy: EINVAL
// CHECK-NOT:  WARNING: weft
