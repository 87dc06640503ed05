// The same writes under one mutex: ordered.
// Sibling: race/location_heap.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  int *p = arg;
  pthread_mutex_lock(&m);
  p[2] = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  int *p = arg;
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  p[2] = 2;
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  int *block = malloc(10 * sizeof(int));
  wtest_create(&a, first, block);
  wtest_create(&b, second, block);
  wtest_join(a);
  wtest_join(b);
  free(block);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
