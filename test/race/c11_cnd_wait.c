// The waiter skips cnd_wait and reads the payload the signaller wrote:
// nothing orders them, a race.
// Sibling: norace/c11_cnd_wait.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <threads.h>

static mtx_t m;
static cnd_t c;
static int ready; /* guarded by m */
int payload;

static int waiter(void *arg) {
  mtx_lock(&m);
  wtest_step_set(1); /* the signaller starts while we hold m */
  mtx_unlock(&m);
  wtest_step_wait(2);
  wtest_use(payload);
  return 0;
}

static int signaller(void *arg) {
  wtest_step_wait(1);
  payload = 42;
  mtx_lock(&m);
  ready = 1;
  cnd_signal(&c);
  mtx_unlock(&m);
  wtest_step_set(2);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(mtx_init(&m, mtx_plain) == thrd_success);
  WTEST_EXPECT(cnd_init(&c) == thrd_success);
  WTEST_EXPECT(thrd_create(&a, waiter, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, signaller, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 waiter {{.*}}c11_cnd_wait.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 signaller {{.*}}c11_cnd_wait.c:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}c11_cnd_wait.c:{{[0-9:]+}} in waiter
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
