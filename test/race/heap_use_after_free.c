// A use of a heap block after another thread freed it is reported as a
// heap-use-after-free even though a mutex orders it after the free: the
// free is the previous access, and the block (held in quarantine, so the
// write corrupts nothing) is named with its allocation.  The program then
// runs on to a normal exit.
// Sibling: norace/heap_use_after_free.c uses the block before the free.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
// The JSON says the same, and weft-report reads it back.
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/json:report_format=json %expect-exit 66 %t
// RUN: FileCheck %s --check-prefix=JSON < %t.dir/json.*
// RUN: not %weft-report %t.dir | FileCheck %s --check-prefix=TOOL
#include "weft_test.h"
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int *block;

static void *owner(void *arg) {
  pthread_mutex_lock(&m);
  block = malloc(16 * sizeof(int));
  block[3] = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_mutex_lock(&m);
  free(block);
  pthread_mutex_unlock(&m);
  wtest_step_set(3);
  return NULL;
}

static void *user(void *arg) {
  wtest_step_wait(1);
  wtest_step_set(2);
  wtest_step_wait(3);
  pthread_mutex_lock(&m);
  block[3] = 2; /* after the free, and ordered after it */
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, owner, NULL);
  wtest_create(&b, user, NULL);
  wtest_join(a);
  wtest_join(b);
  void *again = malloc(64); /* the heap still works */
  WTEST_EXPECT(again != NULL);
  free(again);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: heap-use-after-free (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 user {{.*}}heap_use_after_free.c:[[#]]
// CHECK: Previous write of size 64 at [[BLOCK:0x[0-9a-f]+]] by thread T1 (mutexes: write [[M]]):
// CHECK-NEXT: #0 free
// CHECK-NEXT: #1 owner {{.*}}heap_use_after_free.c:[[#]]
// CHECK: Location is freed heap block of size 64 at [[BLOCK]] allocated by thread T1:
// CHECK-NEXT: #0 malloc
// CHECK-NEXT: #1 owner {{.*}}heap_use_after_free.c:[[#]]
// CHECK: SUMMARY: weft: heap-use-after-free {{.*}}heap_use_after_free.c:{{[0-9:]+}} in user
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings

// JSON: "kind":"heap-use-after-free"
// JSON-SAME: "location":{"kind":"heap",{{.*}}"freed":true

// TOOL: heap-use-after-free in user at {{.*}}heap_use_after_free.c:[[#]]
// TOOL: Previous write of size 64 by thread T1
// TOOL-NEXT: #0 free
// TOOL: Location is freed heap block of size 64 allocated by thread T1:
