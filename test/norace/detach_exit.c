// A detached thread writes, posts a semaphore and leaves through
// pthread_exit from a nested function; the main thread's sem_wait orders
// the read.
// Sibling: race/detach_exit.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <semaphore.h>

static sem_t done;
int x;

__attribute__((noinline)) static void leave(void) {
  x = 1;
  sem_post(&done);
  wtest_step_set(1);
  pthread_exit(NULL);
}

static void *child(void *arg) {
  leave();
  return NULL;
}

int main(void) {
  pthread_t a;
  WTEST_CHECK(sem_init(&done, 0, 0));
  wtest_create(&a, child, NULL);
  WTEST_CHECK(pthread_detach(a));
  WTEST_CHECK(sem_wait(&done));
  wtest_use(x);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
