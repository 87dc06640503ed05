// Both orders taken by one thread only (and another thread that takes
// the locks one at a time): this run cannot deadlock, since a thread
// waits for one lock at a time, but the order is the bug: two threads
// running both_orders at once deadlock.  Reported, and the report says
// the orders were one thread's.  deadlock_concurrent_only=1 keeps it
// silent.
// Sibling: inversion_2locks.c, the orders in two threads.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck --strict-whitespace %s < %t.out
// RUN: env WEFT_OPTIONS=deadlock_concurrent_only=1 %expect-exit 0 %t 2>&1 | count 0
// RUN: env WEFT_OPTIONS=report_format=json %expect-exit 66 %t 2>&1 | FileCheck --check-prefix=JSON %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

// CHECK:      {{^}}WARNING: weft: lock-order inversion (potential deadlock) (pid=[[#]]){{$}}
// CHECK-NEXT: {{^}}  Cycle in lock order graph: [[MA:M[0-9]+]] (0x{{[0-9a-f]+}}) => [[MB:M[0-9]+]] (0x{{[0-9a-f]+}}) => [[MA]]{{$}}
// CHECK-NEXT: {{^}}  Both orders were taken by thread T1 only; two threads running these paths at once deadlock.{{$}}
// CHECK-NEXT: {{^}}  Mutex [[MB]] acquired (write) here while holding mutex [[MA]] (write) in thread T1:{{$}}
// CHECK-NEXT: {{^}}    #0 both_orders {{.*}}inversion_one_thread.c:[[#@LINE+9]]:[[#]] ({{.*}}){{$}}
// CHECK:      {{^}}  Mutex [[MA]] acquired (write) here while holding mutex [[MB]] (write) in thread T1:{{$}}
// CHECK-NEXT: {{^}}    #0 both_orders {{.*}}inversion_one_thread.c:[[#@LINE+11]]:[[#]] ({{.*}}){{$}}
// CHECK:      {{^}}  Possible deadlock scenario:{{$}}
// CHECK-NEXT: {{^}}    thread T1, path 1         thread T1, path 2{{$}}
// CHECK-NOT:  WARNING: weft
// CHECK:      {{^}}weft: reported 1 warnings{{$}}
static void *both_orders(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

static void *one_at_a_time(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, both_orders, NULL);
  wtest_create(&y, one_at_a_time, NULL);
  wtest_join(x);
  wtest_join(y);
  // The main thread takes both orders again after the join: the same
  // cycle, not a second report.
  both_orders(NULL);
  return 0;
}
// JSON: "kind":"lock-order inversion (potential deadlock)",{{.*}}"orders_taken":"one_thread"
