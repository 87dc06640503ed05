// The same two accesses, both atomic: no race.
// Sibling: race/atomic_after_plain.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

atomic_int v;

static void *first(void *arg) {
  atomic_store_explicit(&v, 1, memory_order_relaxed);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  wtest_use(atomic_load_explicit(&v, memory_order_relaxed));
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
