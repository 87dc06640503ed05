// Freeing the memory of a locked mutex or rwlock destroys it while it is
// held, as pthread_*_destroy would (which glibc would refuse): reported
// at the free, with the holder.  ThreadSanitizer says nothing here.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

struct guarded {
  int v;
  pthread_mutex_t m;
};

struct table {
  pthread_rwlock_t rw;
  int rows[4];
};

int main(void) {
  struct guarded *g = malloc(sizeof *g);
  WTEST_CHECK(pthread_mutex_init(&g->m, NULL));
  WTEST_CHECK(pthread_mutex_lock(&g->m));
  g->v = 1;
  free(g);
  struct table *t = malloc(sizeof *t);
  WTEST_CHECK(pthread_rwlock_init(&t->rw, NULL));
  WTEST_CHECK(pthread_rwlock_rdlock(&t->rw));
  wtest_use(t->rows[0] = 2);
  free(t);
  return 0;
}

// CHECK: WARNING: weft: destroy of a locked mutex
// CHECK-NEXT: Destroy of mutex [[M:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}free_locked.c:22:
// CHECK-NEXT: It is held by main thread.
// CHECK: WARNING: weft: destroy of a locked rwlock
// CHECK-NEXT: Destroy of rwlock [[R:M[0-9]+]] (0x{{[0-9a-f]+}}) by main thread:
// CHECK-NEXT: #0 main {{.*}}free_locked.c:27:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
