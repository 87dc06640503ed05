// race/libc_stdio.c with each thread joined before main touches what it
// wrote or filled: ordered.
// Sibling: race/libc_stdio.c does not join first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

char out[8] = "abcdefg";
char line[32];
FILE *sink, *source;

static void *writer(void *arg) {
  out[2] = 'C';
  return NULL;
}

static void *reader(void *arg) {
  WTEST_EXPECT(fgets(line, sizeof line, source) != NULL);
  return NULL;
}

int main(void) {
  int fds[2];
  WTEST_CHECK(pipe(fds));
  sink = fopen("/dev/null", "w");
  source = fdopen(fds[0], "r");
  WTEST_EXPECT(sink && source);
  WTEST_EXPECT(write(fds[1], "one line\n", 9) == 9);
  pthread_t a, b;
  wtest_create(&a, writer, NULL);
  wtest_join(a);
  WTEST_EXPECT(fwrite(out, 1, 7, sink) == 7);
  wtest_create(&b, reader, NULL);
  wtest_join(b);
  wtest_use(line[0]);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
