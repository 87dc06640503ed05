// A detached thread writes from a nested function and leaves through
// pthread_exit; nothing orders that write before the main thread's read.
// The report still names the finished thread and its stack.
// Sibling: norace/detach_exit.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <semaphore.h>

static sem_t done;
int x;

__attribute__((noinline)) static void leave(void) {
  x = 1;
  sem_post(&done);
  wtest_step_set(1);
  pthread_exit(NULL);
}

static void *child(void *arg) {
  leave();
  return NULL;
}

int main(void) {
  pthread_t a;
  WTEST_CHECK(sem_init(&done, 0, 0));
  wtest_create(&a, child, NULL);
  WTEST_CHECK(pthread_detach(a));
  wtest_step_wait(1);
  wtest_use(x);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}detach_exit.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 leave {{.*}}detach_exit.c:[[#]]
// CHECK-NEXT: #1 child {{.*}}detach_exit.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}detach_exit.c:{{[0-9:]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
