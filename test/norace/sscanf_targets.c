// The scanf family writes exactly the bytes each conversion stores, at
// every length modifier: each target here has a neighbour that another
// thread writes right after the parse, with nothing ordering the two, so
// a target taken a byte too wide would be a false race.  A suppressed
// conversion (%*d) takes no argument, %n stores the count, %ms a pointer
// to a new string.  Then fscanf reads a number from a pipe whose other
// end a thread wrote after setting a variable: the read acquires from
// the pipe (as fread does), so reading the variable after it is ordered.
// Sibling: race/sscanf_target.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t 2>&1 | FileCheck %s
#include "weft_test.h"

#include <stdlib.h>
#include <unistd.h>

static struct {
  signed char hh;
  char n_hh;
  short h;
  char n_h[2];
  int d;
  char n_d[4];
  long l;
  char n_l[8];
  long long ll;
  float f;
  char n_f[4];
  double lf;
  char n_lf[8];
  long double big;
  char n_big[16];
  char word[8]; /* "word" and its NUL: bytes 5..7 are the neighbour's */
  char three[3];
  char n_three;
  char set[8];  /* "abc" and its NUL */
  void *p;
  char n_p[8];
  int n;
  char n_n[4];
  char *fresh;
  char n_fresh[8];
} t;

static void *neighbour(void *arg) {
  wtest_step_wait(1);
  t.n_hh = 1, t.n_h[0] = 1, t.n_d[0] = 1, t.n_l[0] = 1, t.n_f[0] = 1, t.n_lf[0] = 1;
  t.n_big[0] = 1, t.word[5] = 1, t.n_three = 1, t.set[4] = 1, t.n_p[0] = 1, t.n_n[0] = 1;
  t.n_fresh[0] = 1;
  return arg;
}

static int answer;
static int pipefd[2];

static void *sender(void *arg) {
  answer = 42;
  FILE *out = fdopen(pipefd[1], "w");
  WTEST_EXPECT(out != NULL);
  fputs("17\n", out);
  fclose(out);
  return arg;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, neighbour, NULL);
  int got = sscanf("-5 300 70000 1234567890123 99 1000 1.5 2.25 3.125 word xyz abcdef 0x10 8 rest",
                   "%hhd %hd %d %ld %lld %*d %f %lf %Lf %7s %3c %[a-c]%*s %p %*d %n%ms",
                   &t.hh, &t.h, &t.d, &t.l, &t.ll, &t.f, &t.lf, &t.big, t.word, t.three,
                   t.set, &t.p, &t.n, &t.fresh);
  wtest_step_set(1);
  wtest_join(a);
  printf("%d: %d %d %d %ld %lld %g %g %Lg %s %.3s %s %p %d %s\n", got, t.hh, t.h, t.d, t.l,
         t.ll, t.f, t.lf, t.big, t.word, t.three, t.set, t.p, t.n, t.fresh);
  free(t.fresh);

  WTEST_CHECK(pipe(pipefd));
  FILE *in = fdopen(pipefd[0], "r");
  WTEST_EXPECT(in != NULL);
  wtest_create(&b, sender, NULL);
  int v = 0;
  WTEST_EXPECT(fscanf(in, "%d", &v) == 1);
  printf("%d %d\n", v, answer);
  wtest_join(b);
  fclose(in);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 13: -5 300 70000 1234567890123 99 1.5 2.25 3.125 word xyz abc 0x10 73 rest
// CHECK-NEXT: 17 42
// CHECK-NOT: WARNING: weft
