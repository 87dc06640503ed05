// The site log keeps the last 8,192 "another statement joined this record"
// entries per thread.  T1 writes nb (which starts the granule's record),
// then x from another statement (a log entry), then makes 20,000 more log
// entries in the same epoch, so x's is gone when T2's write races with it.
// The report still shows a stack of T1 (nb's statement, the record's
// first), and says it is approximate.  With -DRECENT the flood is skipped
// and the stack is x's own, with no such line.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g -DRECENT %test_include %s -o %t.recent && %expect-exit 66 %t.recent 2>&1 | FileCheck %s --check-prefix=RECENT
#include "weft_test.h"

_Alignas(8) struct word {
  unsigned char nb[4];
  int x;
} g;
_Alignas(8) unsigned char flood[2][20000 * 8];

__attribute__((noinline)) static void store_nb(void) { g.nb[0] = 1; }
__attribute__((noinline)) static void store_x(void) { g.x = 1; }
__attribute__((noinline)) static void first_byte(unsigned char *p) { p[0] = 1; }
__attribute__((noinline)) static void second_byte(unsigned char *p) { p[1] = 1; }

static void *first(void *arg) {
  store_nb();
  store_x();
#ifndef RECENT
  for (int i = 0; i < 20000; i++) {
    first_byte(&flood[0][i * 8]);
    second_byte(&flood[0][i * 8]);
  }
#endif
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  g.x = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  printf("%d %d\n", g.x, flood[0][1]);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at {{.*}} by thread T2:
// CHECK-NEXT: #0 second {{.*}}site_log_approximate.c:[[#]]
// CHECK: Previous write of size {{[0-9]+}} at {{.*}} by thread T1:
// CHECK-NEXT: #0 store_nb {{.*}}site_log_approximate.c:[[#]]
// CHECK-NEXT: #1 first
// CHECK-NEXT: (approximate: the first statement of this thread to touch these bytes in
// CHECK: weft: reported 1 warnings

// RECENT: WARNING: weft: data race
// RECENT: Previous write of size 4 at {{.*}} by thread T1:
// RECENT-NEXT: #0 store_x {{.*}}site_log_approximate.c:[[#]]
// RECENT-NEXT: #1 first
// RECENT-NOT: (approximate:
// RECENT: weft: reported 1 warnings
