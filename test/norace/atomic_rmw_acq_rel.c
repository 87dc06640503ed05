// memory_order_acq_rel read-modify-writes on both sides: the consumer's
// fetch_add reads the producer's, which orders the payload.
// Sibling: race/atomic_rmw_acq_rel.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_fetch_add_explicit(&flag, 1, memory_order_acq_rel);
  return NULL;
}

static void *consumer(void *arg) {
  unsigned spins = 0;
  while (!atomic_fetch_add_explicit(&flag, 0, memory_order_acq_rel))
    wtest_backoff(&spins);
  wtest_use(payload);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, producer, NULL);
  wtest_create(&b, consumer, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
