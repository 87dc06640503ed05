// A recursive mutex unlocked more times than it was locked: glibc returns
// EPERM, but the program's count has gone wrong, so it is reported as an
// unlock of an unlocked mutex.  Balanced recursive locking, and EPERM
// from a thread that does not own it, stay silent (ok_mutex_types.c).
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

int main(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t m;
  pthread_mutex_init(&m, &a);
  pthread_mutex_lock(&m);
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  pthread_mutex_unlock(&m);
  int r = pthread_mutex_unlock(&m); /* one too many */
  printf("third unlock: %s\n", r == EPERM ? "EPERM" : "?");
  return 0;
}

// CHECK: WARNING: weft: unlock of an unlocked mutex
// CHECK-NEXT: Unlock of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread, which does not hold it:
// CHECK-NEXT: #0 main {{.*}}unlock_recursive_over.c:19:
// CHECK-NEXT: It is not locked.
// CHECK-NEXT: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK-NEXT: #0 main {{.*}}unlock_recursive_over.c:15:
// CHECK-NOT: WARNING: weft
// CHECK: third unlock: EPERM
