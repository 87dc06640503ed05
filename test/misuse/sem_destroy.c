// Destroy of a semaphore a thread waits on with no unit to take:
// reported, and refused with EBUSY, so the waiter can still be posted.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static sem_t s;
static long waiter_tid;

static void *waiter(void *arg) {
  __atomic_store_n(&waiter_tid, wtest_tid(), __ATOMIC_RELAXED);
  sem_wait(&s);
  return NULL;
}

int main(void) {
  pthread_t t;
  WTEST_CHECK(sem_init(&s, 0, 0));
  wtest_create(&t, waiter, NULL);
  long tid;
  while (!(tid = __atomic_load_n(&waiter_tid, __ATOMIC_RELAXED))) sched_yield();
  wtest_wait_blocked(tid);
  WTEST_EXPECT(sem_destroy(&s) == -1 && errno == EBUSY);
  sem_post(&s);
  wtest_join(t);
  WTEST_CHECK(sem_destroy(&s));
  return 0;
}

// CHECK: WARNING: weft: destroy of a semaphore with waiters
// CHECK-NEXT: Destroy of semaphore M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread while 1 thread waits on it:
// CHECK-NEXT: #0 main {{.*}}sem_destroy.c:24:
// CHECK: SUMMARY: weft: destroy of a semaphore with waiters
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
