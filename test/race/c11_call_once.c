// The first thread runs the init routine through C11 call_once; the second
// reads its result without calling call_once: a race.
// Sibling: norace/c11_call_once.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <threads.h>

static once_flag once = ONCE_FLAG_INIT;
int x;

__attribute__((noinline)) static void init_x(void) { x = 1; }

static int first(void *arg) {
  call_once(&once, init_x);
  wtest_step_set(1);
  return 0;
}

static int second(void *arg) {
  wtest_step_wait(1);
  wtest_use(x);
  return 0;
}

int main(void) {
  thrd_t a, b;
  WTEST_EXPECT(thrd_create(&a, first, NULL) == thrd_success);
  WTEST_EXPECT(thrd_create(&b, second, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(a, NULL) == thrd_success);
  WTEST_EXPECT(thrd_join(b, NULL) == thrd_success);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}c11_call_once.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 init_x {{.*}}c11_call_once.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}c11_call_once.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
