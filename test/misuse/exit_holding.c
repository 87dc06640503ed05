// A thread that ends (by returning, or by pthread_exit) while it holds
// locks: reported with every lock and where it was acquired.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t b = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t c = PTHREAD_MUTEX_INITIALIZER;

static void *returns(void *arg) {
  pthread_mutex_lock(&a);
  pthread_rwlock_rdlock(&b);
  return NULL;
}

static void *exits(void *arg) {
  pthread_mutex_lock(&c);
  pthread_exit(NULL);
}

int main(void) {
  pthread_t t, u;
  wtest_create(&t, returns, NULL);
  wtest_join(t);
  wtest_create(&u, exits, NULL);
  wtest_join(u);
  return 0;
}

// CHECK: WARNING: weft: thread exit while holding locks
// CHECK-NEXT: Thread T1 exits while holding 2 locks:
// CHECK-NEXT: #0 returns {{.*}}exit_holding.c:10
// CHECK-NEXT: Mutex [[MA:M[0-9]+]] acquired (write) here:
// CHECK-NEXT: #0 returns {{.*}}exit_holding.c:11:
// CHECK-NEXT: Mutex [[MB:M[0-9]+]] acquired (read) here:
// CHECK-NEXT: #0 returns {{.*}}exit_holding.c:12:
// CHECK: SUMMARY: weft: thread exit while holding locks {{.*}}exit_holding.c:10{{.*}} in returns
// CHECK: WARNING: weft: thread exit while holding locks
// CHECK-NEXT: Thread T2 exits while holding 1 lock:
// CHECK-NEXT: #0 exits {{.*}}exit_holding.c:18:
// CHECK-NEXT: Mutex {{M[0-9]+}} acquired (write) here:
// CHECK-NEXT: #0 exits {{.*}}exit_holding.c:17:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
