// sem_timedwait: one attempt times out, the next (far deadline) takes the
// count the writer posted after writing: ordered.
// Sibling: race/sem_timedwait.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static sem_t s;
int x;

static void *first(void *arg) {
  x = 1;
  wtest_step_set(1);
  wtest_step_wait(2);
  sem_post(&s);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  struct timespec past = wtest_deadline(-1000);
  WTEST_EXPECT(sem_timedwait(&s, &past) == -1 && errno == ETIMEDOUT);
  wtest_step_set(2);
  struct timespec later = wtest_deadline(60000);
  WTEST_CHECK(sem_timedwait(&s, &later));
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
