// Report format of held locks: each writer holds a mutex, but not the same
// one, so the writes race.  Both access lines list the writer's mutex as
// "(mutexes: write M<n>)" and each mutex gets a "Mutex M<n> (...) created at"
// block.
// Sibling: norace/mutex_held_unrelated.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&m1);
  x = 1;
  pthread_mutex_unlock(&m1);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m2);
  x = 2;
  pthread_mutex_unlock(&m2);
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
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2 (mutexes: write [[M2:M[0-9]+]]):
// CHECK-NEXT: #0 second {{.*}}mutex_held_unrelated.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M1:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}mutex_held_unrelated.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M1]] (0x{{[0-9a-f]+}}) created at:
// CHECK-DAG: Mutex [[M2]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}mutex_held_unrelated.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
