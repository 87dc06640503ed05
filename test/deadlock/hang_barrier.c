// A barrier for three parties that only two threads reach: both wait
// for good.  Reported, with the barrier and where it was made.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=200 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_barrier_t b;

static void *party(void *arg) {
  pthread_barrier_wait(&b);
  return NULL;
}

int main(void) {
  pthread_barrier_init(&b, NULL, 3);
  pthread_t t;
  wtest_create(&t, party, NULL);
  pthread_barrier_wait(&b);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: deadlock (all threads blocked)
// CHECK: Main thread waits at barrier [[B:M[0-9]+]]:
// CHECK-NEXT: #0 main {{.*}}hang_barrier.c:18:
// CHECK-NEXT: Thread T1 waits at barrier [[B]]:
// CHECK-NEXT: #0 party {{.*}}hang_barrier.c:10:
// CHECK-NEXT: Barrier [[B]] (0x{{[0-9a-f]+}}) created at:
// CHECK-NOT: WARNING: weft
