// Signalling without the mutex held is fine when the signaller took the
// mutex after the waiter began to wait: "change the predicate under the
// mutex, unlock, then signal" (DRD reports it).  So is a signal from a
// thread that learnt of the change through another synchronization (a
// semaphore posted by the thread that changed the predicate under the
// mutex), a broadcast with the mutex held, and a signal without the mutex
// to a timed wait (which recovers from a lost wake-up at its timeout).
// Nothing is reported.
// Sibling: cond_signal_uncovered.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <semaphore.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;
static long waiter_tid;
static sem_t told;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  for (int round = 1; round <= 4; round++) {
    __atomic_store_n(&waiter_tid, wtest_tid(), __ATOMIC_RELAXED);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 600;
    while (__atomic_load_n(&ready, __ATOMIC_RELAXED) < round)
      if (round < 4) pthread_cond_wait(&c, &m);
      else pthread_cond_timedwait(&c, &m, &until);
  }
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *changer(void *arg) {
  pthread_mutex_lock(&m);
  ready = 2;
  pthread_mutex_unlock(&m);
  sem_post(&told);
  return NULL;
}

static void wait_blocked(void) {
  long tid;
  while (!(tid = __atomic_exchange_n(&waiter_tid, 0, __ATOMIC_RELAXED))) sched_yield();
  wtest_wait_blocked(tid);
}

int main(void) {
  pthread_t t, u;
  WTEST_CHECK(sem_init(&told, 0, 0));
  wtest_create(&t, waiter, NULL);
  // Round 1: the predicate under the mutex, the signal after the unlock.
  wait_blocked();
  pthread_mutex_lock(&m);
  ready = 1;
  pthread_mutex_unlock(&m);
  pthread_cond_signal(&c);
  // Round 2: another thread changes it; this one signals once told.
  wait_blocked();
  wtest_create(&u, changer, NULL);
  sem_wait(&told);
  pthread_cond_signal(&c);
  // Round 3: a broadcast with the mutex held.
  wait_blocked();
  pthread_mutex_lock(&m);
  ready = 3;
  pthread_cond_broadcast(&c);
  pthread_mutex_unlock(&m);
  // Round 4: the timed wait, signalled without the mutex.
  wait_blocked();
  __atomic_store_n(&ready, 4, __ATOMIC_RELAXED);
  pthread_cond_signal(&c);
  wtest_join(t);
  wtest_join(u);
  puts("done");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: done
// CHECK-NOT: weft: reported
