// Threads write neighbouring fields of one struct (1, 1, 2, 4 and 8 bytes,
// sharing granules) concurrently: distinct fields never race.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

struct fields {
  char a;
  char b;
  short c;
  int d;
  long e;
} s;

static void *write_a(void *arg) { for (int k = 0; k < 100; k++) { s.a = (char)k; wtest_compiler_barrier(); } return NULL; }
static void *write_b(void *arg) { for (int k = 0; k < 100; k++) { s.b = (char)k; wtest_compiler_barrier(); } return NULL; }
static void *write_c(void *arg) { for (int k = 0; k < 100; k++) { s.c = (short)k; wtest_compiler_barrier(); } return NULL; }
static void *write_d(void *arg) { for (int k = 0; k < 100; k++) { s.d = k; wtest_compiler_barrier(); } return NULL; }
static void *write_e(void *arg) { for (int k = 0; k < 100; k++) { s.e = k; wtest_compiler_barrier(); } return NULL; }

int main(void) {
  void *(*fn[5])(void *) = {write_a, write_b, write_c, write_d, write_e};
  pthread_t t[5];
  for (int i = 0; i < 5; i++)
    wtest_create(&t[i], fn[i], NULL);
  for (int i = 0; i < 5; i++)
    wtest_join(t[i]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
