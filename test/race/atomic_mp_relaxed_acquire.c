// Relaxed store but acquire load: there is no release to acquire, so the
// payload read races with the write.
// Sibling: norace/atomic_mp_relaxed_acquire.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <stdatomic.h>

int payload;
atomic_int flag;

static void *producer(void *arg) {
  payload = 42;
  atomic_store_explicit(&flag, 1, memory_order_relaxed);
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

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 consumer {{.*}}atomic_mp_relaxed_acquire.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 producer {{.*}}atomic_mp_relaxed_acquire.c:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}atomic_mp_relaxed_acquire.c:{{[0-9:]+}} in consumer
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
