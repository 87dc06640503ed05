// race/printf_string_arg.c with a lock around the rename and the print:
// printf's read of the %s argument is ordered after the write.  The other
// arguments (a precision-bounded %s, an int) are walked past correctly.
// Sibling: race/printf_string_arg.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 >/dev/null | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char name[16] = "alice";
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *renamer(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  memcpy(name, "bob", 4);
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, renamer, NULL);
  wtest_step_wait(1);
  WTEST_CHECK(pthread_mutex_lock(&m));
  printf("%d: %-8.3s|%s\n", 1, "padding", name);
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_join(a);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
