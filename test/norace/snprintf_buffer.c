// race/snprintf_buffer.c with the reader joined before the buffer is
// formatted into: ordered.
// Sibling: race/snprintf_buffer.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char line[32] = "empty";

static void *reader(void *arg) {
  wtest_use(line[2]);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, reader, NULL);
  wtest_join(a);
  int n;
  snprintf(line, sizeof line, "%s=%ld%n", "x", 42L, &n);
  WTEST_EXPECT(n == 4);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
