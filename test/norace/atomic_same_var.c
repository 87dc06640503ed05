// Unordered atomic accesses to one variable (relaxed stores, a
// read-modify-write, loads) never race with each other.
// Sibling: race/atomic_same_var.c is the same program without the synchronization.
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
  atomic_store_explicit(&v, 2, memory_order_relaxed);
  atomic_fetch_add_explicit(&v, 1, memory_order_relaxed);
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
