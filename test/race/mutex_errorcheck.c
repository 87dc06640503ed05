// An error-checking pthread mutex.  The first writer also makes a failing
// relock (EDEADLK), which must not count as a second acquisition.  The
// second writer takes no lock: a race.
// Sibling: norace/mutex_errorcheck.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t m;
int x;

static void *first(void *arg) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  WTEST_EXPECT(pthread_mutex_lock(&m) == EDEADLK);
  x = 1;
  WTEST_CHECK(pthread_mutex_unlock(&m));
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  x = 2;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  WTEST_CHECK(pthread_mutex_init(&m, &attr));
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}mutex_errorcheck.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write [[M:M[0-9]+]]):
// CHECK-NEXT: #0 first {{.*}}mutex_errorcheck.c:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Mutex [[M]] (0x{{[0-9a-f]+}}) created at:
// CHECK: SUMMARY: weft: data race {{.*}}mutex_errorcheck.c:{{[0-9:]+}} in second
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
