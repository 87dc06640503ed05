// fork() in a threaded program.  A thread writes shared data and then
// waits on a condition with its mutex held by nobody but the condition;
// main forks while it waits.  In the child only main exists: the thread's
// write happened before everything the child does, the child may
// re-initialise the mutex and wait on the condition with it, and the
// child's own new thread works as usual.
// Sibling: race/fork_child.c races in the child, between the child's threads.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <errno.h>
#include <sys/wait.h>

int shared;
int in_child;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t c = PTHREAD_COND_INITIALIZER;
int go;

static void *waiter(void *arg) {
  shared = 1;
  WTEST_CHECK(pthread_mutex_lock(&m));
  wtest_step_set(1);
  while (!go) WTEST_CHECK(pthread_cond_wait(&c, &m));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  return NULL;
}

static void *child_thread(void *arg) {
  in_child = 2;
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, waiter, NULL);
  wtest_step_wait(1);
  WTEST_CHECK(pthread_mutex_lock(&m)); /* the waiter is inside the wait */
  WTEST_CHECK(pthread_mutex_unlock(&m));
  pid_t pid = fork();
  WTEST_EXPECT(pid >= 0);
  if (pid == 0) {
    shared = 2;
    WTEST_CHECK(pthread_mutex_init(&m, NULL));
    WTEST_CHECK(pthread_mutex_lock(&m));
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 1000000;
    if (ts.tv_nsec >= 1000000000) ts.tv_sec++, ts.tv_nsec -= 1000000000;
    int r = pthread_cond_timedwait(&c, &m, &ts);
    WTEST_EXPECT(r == ETIMEDOUT || r == 0);
    WTEST_CHECK(pthread_mutex_unlock(&m));
    pthread_t b;
    wtest_create(&b, child_thread, NULL);
    wtest_join(b);
    in_child = 3;
    exit(0);
  }
  int status;
  WTEST_EXPECT(waitpid(pid, &status, 0) == pid);
  WTEST_CHECK(pthread_mutex_lock(&m));
  go = 1;
  WTEST_CHECK(pthread_cond_signal(&c));
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_join(a);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
