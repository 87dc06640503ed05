// The C11 mutexes: a plain mtx_t locked twice by its owner is a
// self-deadlock (reported, then the program ends); a recursive one is
// fine.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <threads.h>

static mtx_t plain, rec;

int main(void) {
  WTEST_EXPECT(mtx_init(&rec, mtx_plain | mtx_recursive) == thrd_success);
  WTEST_EXPECT(mtx_init(&plain, mtx_plain) == thrd_success);
  mtx_lock(&rec);
  mtx_lock(&rec);
  mtx_unlock(&rec);
  mtx_unlock(&rec);
  mtx_lock(&plain);
  mtx_lock(&plain);
  return 0;
}

// CHECK: WARNING: weft: double lock of a mutex (self-deadlock)
// CHECK-NEXT: Lock (write) of mutex {{M[0-9]+}} (0x{{[0-9a-f]+}}) by main thread, which already holds it:
// CHECK-NEXT: #0 main {{.*}}c11_double_lock.c:18:
// CHECK-NOT: WARNING: weft
// CHECK: weft: main thread is blocked for good
// CHECK: weft: reported 1 warnings
