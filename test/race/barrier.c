// pthread_barrier: the second thread reads before its barrier wait, so the
// read is not ordered after the first thread's write (made before the
// barrier): a race.
// Sibling: norace/barrier.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_barrier_t bar;
int x;

static void *first(void *arg) {
  x = 1;
  wtest_step_set(1);
  pthread_barrier_wait(&bar);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  wtest_use(x);
  pthread_barrier_wait(&bar);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(pthread_barrier_init(&bar, NULL, 2));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}barrier.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}barrier.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}barrier.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
