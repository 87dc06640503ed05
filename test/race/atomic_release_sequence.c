// Not a release sequence: after the producer's release store, a third
// thread overwrites the flag with a plain relaxed STORE.  The consumer's
// acquire load reads that store, which heads no release sequence of the
// producer, so the payload races.  (A store by another thread ends the
// release sequence; only read-modify-writes continue it.)
// Sibling: norace/atomic_release_sequence.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
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
  atomic_store_explicit(&flag, 2, memory_order_relaxed);
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

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T3:
// CHECK-NEXT: #0 consumer {{.*}}atomic_release_sequence.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 producer {{.*}}atomic_release_sequence.c:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T3 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}atomic_release_sequence.c:{{[0-9:]+}} in consumer
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
