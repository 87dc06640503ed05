// pthread_spin_lock around both writes: unlock -> lock orders them.
// Sibling: race/spinlock.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_spinlock_t s;
int x;

static void *first(void *arg) {
  pthread_spin_lock(&s);
  x = 1;
  pthread_spin_unlock(&s);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_spin_lock(&s);
  x = 2;
  pthread_spin_unlock(&s);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
