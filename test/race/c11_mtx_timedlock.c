// C11 mtx_timedlock with a past deadline returns thrd_timedout while the
// first thread holds the mutex; the read after it races.
// Sibling: norace/c11_mtx_timedlock.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <threads.h>

static mtx_t m;
int x;

static int first(void *arg) {
  mtx_lock(&m);
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  mtx_unlock(&m);
  return 0;
}

static int second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(mtx_timedlock(&m, &past) == thrd_timedout);
  wtest_use(x);
  wtest_step_set(2);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(mtx_init(&m, mtx_timed) == thrd_success);
  WTEST_EXPECT(thrd_create(&a, first, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, second, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}c11_mtx_timedlock.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}c11_mtx_timedlock.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}c11_mtx_timedlock.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
