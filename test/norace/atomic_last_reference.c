// A reference count: the worker drops its reference with a release RMW;
// main sees the count reach zero with an acquire load and then reuses the
// counter's own memory with plain writes, as code that frees the object
// does.  The RMW itself happens before the acquire that read it, so the
// plain write does not race with it.
// Sibling: race/atomic_last_reference.c reads the count with a relaxed load.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

union {
  atomic_int refs;
  int reused;
} obj = {.refs = 2};

static void *worker(void *arg) {
  atomic_fetch_sub_explicit(&obj.refs, 1, memory_order_release);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, worker, NULL);
  unsigned spins = 0;
  while (atomic_load_explicit(&obj.refs, memory_order_acquire) != 1) wtest_backoff(&spins);
  obj.reused = 7;
  wtest_join(a);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
