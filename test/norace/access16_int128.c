// The same stores under one mutex: ordered.
// Sibling: race/access16_int128.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
union wide {
  __int128 whole;
  long half[2];
} u;

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  u.whole = ((__int128)(long)arg << 64) | 7;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  u.half[1] = 2;
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, (void *)3);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
