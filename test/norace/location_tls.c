// The same writes under one mutex: ordered.
// Sibling: race/location_tls.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static __thread int tv;

static void *first(void *arg) {
  wtest_ptr_publish(&tv);
  pthread_mutex_lock(&m);
  tv = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  wtest_step_wait(2); /* keep the TLS block alive until T2 is done */
  return NULL;
}

static void *second(void *arg) {
  int *p = wtest_ptr_take();
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  *p = 2;
  pthread_mutex_unlock(&m);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
