// Threads write and read their own elements of shared int and short arrays
// (several elements per granule) concurrently: no race.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

#define N 6
int ints[N];
short shorts[N];

static void *owner(void *arg) {
  long i = (long)arg;
  for (int k = 0; k < 100; k++) {
    ints[i] += k;
    shorts[i] = (short)(shorts[i] + 1);
    wtest_compiler_barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (long i = 0; i < N; i++)
    wtest_create(&t[i], owner, (void *)i);
  for (int i = 0; i < N; i++)
    wtest_join(t[i]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
