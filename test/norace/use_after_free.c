// T2 joins T1 before freeing the block T1 read: ordered.
// Sibling: race/use_after_free.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static int *block;
static pthread_t reader_thread;

static void *reader(void *arg) {
  wtest_use(block[0]);
  wtest_step_set(1);
  return NULL;
}

static void *freer(void *arg) {
  wtest_join(reader_thread);
  free(block);
  return NULL;
}

int main(void) {
  pthread_t b;
  block = calloc(10, sizeof(int));
  wtest_create(&reader_thread, reader, NULL);
  wtest_create(&b, freer, NULL);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
