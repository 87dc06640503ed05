// Threads joining each other in a ring: T1 joins T2, T2 joins T3, T3
// joins T1.  (glibc answers EDEADLK to a thread that joins the thread
// joining it, so two threads do not always hang; three always do.)  The
// main thread only waits: a second join of T1 would be another bug.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <unistd.h>

static pthread_t t[3];

static void *worker(void *arg) {
  int i = (int)(long)arg;
  wtest_step_wait(1);
  pthread_join(t[(i + 1) % 3], NULL);
  return NULL;
}

int main(void) {
  for (long i = 0; i < 3; i++) wtest_create(&t[i], worker, (void *)i);
  wtest_step_set(1);
  for (;;) pause();
}

// CHECK: WARNING: weft: deadlock
// CHECK-NEXT: Thread T1 waits to join thread T2:
// CHECK-NEXT: #0 worker {{.*}}deadlock_join_cycle.c:14:
// CHECK-NEXT: Thread T2 waits to join thread T3:
// CHECK-NEXT: #0 worker {{.*}}deadlock_join_cycle.c:14:
// CHECK-NEXT: Thread T3 waits to join thread T1:
// CHECK-NEXT: #0 worker {{.*}}deadlock_join_cycle.c:14:
// CHECK-NOT: Main thread waits
// CHECK: SUMMARY: weft: deadlock
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
