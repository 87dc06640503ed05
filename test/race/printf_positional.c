// A positional format (%1$s, the form translated messages take) names its
// arguments out of order, and a precision can come from an argument of
// its own (%1$.*2$s).  printf then reads the bytes of the string it
// prints, here two, while another thread writes it: a race, reported at
// printf's caller with the size the precision allows.
// Sibling: norace/printf_positional.c takes a lock around both.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 >/dev/null | FileCheck %s
#include "weft_test.h"

char name[16] = "alice";

static void *renamer(void *arg) {
  memcpy(name, "bob", 4);
  wtest_step_set(1);
  return arg;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, renamer, NULL);
  wtest_step_wait(1);
  printf("%3$*4$d %1$.*2$s|%5$s\n", name, 2, 7, 3, "end");
  wtest_join(a);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 2 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 printf {{.*}}
// CHECK-NEXT: #1 main {{.*}}printf_positional.c:22
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 renamer {{.*}}printf_positional.c:13
// CHECK: Location is global 'name' of size 16 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
