// race/printf_positional.c with a lock around the rename and the print:
// the positional format's reads are ordered after the write.  Its other
// arguments (a width and an int by position, a second string) are taken
// with their own types, and the output shows printf got them all.
// Sibling: race/printf_positional.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t 2>&1 | FileCheck %s
#include "weft_test.h"

char name[16] = "alice";
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *renamer(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  memcpy(name, "bob", 4);
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_step_set(1);
  return arg;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, renamer, NULL);
  wtest_step_wait(1);
  WTEST_CHECK(pthread_mutex_lock(&m));
  printf("[%3$*4$d %1$.*2$s|%5$s %6$.1f]\n", name, 2, 7, 3, "end", 2.5);
  WTEST_CHECK(pthread_mutex_unlock(&m));
  fflush(stdout);
  wtest_join(a);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: [  7 bo|end 2.5]
// CHECK-NOT: WARNING: weft
