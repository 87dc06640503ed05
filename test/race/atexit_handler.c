// norace/atexit_handler.c with the thread writing the table after it
// registered the handler: registering orders what came before it only.
// Sibling: norace/atexit_handler.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static int *table;

static void done(void) {
  wtest_use(table[3]);
  free(table);
}

static void *setup(void *arg) {
  table = calloc(8, sizeof *table);
  WTEST_CHECK(atexit(done));
  table[3] = 7;
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, setup, NULL);
  WTEST_CHECK(pthread_detach(t));
  wtest_step_wait(1);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 done {{.*}}atexit_handler.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 setup {{.*}}atexit_handler.c:[[#]]
// CHECK: Location is heap block of size 32 at {{0x[0-9a-f]+}} allocated by thread T1:
// The free that follows the read races with the same write.
// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 32 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 free
// CHECK-NEXT: #1 done {{.*}}atexit_handler.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
