// The second writer takes the inner of the first writer's two mutexes:
// ordered.
// Sibling: race/mutex_two_held.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t outer = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t inner = PTHREAD_MUTEX_INITIALIZER;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&outer);
  pthread_mutex_lock(&inner);
  x = 1;
  pthread_mutex_unlock(&inner);
  pthread_mutex_unlock(&outer);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&inner);
  x = 2;
  pthread_mutex_unlock(&inner);
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
