// A thread ends while it holds a mutex (reported as it exits); the main
// thread then waits for that mutex, which nobody can ever unlock: a
// deadlock of one thread, reported a second later, and the program ends.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *leaves_it_locked(void *arg) {
  pthread_mutex_lock(&m);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, leaves_it_locked, NULL);
  wtest_join(t);
  pthread_mutex_lock(&m);
  return 0;
}

// CHECK: WARNING: weft: thread exit while holding locks
// CHECK: WARNING: weft: deadlock
// CHECK-NEXT: Main thread waits for mutex [[M:M[0-9]+]] (write), held by thread T1, which has ended:
// CHECK-NEXT: #0 main {{.*}}deadlock_holder_gone.c:18:
// CHECK-NEXT: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: deadlock {{.*}}deadlock_holder_gone.c:18:{{[0-9]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
