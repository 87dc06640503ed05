// Destroying a barrier as soon as this thread's wait returns, while the
// other thread may still be leaving it, is allowed (the round is
// complete); so is destroying a semaphore right after the post that
// releases its only waiter.  No report, and both destroys succeed.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"
#include <semaphore.h>

static pthread_barrier_t b;
static sem_t s;
static long waiter_tid;

static void *barrier_user(void *arg) {
  pthread_barrier_wait(&b);
  return NULL;
}

static void *sem_user(void *arg) {
  __atomic_store_n(&waiter_tid, wtest_tid(), __ATOMIC_RELAXED);
  WTEST_CHECK(sem_wait(&s));
  return NULL;
}

int main(void) {
  for (int i = 0; i < 20; i++) {
    pthread_t t;
    WTEST_CHECK(pthread_barrier_init(&b, NULL, 2));
    wtest_create(&t, barrier_user, NULL);
    pthread_barrier_wait(&b);
    WTEST_CHECK(pthread_barrier_destroy(&b));
    wtest_join(t);
  }
  for (int i = 0; i < 20; i++) {
    pthread_t t;
    __atomic_store_n(&waiter_tid, 0, __ATOMIC_RELAXED);
    WTEST_CHECK(sem_init(&s, 0, 0));
    wtest_create(&t, sem_user, NULL);
    long tid;
    while (!(tid = __atomic_load_n(&waiter_tid, __ATOMIC_RELAXED))) sched_yield();
    if (i % 2) wtest_wait_blocked(tid);
    WTEST_CHECK(sem_post(&s));
    WTEST_CHECK(sem_destroy(&s));
    wtest_join(t);
  }
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
