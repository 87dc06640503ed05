// The second thread takes A with a trylock while holding B (and backs
// off when it fails): a trylock cannot block, so the opposite orders
// cannot deadlock and nothing is reported.
// Sibling: inversion_2locks.c, with a plain lock.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t c = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t s;

static void *first(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_rwlock_wrlock(&c);
  pthread_spin_lock(&s);
  pthread_spin_unlock(&s);
  pthread_rwlock_unlock(&c);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b);
  if (pthread_mutex_trylock(&a) == 0) pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  pthread_rwlock_rdlock(&c);
  if (pthread_mutex_trylock(&b) == 0) pthread_mutex_unlock(&b);
  pthread_rwlock_unlock(&c);
  pthread_spin_lock(&s);
  if (pthread_rwlock_trywrlock(&c) == 0) pthread_rwlock_unlock(&c);
  pthread_spin_unlock(&s);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  WTEST_CHECK(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE));
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
