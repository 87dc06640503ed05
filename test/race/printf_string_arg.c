// printf reads the string its %s names: a thread writing the name while
// another prints it races, inside printf (uninstrumented libc), reported
// at printf's caller with printf as the top frame.
// Sibling: norace/printf_string_arg.c takes a lock around both.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 >/dev/null | FileCheck %s
#include "weft_test.h"

char name[16] = "alice";

static void *renamer(void *arg) {
  memcpy(name, "bob", 4);
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, renamer, NULL);
  wtest_step_wait(1);
  printf("%d: %-8.3s|%s\n", 1, "padding", name);
  wtest_join(a);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 printf {{.*}}
// CHECK-NEXT: #1 main {{.*}}printf_string_arg.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 renamer {{.*}}printf_string_arg.c:[[#]]
// CHECK: Location is global 'name' of size 16 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
