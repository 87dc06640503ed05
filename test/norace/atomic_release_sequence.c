// Release sequence: the producer's release store is followed by a third
// thread's relaxed fetch_add; the consumer's acquire load reads the
// fetch_add's value, which is part of the producer's release sequence, so
// the consumer synchronizes with the producer.  The consumer loads the flag
// only once, after the fetch_add, so it never reads the release store
// itself.
// Sibling: race/atomic_release_sequence.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_store_explicit(&flag, 1, memory_order_release);
  wtest_step_set(1);
  return NULL;
}

static void *middle(void *arg) {
  wtest_step_wait(1);
  atomic_fetch_add_explicit(&flag, 1, memory_order_relaxed);
  wtest_step_set(2);
  return NULL;
}

static void *consumer(void *arg) {
  wtest_step_wait(2);
  WTEST_EXPECT(atomic_load_explicit(&flag, memory_order_acquire) == 2);
  wtest_use(payload);
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  wtest_create(&a, producer, NULL);
  wtest_create(&b, middle, NULL);
  wtest_create(&c, consumer, NULL);
  wtest_join(a);
  wtest_join(b);
  wtest_join(c);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
