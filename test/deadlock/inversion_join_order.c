// The two orders separated by thread start and join: the first thread
// is joined before the second is created, so this run cannot deadlock,
// but the two paths run concurrently in another program (or a later
// version of this one) deadlock.  Reported once, saying creation and
// join kept the threads apart; deadlock_concurrent_only=1 keeps it
// silent (only creation and join count as keeping apart: the locks
// themselves order the threads in this run only).
// Sibling: inversion_2locks.c, the same threads alive together.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck --strict-whitespace %s < %t.out
// RUN: env WEFT_OPTIONS=deadlock_concurrent_only=1 %expect-exit 0 %t 2>&1 | count 0
// RUN: env WEFT_OPTIONS=report_format=json %expect-exit 66 %t 2>&1 | FileCheck --check-prefix=JSON %s
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *a_then_b(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return NULL;
}

static void *b_then_a(void *arg) {
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, a_then_b, NULL);
  wtest_join(x);
  wtest_create(&y, b_then_a, NULL);
  wtest_join(y);
  // Phases of workers, each joined before the next starts.
  for (int round = 0; round < 3; round++) {
    pthread_t w[4];
    for (int i = 0; i < 4; i++) wtest_create(&w[i], round % 2 ? a_then_b : b_then_a, NULL);
    for (int i = 0; i < 4; i++) wtest_join(w[i]);
  }
  // And the main thread itself, after both.
  a_then_b(NULL);
  b_then_a(NULL);
  return 0;
}

// CHECK:      {{^}}WARNING: weft: lock-order inversion (potential deadlock) (pid=[[#]]){{$}}
// CHECK-NEXT: {{^}}  Cycle in lock order graph: [[MA:M[0-9]+]] (0x{{[0-9a-f]+}}) => [[MB:M[0-9]+]] (0x{{[0-9a-f]+}}) => [[MA]]{{$}}
// CHECK-NEXT: {{^}}  The threads that took these orders never ran at the same time in this run (thread{{$}}
// CHECK-NEXT: {{^}}  creation and join kept them apart); threads running these paths at once deadlock.{{$}}
// CHECK-NEXT: {{^}}  Mutex [[MB]] acquired (write) here while holding mutex [[MA]] (write) in thread T1:{{$}}
// CHECK:      {{^}}  Mutex [[MA]] acquired (write) here while holding mutex [[MB]] (write) in thread T2:{{$}}
// CHECK:      {{^}}    thread T1                 thread T2{{$}}
// CHECK-NOT:  WARNING: weft
// CHECK:      {{^}}weft: reported 1 warnings{{$}}
// JSON: "kind":"lock-order inversion (potential deadlock)",{{.*}}"orders_taken":"fork_join"
