// No eviction: T1 writes x; then 100 threads (ordered among themselves,
// not with T1 or T2) read and write the other bytes of x's 8-byte granule
// and other memory; then T2 writes x.  The write-write race with T1 must
// still be found and attributed to T1, however many accesses came between
// and whatever slots the finished threads freed.  (ThreadSanitizer keeps 4
// accesses per granule and can miss this.)
// Sibling: norace/no_eviction.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

_Alignas(8) struct word {
  int x;
  unsigned char nb[4];
} g;
long other[128];

static void *first(void *arg) {
  g.x = 1;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(2);
  g.x = 2;
  return NULL;
}

static void *noise_one(void *arg) {
  long i = (long)arg;
  g.nb[i % 4] = (unsigned char)i;
  wtest_use(g.nb[(i + 1) % 4]);
  other[i] = i;
  wtest_use(other[(i + 7) % 100]);
  return NULL;
}

/* Its threads are ordered with each other by create/join only. */
static void *noise(void *arg) {
  wtest_step_wait(1);
  for (long i = 0; i < 100; i++) {
    pthread_t t;
    wtest_create(&t, noise_one, (void *)i);
    wtest_join(t);
  }
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_create(&c, noise, NULL);
  wtest_join(a);
  wtest_join(b);
  wtest_join(c);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}no_eviction.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}no_eviction.c:[[#]]
// CHECK-DAG: Location is global 'g' of size 8 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}no_eviction.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
