// An atexit handler registered by a detached thread that is gone when main
// returns: the handler runs at exit on main's thread, after what the
// thread did before registering it (atexit is glibc's __cxa_atexit).
// Sibling: race/atexit_handler.c writes the table after registering.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static int *table;

static void done(void) {
  wtest_use(table[3]);
  free(table);
}

static void *setup(void *arg) {
  table = calloc(8, sizeof *table);
  table[3] = 7;
  WTEST_CHECK(atexit(done));
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, setup, NULL);
  WTEST_CHECK(pthread_detach(t));
  wtest_step_wait(1);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
