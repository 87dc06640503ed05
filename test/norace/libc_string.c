// race/libc_string.c with the writer joined before strlen() reads the
// string: ordered.  The library functions read only what they touch:
// while a thread writes past the end of one string and past the byte
// where two others differ, strlen, strchr, strcmp and strncmp of them
// do not race with it.
// Sibling: race/libc_string.c does not join first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char name[32] = "hello world";
char a[16] = "abc-xxxxxxxx", b[16] = "abd-xxxxxxxx";
char tail[16] = "ab";

static void *writer(void *arg) {
  name[3] = 'L';
  return NULL;
}

static void *scribbler(void *arg) {
  a[8] = 'y';
  b[8] = 'y';
  tail[9] = 'z';
  wtest_step_set(1);
  wtest_step_wait(2);
  return NULL;
}

int main(void) {
  pthread_t w, s;
  wtest_create(&w, writer, NULL);
  wtest_join(w);
  wtest_use(strlen(name));
  wtest_create(&s, scribbler, NULL);
  wtest_step_wait(1);
  wtest_use(strlen(tail));
  wtest_use(strchr(tail, 'b'));
  wtest_use(strcmp(a, b));
  wtest_use(strncmp(a, b, 12));
  wtest_step_set(2);
  wtest_join(s);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
