// posix_spawn from two threads at once: glibc starts each child with a
// clone that shares the parent's memory until the exec, on a stack it
// maps for itself.  Nothing of that is the program's memory, and the
// threads' own counting under a mutex is ordered.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;
int spawned;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  for (int i = 0; i < 5; i++) {
    pid_t pid;
    char *argv[] = {"true", NULL};
    WTEST_CHECK(posix_spawnp(&pid, "true", NULL, NULL, argv, environ));
    int st;
    WTEST_EXPECT(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    WTEST_CHECK(pthread_mutex_lock(&m));
    spawned++;
    WTEST_CHECK(pthread_mutex_unlock(&m));
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, work, NULL);
  wtest_create(&b, work, NULL);
  wtest_join(a);
  wtest_join(b);
  WTEST_EXPECT(spawned == 10);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
