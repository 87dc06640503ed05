// A 4-byte store at offset 1 (bytes 1..4) and an 8-byte store at offset 5
// (bytes 5..12, crossing a granule), concurrent with single-byte writes to
// bytes 0 and 13: unaligned accesses touch exactly their own bytes, so
// nothing races.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

typedef int __attribute__((aligned(1))) unaligned_int;
typedef long __attribute__((aligned(1))) unaligned_long;
_Alignas(8) unsigned char buf[16];

static void *wide(void *arg) {
  for (int k = 0; k < 100; k++) {
    *(unaligned_int *)(buf + 1) = k;
    *(unaligned_long *)(buf + 5) = k;
    wtest_compiler_barrier();
  }
  return NULL;
}

static void *narrow(void *arg) {
  for (int k = 0; k < 100; k++) {
    buf[0] = (unsigned char)k;
    buf[13] = (unsigned char)k;
    wtest_compiler_barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, wide, NULL);
  wtest_create(&b, narrow, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
