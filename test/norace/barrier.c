// pthread_barrier: write before the barrier in one thread, read after it
// in the other: ordered.
// Sibling: race/barrier.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_barrier_t bar;
int x;

static void *first(void *arg) {
  x = 1;
  wtest_step_set(1);
  pthread_barrier_wait(&bar);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_barrier_wait(&bar);
  wtest_use(x);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(pthread_barrier_init(&bar, NULL, 2));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
