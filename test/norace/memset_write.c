// The same memset and write under one mutex: ordered.
// Sibling: race/memset_write.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <string.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
_Alignas(8) char buf[64];

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  memset(buf, (int)(long)arg, sizeof buf);
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  buf[5] = 1;
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
