// Eight threads each write and read their own byte of one 8-byte word,
// concurrently: distinct bytes never race, however they share a granule.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

_Alignas(8) unsigned char word[8];

static void *owner(void *arg) {
  long i = (long)arg;
  for (int k = 0; k < 100; k++) {
    word[i] = (unsigned char)(word[i] + k);
    wtest_compiler_barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t t[8];
  for (long i = 0; i < 8; i++)
    wtest_create(&t[i], owner, (void *)i);
  for (int i = 0; i < 8; i++)
    wtest_join(t[i]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
