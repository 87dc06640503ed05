// Two threads write a global; only the first holds the pthread mutex
// (default type), so the second write is unordered: a race.  The report
// names the mutex the first writer held.
// Sibling: norace/mutex_normal.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  x = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  x = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}mutex_normal.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}mutex_normal.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}mutex_normal.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
