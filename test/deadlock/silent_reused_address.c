// A mutex destroyed (or freed) and made again at the same address is a
// new lock: the old one's order does not apply to it.  One thread takes
// A then B; A is destroyed and initialized again; another thread, alive
// at the same time, takes B then the new A: no cycle.  The same with
// mutexes in a heap block freed and allocated again (with no quarantine,
// so that glibc hands the same block out again).
// RUN: %weft-cc -O1 -g %test_include %s -o %t && env WEFT_OPTIONS=quarantine_mb=0 %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

// The pointers travel with release and acquire, so each mutex's init is
// ordered before the threads use it, and main locks a mutex before
// destroying or freeing it, so that comes after the threads' last use:
// a mutex is memory, and an init or destroy racing with a lock is a data
// race.  The lock-order graph does not look at these edges, only at
// thread creation and join.
static pthread_mutex_t *pa, *pb;
#define A() __atomic_load_n(&pa, __ATOMIC_ACQUIRE)
#define B() __atomic_load_n(&pb, __ATOMIC_ACQUIRE)
#define SET(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)

static void *first(void *arg) {
  for (int round = 1; round <= 2; round++) {
    wtest_step_wait(4 * round - 3);
    pthread_mutex_lock(A());
    pthread_mutex_lock(B());
    pthread_mutex_unlock(B());
    pthread_mutex_unlock(A());
    wtest_step_set(4 * round - 2);
  }
  return NULL;
}

static void *second(void *arg) {
  for (int round = 1; round <= 2; round++) {
    wtest_step_wait(4 * round - 1);
    pthread_mutex_lock(B());
    pthread_mutex_lock(A());
    pthread_mutex_unlock(A());
    pthread_mutex_unlock(B());
    wtest_step_set(4 * round);
  }
  return NULL;
}

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  pthread_t x, y;
  SET(pa, &a);
  SET(pb, &b);
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  // Round 1: destroy and init again between the two orders.
  wtest_step_set(1);
  wtest_step_wait(2);
  WTEST_CHECK(pthread_mutex_lock(&a));
  WTEST_CHECK(pthread_mutex_unlock(&a));
  WTEST_CHECK(pthread_mutex_destroy(&a));
  WTEST_CHECK(pthread_mutex_init(&a, NULL));
  SET(pa, &a);
  wtest_step_set(3);
  wtest_step_wait(4);
  // Round 2: both in a heap block, freed and allocated again.
  pthread_mutex_t *m = malloc(2 * sizeof *m);
  WTEST_CHECK(pthread_mutex_init(&m[0], NULL));
  WTEST_CHECK(pthread_mutex_init(&m[1], NULL));
  SET(pa, &m[0]);
  SET(pb, &m[1]);
  wtest_step_set(5);
  wtest_step_wait(6);
  for (int i = 0; i < 2; i++) {
    WTEST_CHECK(pthread_mutex_lock(&m[i]));
    WTEST_CHECK(pthread_mutex_unlock(&m[i]));
  }
  free(m);
  pthread_mutex_t *again = malloc(2 * sizeof *again);
  WTEST_CHECK(pthread_mutex_init(&again[0], NULL));
  WTEST_CHECK(pthread_mutex_init(&again[1], NULL));
  SET(pa, &again[0]);
  SET(pb, &again[1]);
  printf("same block: %d\n", again == m);
  wtest_step_set(7);
  wtest_step_wait(8);
  wtest_join(x);
  wtest_join(y);
  free(again);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: same block: 1
// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
