// Initializing a mutex and a rwlock that another thread holds: the
// holder's unlock then works on a fresh lock.  Reported with the holder.
// Re-initializing one whose holder has ended (how a program recovers
// after the exit report) and a lock that is free stay silent: that part
// is ok_init_and_join.c's and the first lines of main here.  The races on
// the locks' memory that follow are real (the init writes what the
// holder's calls read); the holder's unlocks of locks it no longer holds,
// and its exit, are the bug's echo and are not reported again.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

static void *holder(void *arg) {
  pthread_mutex_lock(&m);
  pthread_rwlock_rdlock(&l);
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_rwlock_unlock(&l);
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_mutex_lock(&m); /* used and free again: no report */
  pthread_mutex_unlock(&m);
  pthread_mutex_init(&m, NULL);
  pthread_t t;
  wtest_create(&t, holder, NULL);
  wtest_step_wait(1);
  pthread_mutex_init(&m, NULL);
  pthread_rwlock_init(&l, NULL);
  wtest_step_set(2);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: initialization of a locked mutex
// CHECK-NEXT: Initialization of mutex {{M[0-9]+}} (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}init_locked.c:32:
// CHECK-NEXT: It is held by thread T1.
// CHECK: WARNING: weft: initialization of a locked rwlock
// CHECK-NEXT: Initialization of rwlock {{M[0-9]+}} (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}init_locked.c:33:
// CHECK-NEXT: It is read-locked.
// CHECK-NOT: WARNING: weft: unlock of
// CHECK-NOT: WARNING: weft: thread exit while holding locks
