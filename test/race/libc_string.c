// strlen() called from main reads a string that another thread is still
// writing, with nothing ordering the two: the library's read races with
// the thread's write, reported with strlen as the top frame.
// Sibling: norace/libc_string.c joins the writer first.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

char name[32] = "hello world";

static void *writer(void *arg) {
  name[3] = 'L';
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  wtest_use(strlen(name));
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 12 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 strlen {{.*}}intercept/string.c
// CHECK-NEXT: #1 main {{.*}}libc_string.c:[[#]]
// CHECK: Previous write of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 writer {{.*}}libc_string.c:[[#]]
// CHECK: Location is global 'name' of size 32
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
