// Default (seq_cst) atomic_store / atomic_load carry release/acquire:
// ordered.
// Sibling: race/atomic_seq_cst.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_store(&flag, 1);
  return NULL;
}

static void *consumer(void *arg) {
  unsigned spins = 0;
  while (!atomic_load(&flag))
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
