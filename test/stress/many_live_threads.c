// Many threads alive at once: 64 threads, all started before any finishes,
// each adding to a shared counter under one mutex and writing its own
// array element.  No report, and the total is right.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"

#define THREADS 64
#define ROUNDS 100

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long counter;
long own[THREADS];

static void *body(void *arg) {
  long i = (long)arg;
  wtest_step_wait(1); /* everyone is alive before anyone works */
  for (int k = 0; k < ROUNDS; k++) {
    pthread_mutex_lock(&m);
    counter++;
    pthread_mutex_unlock(&m);
    own[i] += k;
  }
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  for (long i = 0; i < THREADS; i++)
    wtest_create(&t[i], body, (void *)i);
  wtest_step_set(1);
  for (int i = 0; i < THREADS; i++)
    wtest_join(t[i]);
  long sum = 0;
  for (int i = 0; i < THREADS; i++)
    sum += own[i];
  printf("counter = %ld, sum = %ld\n", counter, sum);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: counter = 6400, sum = 316800
// CHECK-NOT: weft: reported
