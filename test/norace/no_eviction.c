// The same program with x written under one mutex by T1 and T2: ordered;
// the 100 intermediate threads touch only other bytes.
// Sibling: race/no_eviction.c is the same program without the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
_Alignas(8) struct word {
  int x;
  unsigned char nb[4];
} g;
long other[128];

static void *first(void *arg) {
  pthread_mutex_lock(&m);
  g.x = 1;
  pthread_mutex_unlock(&m);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(2);
  pthread_mutex_lock(&m);
  g.x = 2;
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *noise_one(void *arg) {
  long i = (long)arg;
  g.nb[i % 4] = (unsigned char)i;
  wtest_use(g.nb[(i + 1) % 4]);
  other[i] = i;
  wtest_use(other[(i + 7) % 100]);
  return NULL;
}

/* Its threads are ordered with each other by create/join only. */
static void *noise(void *arg) {
  wtest_step_wait(1);
  for (long i = 0; i < 100; i++) {
    pthread_t t;
    wtest_create(&t, noise_one, (void *)i);
    wtest_join(t);
  }
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_create(&c, noise, NULL);
  wtest_join(a);
  wtest_join(b);
  wtest_join(c);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
