// sem_post after the write, sem_wait before the read: ordered.
// Sibling: race/sem_post_wait.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <semaphore.h>

static sem_t s;
int x;

static void *first(void *arg) {
  x = 1;
  sem_post(&s);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  WTEST_CHECK(sem_wait(&s));
  wtest_use(x);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  WTEST_CHECK(sem_init(&s, 0, 0));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
