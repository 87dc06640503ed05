// Six threads read one global concurrently (written by main before
// creating them): reads never race with reads.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

int x;

static void *reader(void *arg) {
  for (int k = 0; k < 100; k++) {
    wtest_use(x);
    wtest_compiler_barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t t[6];
  x = 42;
  for (int i = 0; i < 6; i++)
    wtest_create(&t[i], reader, NULL);
  for (int i = 0; i < 6; i++)
    wtest_join(t[i]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
