// T1 reads a heap block; T2 frees it with nothing ordering the free after
// the read.  free counts as a write of the whole block, so this is a race
// whose current access is the free: a 40-byte write at the block's start,
// whose stack leads to the program's call to free in freer.
// Sibling: norace/use_after_free.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static int *block;
static pthread_t reader_thread;

static void *reader(void *arg) {
  wtest_use(block[0]);
  wtest_step_set(1);
  return NULL;
}

static void *freer(void *arg) {
  wtest_step_wait(1);
  free(block);
  return NULL;
}

int main(void) {
  pthread_t b;
  block = calloc(10, sizeof(int));
  wtest_create(&reader_thread, reader, NULL);
  wtest_create(&b, freer, NULL);
  wtest_join(reader_thread);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 40 at 0x[[#%x,CUR:]] by thread T2:
// CHECK-NOT: {{^ *[A-Z]}}
// CHECK: {{#[0-9]+}} freer {{.*}}use_after_free.c:[[#]]
// CHECK: Previous read of size 4 at 0x[[#%x,CUR]] by thread T1:
// CHECK-NEXT: #0 reader {{.*}}use_after_free.c:[[#]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}} in free
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
