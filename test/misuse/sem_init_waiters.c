// sem_init on a semaphore a thread is blocked in: glibc's init would zero
// the count of waiters, so the posts that follow would not wake it.
// Reported, and refused with EBUSY; the semaphore keeps working and the
// program ends.  A sem_init once the waiter has its unit is silent.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
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
  int r = sem_init(&s, 0, 0);
  int e = errno;
  sem_post(&s);
  wtest_join(t);
  WTEST_CHECK(sem_init(&s, 0, 0)); // nobody waits now: silent
  WTEST_CHECK(sem_destroy(&s));
  printf("init: %s\n", r == -1 && e == EBUSY ? "EBUSY" : "?");
  fflush(stdout);
  return 0;
}

// CHECK:      WARNING: weft: initialization of a semaphore with waiters
// CHECK-NEXT: {{^}}  Initialization of semaphore M{{[0-9]+}} (0x{{[0-9a-f]+}}) by main thread while 1 thread waits on it:
// CHECK-NEXT: #0 main {{.*}}sem_init_waiters.c:[[#@LINE-13]]:
// CHECK:      SUMMARY: weft: initialization of a semaphore with waiters
// CHECK-NOT:  WARNING: weft
// CHECK:      init: EBUSY
