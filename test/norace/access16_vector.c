// The same accesses under one mutex: ordered.
// Sibling: race/access16_vector.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

typedef int v4si __attribute__((vector_size(16)));
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
union lanes {
  v4si vec;
  int lane[4];
} u;

static void *first(void *arg) {
  int k = (int)(long)arg;
  pthread_mutex_lock(&m);
  u.vec = (v4si){k, k + 1, k + 2, k + 3};
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  wtest_use(u.lane[3]);
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
