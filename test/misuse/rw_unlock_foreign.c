// Unlock of a rwlock that another thread read-locks.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

static void *reader(void *arg) {
  pthread_rwlock_rdlock(&l);
  wtest_step_set(1);
  wtest_step_wait(2);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, reader, NULL);
  wtest_step_wait(1);
  pthread_rwlock_unlock(&l);
  wtest_step_set(2);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: unlock of a rwlock held by another thread
// CHECK-NEXT: Unlock of rwlock [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}rw_unlock_foreign.c:18:
// CHECK-NEXT: It is read-locked by other threads.
// CHECK: SUMMARY: weft: unlock of a rwlock held by another thread
// CHECK: WARNING: weft: thread exit while holding locks
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
