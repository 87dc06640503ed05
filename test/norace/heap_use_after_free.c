// The same threads as race/heap_use_after_free.c, with the use before the
// free: no report.  Then the freed block's address range is reused by new
// allocations once the quarantine lets it go (quarantine_mb=0 hands it
// back at once), and a new block's use there is no use after free.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t 2>&1 | FileCheck %s --allow-empty
// RUN: env WEFT_OPTIONS=quarantine_mb=0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int *block;

static void *owner(void *arg) {
  pthread_mutex_lock(&m);
  block = malloc(16 * sizeof(int));
  block[3] = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_mutex_lock(&m);
  free(block);
  block = NULL;
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *user(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&m);
  block[3] = 2;
  pthread_mutex_unlock(&m);
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, owner, NULL);
  wtest_create(&b, user, NULL);
  wtest_join(a);
  wtest_join(b);
  /* Many blocks of the freed one's size: with quarantine_mb=0 glibc hands
   * its memory out again at once, and each new block is fresh. */
  for (int i = 0; i < 1000; i++) {
    int *p = malloc(16 * sizeof(int));
    WTEST_EXPECT(p != NULL);
    p[3] = i;
    free(p);
  }
  return 0;
}

// CHECK-NOT: WARNING: weft
