// The same hand-over with the allocation and the write under one mutex
// (the pointer is taken only after T1 unlocked): ordered.
// Sibling: race/location_heap_thread.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  long *p = malloc(6 * sizeof(long));
  pthread_mutex_unlock(&m);
  wtest_ptr_publish(p);
  return NULL;
}

static void *second(void *arg) {
  long *p = wtest_ptr_take();
  pthread_mutex_lock(&m);
  p[1] = 2;
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  free(wtest_ptr_take()); /* ordered after both by the joins */
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
