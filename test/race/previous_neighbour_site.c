// The previous access is the statement that touched the racing bytes,
// even when the same thread wrote the neighbouring variable of the same
// 8-byte word right after, from another statement and with no
// synchronization between: the two must not share one history.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

_Alignas(8) int x;
int y;

__attribute__((noinline)) static void store_x(void) { x = 1; }

static void *first(void *arg) {
  (void)arg;
  store_x();
  y = 1;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  (void)arg;
  wtest_step_wait(1);
  x = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(pthread_create(&a, NULL, first, NULL));
  WTEST_CHECK(pthread_create(&b, NULL, second, NULL));
  WTEST_CHECK(pthread_join(a, NULL));
  WTEST_CHECK(pthread_join(b, NULL));
  printf("%d\n", x + y);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}previous_neighbour_site.c:24:
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 store_x {{.*}}previous_neighbour_site.c:11:
// CHECK-NEXT: #1 first
// CHECK: weft: reported 1 warnings
