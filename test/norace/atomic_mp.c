// Message passing: payload written, flag stored with memory_order_release,
// flag loaded with memory_order_acquire, payload read.  The acquire load
// reads the release store, which orders the payload.
// Sibling: race/atomic_mp.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_store_explicit(&flag, 1, memory_order_release);
  return NULL;
}

static void *consumer(void *arg) {
  unsigned spins = 0;
  while (!atomic_load_explicit(&flag, memory_order_acquire))
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
