// One thread holds 1,000 mutexes at once (no fixed cap), twice, in the
// same order; another thread takes them in the same order too: nothing is
// reported.  Then a race under all of them is still reported, listing the
// first 64 in the access line.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

#define N 1000
static pthread_mutex_t m[N];
int x;

static void *hold_all(void *arg) {
  for (int round = 0; round < 2; round++) {
    for (int i = 0; i < N; i++) WTEST_CHECK(pthread_mutex_lock(&m[i]));
    for (int i = N; i-- > 0;) WTEST_CHECK(pthread_mutex_unlock(&m[i]));
  }
  return NULL;
}

static void *racer(void *arg) {
  for (int i = 0; i < N; i++) WTEST_CHECK(pthread_mutex_lock(&m[i]));
  x = 1;
  for (int i = 0; i < N; i++) WTEST_CHECK(pthread_mutex_unlock(&m[i]));
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  for (int i = 0; i < N; i++) WTEST_CHECK(pthread_mutex_init(&m[i], NULL));
  pthread_t a, b, c;
  wtest_create(&a, hold_all, NULL);
  wtest_create(&b, hold_all, NULL);
  wtest_join(a);
  wtest_join(b);
  fprintf(stderr, "held all\n");
  wtest_create(&c, racer, NULL);
  wtest_step_wait(1);
  x = 2;
  wtest_join(c);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: held all
// CHECK: WARNING: weft: data race
// CHECK: Previous write of size 4 at {{.*}} by thread T3 (mutexes: write M{{[0-9]+}}{{(, write M[0-9]+)+}}):
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
