// log_path with fork: a forked child writes its reports to its own
// PATH.<child pid>, and the parent's file keeps only the parent's.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 66 %t > %t.pids
// RUN: python3 -c "import os,sys; d=sys.argv[1]; parent, child = open(sys.argv[2]).read().split(); names = sorted(os.listdir(d)); assert names == sorted(['log.' + parent, 'log.' + child]), names; p = open(d + '/log.' + parent).read(); c = open(d + '/log.' + child).read(); assert ('pid=%%s)' %% parent) in p and 'in parent_race' in p and 'in child_race' not in p, p; assert ('pid=%%s)' %% child) in c and 'in child_race' in c and 'in parent_race' not in c, c" %t.dir %t.pids
#include "weft_test.h"
#include <sys/wait.h>
#include <unistd.h>

_Alignas(8) int x;
_Alignas(8) int y;

static void *w1(void *arg) {
  *(int *)arg = 1;
  wtest_step_set(1);
  return NULL;
}

/* Runs once in each process (each has its own step counter). */
__attribute__((noinline)) static void race_on(int *p, void (*second)(int *)) {
  pthread_t a;
  wtest_create(&a, w1, p);
  wtest_step_wait(1);
  second(p);
  wtest_join(a);
}

__attribute__((noinline)) static void parent_race(int *p) { *p = 2; }
__attribute__((noinline)) static void child_race(int *p) { *p = 3; }

int main(void) {
  pid_t child = fork();
  if (child == 0) {
    race_on(&y, child_race);
    return 0;
  }
  int status;
  waitpid(child, &status, 0);
  race_on(&x, parent_race);
  printf("%d %d\n", (int)getpid(), (int)child);
  return 0;
}
