// Two threads wait on a semaphore that nobody posts, and main joins the
// first: every thread is blocked for good.  Reported, with each wait
// (the semaphore by its address: it never took part in an edge).
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=200 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <semaphore.h>

static sem_t s;

static void *waiter(void *arg) {
  sem_wait(&s);
  return NULL;
}

int main(void) {
  sem_init(&s, 0, 0);
  pthread_t t, u;
  wtest_create(&t, waiter, NULL);
  wtest_create(&u, waiter, NULL);
  wtest_join(t);
  wtest_join(u);
  return 0;
}

// CHECK: WARNING: weft: deadlock (all threads blocked)
// CHECK: Main thread waits to join thread T1:
// CHECK-NEXT: #0 main {{.*}}hang_sem.c:21:
// CHECK-NEXT: Thread T1 waits on semaphore [[S:M[0-9]+]]:
// CHECK-NEXT: #0 waiter {{.*}}hang_sem.c:12:
// CHECK-NEXT: Semaphore [[S]] has not been posted since it was initialized.
// CHECK-NEXT: Thread T2 waits on semaphore [[S]]:
// CHECK-NEXT: #0 waiter {{.*}}hang_sem.c:12:
// CHECK-NEXT: Semaphore [[S]] ({{0x[0-9a-f]+}}) created at:
// CHECK-NEXT: #0 main {{.*}}hang_sem.c:17:
// CHECK-NOT: WARNING: weft
