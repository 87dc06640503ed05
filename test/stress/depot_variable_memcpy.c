// Contexts are stacks and locks, not access shapes: copies of variable
// length at every offset from one site, 3 * 2^24 of them, once filled the
// depot (2^24 contexts) three times over and left every later report with
// empty stacks.  Now the run ends with a handful of contexts, no "depot
// full", and a race at the end shows both stacks.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=print_stats=1 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string.h>

static char src[1024], dst[1024];
_Alignas(8) int shared;

__attribute__((noinline)) static void copy(size_t off, size_t len) {
  memcpy(dst + off, src + (len & 7), len);
}

static void *first(void *arg) {
  shared = 1;
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  unsigned long n = 3ul << 24, x = 1;
  for (unsigned long i = 0; i < n; i++) {
    x = x * 6364136223846793005ul + 1442695040888963407ul;
    copy((x >> 33) & 7, 1 + ((x >> 40) % 511));
  }
  pthread_t t;
  wtest_create(&t, first, NULL);
  wtest_step_wait(1);
  shared = 2;
  wtest_join(t);
  printf("%d %d\n", dst[5], shared);
  return 0;
}

// CHECK-NOT: depot full
// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}depot_variable_memcpy.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}depot_variable_memcpy.c:[[#]]
// CHECK-NOT: depot full
// CHECK: contexts in the depot: {{[0-9]{1,3}$}}
