// A condition-variable wait with the mutex not held: reported once (not
// also as an unlock of an unlocked mutex).
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

int main(void) {
  struct timespec ts = wtest_deadline(10);
  pthread_cond_timedwait(&c, &m, &ts);
  pthread_mutex_unlock(&m);
  return 0;
}

// CHECK: WARNING: weft: condition variable wait without holding the mutex
// CHECK-NEXT: Wait on condition variable at 0x{{[0-9a-f]+}} by main thread, with mutex {{.*}} not held:
// CHECK-NEXT: #0 main {{.*}}cond_no_mutex.c:11:
// CHECK: SUMMARY: weft: condition variable wait without holding the mutex
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
