// No eviction by readers: T1 writes x; then N reader threads, all alive at
// once and ordered with neither T1 nor T2, read the other bytes of x's
// 8-byte granule, so the granule holds N read records at the same time;
// then T2 writes x.  The write-write race with T1 must still be found and
// attributed to T1, with 16 readers and with 100.  (ThreadSanitizer keeps
// 4 accesses per granule.)  With -DFIXED, T1 and T2 write under one mutex.
// RUN: %weft-cc -O1 -g -DREADERS=16 %test_include %s -o %t16 && %expect-exit 66 %t16 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g -DREADERS=100 %test_include %s -o %t100 && %expect-exit 66 %t100 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g -DREADERS=100 -DFIXED %test_include %s -o %tf && %expect-exit 0 %tf 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stdatomic.h>

#ifndef READERS
#define READERS 16 /* the side-by-side comparison builds it without -D */
#endif

_Alignas(8) struct word {
  int x;
  unsigned char nb[4];
} g;
static _Atomic int ready; /* relaxed only: weft sees no order in it */
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
#ifdef FIXED
  pthread_mutex_lock(&m);
#endif
  g.x = 1;
#ifdef FIXED
  pthread_mutex_unlock(&m);
#endif
  wtest_step_set(1);
  return NULL;
}

static void *reader(void *arg) {
  long i = (long)arg;
  wtest_use(g.nb[i % 4]);
  atomic_fetch_add_explicit(&ready, 1, memory_order_relaxed);
  /* Stay alive until every reader has read: all N reads are concurrent. */
  unsigned spins = 0;
  while (atomic_load_explicit(&ready, memory_order_relaxed) < READERS) wtest_backoff(&spins);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(2);
#ifdef FIXED
  pthread_mutex_lock(&m);
#endif
  g.x = 2;
#ifdef FIXED
  pthread_mutex_unlock(&m);
#endif
  return NULL;
}

static void *readers(void *arg) {
  pthread_t t[READERS];
  wtest_step_wait(1);
  for (long i = 0; i < READERS; i++) wtest_create(&t[i], reader, (void *)i);
  for (long i = 0; i < READERS; i++) wtest_join(t[i]);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_create(&c, readers, NULL);
  wtest_join(a);
  wtest_join(b);
  wtest_join(c);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}no_eviction_readers.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}no_eviction_readers.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
// NORACE-NOT: WARNING: weft
