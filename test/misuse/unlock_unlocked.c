// Unlock of a mutex nobody holds: reported once per call site, with the
// unlock's stack and the mutex's first use.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  for (int i = 0; i < 3; i++) pthread_mutex_unlock(&m);
  return 0;
}

// CHECK: WARNING: weft: unlock of an unlocked mutex (pid={{[0-9]+}})
// CHECK-NEXT: Unlock of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}unlock_unlocked.c:11:
// CHECK-NEXT: It is not locked.
// CHECK-NEXT: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK-NEXT: #0 main {{.*}}unlock_unlocked.c:9:
// CHECK: SUMMARY: weft: unlock of an unlocked mutex {{.*}}unlock_unlocked.c:11:{{[0-9]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
