// The waiter checks the flag once instead of waiting on the condition
// variable, then reads the payload the signaller wrote before signalling:
// nothing orders them, a race.
// Sibling: norace/cond_wait_signal.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready; /* guarded by m */
int payload;

static void *waiter(void *arg) {
  pthread_mutex_lock(&m);
  wtest_step_set(1); /* the signaller starts while we hold m */
  pthread_mutex_unlock(&m);
  wtest_step_wait(2);
  wtest_use(payload);
  return NULL;
}

static void *signaller(void *arg) {
  wtest_step_wait(1);
  payload = 42;
  pthread_mutex_lock(&m);
  ready = 1;
  pthread_cond_signal(&c);
  pthread_mutex_unlock(&m);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, waiter, NULL);
  wtest_create(&b, signaller, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 waiter {{.*}}cond_wait_signal.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 signaller {{.*}}cond_wait_signal.c:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}cond_wait_signal.c:{{[0-9:]+}} in waiter
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
