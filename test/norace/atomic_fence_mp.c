// Fence-to-fence synchronization (C11 7.17.4): payload; release fence;
// relaxed store of the flag.  Relaxed load of the flag; acquire fence;
// payload.  The fences synchronize, so the payload is ordered.
// ThreadSanitizer ignores fences and reports this falsely; weft must not.
// Sibling: race/atomic_fence_mp.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

/* No step helpers here: their relaxed accesses would pair with the fences
 * (see weft_test.h).  The consumer spins on the flag itself. */
int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_thread_fence(memory_order_release);
  atomic_store_explicit(&flag, 1, memory_order_relaxed);
  return NULL;
}

static void *consumer(void *arg) {
  unsigned spins = 0;
  while (!atomic_load_explicit(&flag, memory_order_relaxed))
    wtest_backoff(&spins);
  atomic_thread_fence(memory_order_acquire);
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
