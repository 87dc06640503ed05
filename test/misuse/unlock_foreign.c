// Unlock of a normal mutex held by another thread (undefined for normal
// mutexes, though glibc lets it through).  The holder then ends, with the
// mutex still its own as far as it knows: that is reported too.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *holder(void *arg) {
  pthread_mutex_lock(&m);
  wtest_step_set(1);
  wtest_step_wait(2);
  return NULL;
}

int main(void) {
  pthread_t t;
  wtest_create(&t, holder, NULL);
  wtest_step_wait(1);
  pthread_mutex_unlock(&m);
  wtest_step_set(2);
  wtest_join(t);
  return 0;
}

// CHECK: WARNING: weft: unlock of a mutex owned by another thread
// CHECK-NEXT: Unlock of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}unlock_foreign.c:20:
// CHECK-NEXT: It is held by thread T1.
// CHECK: SUMMARY: weft: unlock of a mutex owned by another thread
// CHECK-NOT: WARNING: weft
// CHECK: WARNING: weft: thread exit while holding locks
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
