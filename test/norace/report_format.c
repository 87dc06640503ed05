// The program of race/report_format.c with both stores under one mutex:
// ordered, so nothing is printed.
// Sibling: race/report_format.c is the same program without the mutex.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int x;

__attribute__((noinline)) static void store_cur(int v) {
  pthread_mutex_lock(&m);
  x = v;
  pthread_mutex_unlock(&m);
}

static void *cur_thread(void *arg) {
  wtest_step_wait(1);
  store_cur(2);
  return NULL;
}

__attribute__((noinline)) static void store_prev(int v) {
  pthread_mutex_lock(&m);
  x = v;
  pthread_mutex_unlock(&m);
}

static void *prev_thread(void *arg) {
  store_prev(1);
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, cur_thread, NULL);
  wtest_create(&b, prev_thread, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
