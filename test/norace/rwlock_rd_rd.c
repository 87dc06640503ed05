// The first thread writes under the read lock, the second under the write
// lock: a write lock acquires what read unlocks released, so the writes are
// ordered.
// Sibling: race/rwlock_rd_rd.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_rwlock_rdlock(&rw);
  x = 1;
  pthread_rwlock_unlock(&rw);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_rwlock_wrlock(&rw);
  x = 2;
  pthread_rwlock_unlock(&rw);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
