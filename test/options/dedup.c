// dedup=1 (the default): one report per pair of racing sites, whatever
// the address; dedup=0: every race found is reported.  Here the same two
// statements race on four different elements.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=ONE
// RUN: env WEFT_OPTIONS=dedup=0 %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=ALL
#include "weft_test.h"

long a[4];

static void *first(void *arg) {
  for (int i = 0; i < 4; i++) a[i] = 1;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  for (int i = 0; i < 4; i++) a[i] = 2;
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// ONE-COUNT-1: WARNING: weft: data race
// ONE: weft: reported 1 warnings
// ALL-COUNT-4: WARNING: weft: data race
// ALL-NOT: WARNING: weft
// ALL: weft: reported 4 warnings
