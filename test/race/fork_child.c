// norace/fork_child.c's child, racing with its own new thread on a
// variable: the child's threads are checked as in any process, and the
// report comes from the child (whose exit status main passes on).
// Sibling: norace/fork_child.c joins the child's thread first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <sys/wait.h>

int shared;
int in_child;

static void *parent_thread(void *arg) {
  shared = 1;
  wtest_step_set(1);
  return NULL;
}

static void *child_thread(void *arg) {
  in_child = 2;
  wtest_step_set(2);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, parent_thread, NULL);
  wtest_step_wait(1);
  pid_t pid = fork();
  WTEST_EXPECT(pid >= 0);
  if (pid == 0) {
    shared = 2;
    pthread_t b;
    wtest_create(&b, child_thread, NULL);
    wtest_step_wait(2);
    in_child = 3;
    wtest_join(b);
    exit(0);
  }
  int status;
  WTEST_EXPECT(waitpid(pid, &status, 0) == pid);
  wtest_join(a);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}fork_child.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 child_thread {{.*}}fork_child.c:[[#]]
// CHECK: Location is global 'in_child' of size 4
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
