// Streams opened and closed with stdio order as their fds do.  T1 sets
// `shared`, writes a line to a file with fputs and closes it; main,
// ordered after that by a relaxed-atomic step only, opens the file,
// reads the line with getline and then reads `shared`: data that went
// through a file orders like data through a pipe (all files are one
// sync object: the data may come back by any path), so nothing races.
// Then T2 writes to a stream of main's while main waits in a join, and
// main closes it after the join: ordered, no race with the close.
// Siblings: race/stdio_fclose_fwrite.c, race/getline_buffer.c.
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t %t.d 2>&1 | FileCheck %s
#include "weft_test.h"

#include <stdlib.h>

static int shared;
static char path[4096];
static FILE *out;

static void *first(void *arg) {
  shared = 1;
  FILE *f = fopen(path, "w");
  WTEST_EXPECT(f != NULL);
  fputs("first line\n", f);
  fclose(f);
  wtest_step_set(1);
  return arg;
}

static void *second(void *arg) {
  WTEST_EXPECT(fwrite("x", 1, 1, out) == 1);
  return arg;
}

int main(int argc, char **argv) {
  WTEST_EXPECT(argc == 2);
  snprintf(path, sizeof path, "%s/lines", argv[1]);
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_step_wait(1);
  FILE *f = fopen(path, "r");
  WTEST_EXPECT(f != NULL);
  char *line = NULL;
  size_t cap = 0;
  WTEST_EXPECT(getline(&line, &cap, f) == 11);
  printf("%d %s", shared, line);
  free(line);
  fclose(f);
  wtest_join(a);

  out = fopen("/dev/null", "w");
  WTEST_EXPECT(out != NULL);
  wtest_create(&b, second, NULL);
  wtest_join(b);
  fclose(out);
  puts("closed");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 1 first line
// CHECK-NEXT: closed
// CHECK-NOT: WARNING: weft
