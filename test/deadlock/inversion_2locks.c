// The lock-order inversion report, line by line: two threads take two
// mutexes in opposite orders, one after the other, so nothing deadlocks in
// this run but the next run may.  The cycle line, both edges with both
// stacks, the mutexes, the scenario, the threads, the summary; reported
// once, although the inner loop repeats both orders.
// Sibling: inversion_one_thread.c takes both orders in one thread.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck --strict-whitespace %s < %t.out
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

// CHECK:      {{^}}=================={{$}}
// CHECK-NEXT: {{^}}WARNING: weft: lock-order inversion (potential deadlock) (pid=[[#]]){{$}}
// CHECK-NEXT: {{^}}  Cycle in lock order graph: [[MA:M[0-9]+]] (0x[[#%x,A:]]) => [[MB:M[0-9]+]] (0x[[#%x,B:]]) => [[MA]]{{$}}
// CHECK-NEXT: {{^}}  Mutex [[MB]] acquired (write) here while holding mutex [[MA]] (write) in thread T1:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}inversion_2locks.c:[[#LINE_AB:@LINE+10]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// CHECK-NEXT: {{^}}  Mutex [[MA]] previously acquired (write) by the same thread here:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}inversion_2locks.c:[[#@LINE+7]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// CHECK-NEXT: {{^}}  Mutex [[MA]] acquired (write) here while holding mutex [[MB]] (write) in thread T2:{{$}}
// CHECK-NEXT: {{^}}    #0 second {{.*}}inversion_2locks.c:[[#@LINE+18]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// CHECK-NEXT: {{^}}  Mutex [[MB]] previously acquired (write) by the same thread here:{{$}}
// CHECK-NEXT: {{^}}    #0 second {{.*}}inversion_2locks.c:[[#@LINE+15]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
static void *first(void *arg) {
  for (int i = 0; i < 3; i++) {
    pthread_mutex_lock(&a);
    pthread_mutex_lock(&b);
    pthread_mutex_unlock(&b);
    pthread_mutex_unlock(&a);
  }
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  for (int i = 0; i < 3; i++) {
    pthread_mutex_lock(&b);
    pthread_mutex_lock(&a);
    pthread_mutex_unlock(&a);
    pthread_mutex_unlock(&b);
  }
  return NULL;
}

// CHECK-NEXT: {{^}}  Mutex [[MA]] (0x[[#A]]) created at:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}
// CHECK-NEXT: {{^}}  Mutex [[MB]] (0x[[#B]]) created at:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}
// CHECK-NEXT: {{^}}  Possible deadlock scenario:{{$}}
// CHECK-NEXT: {{^}}    thread T1                 thread T2{{$}}
// CHECK-NEXT: {{^}}    ----                      ----{{$}}
// CHECK-NEXT: {{^}}    lock [[MA]]{{$}}
// CHECK-NEXT: {{^}}                              lock [[MB]]{{$}}
// CHECK-NEXT: {{^}}    lock [[MB]] (waits){{$}}
// CHECK-NEXT: {{^}}                              lock [[MA]] (waits){{$}}
// CHECK-NEXT: {{^}}  Thread T1 (tid=[[#]], {{running|finished}}) created by main thread at:{{$}}
// CHECK-NEXT: {{^}}    #0 pthread_create {{.*}}
// CHECK-NEXT: {{^}}    #1 main {{.*}}inversion_2locks.c:[[#@LINE+9]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// CHECK-NEXT: {{^}}  Thread T2 (tid=[[#]], {{running|finished}}) created by main thread at:{{$}}
// CHECK-NEXT: {{^}}    #0 pthread_create {{.*}}
// CHECK-NEXT: {{^}}    #1 main {{.*}}inversion_2locks.c:[[#@LINE+7]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// CHECK-NEXT: {{^}}  Fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}SUMMARY: weft: lock-order inversion (potential deadlock) {{.*}}inversion_2locks.c:[[#LINE_AB]]:[[#]] in first{{$}}
// CHECK-NEXT: {{^}}=================={{$}}
int main(void) {
  pthread_t x, y;
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// CHECK-NOT:  WARNING: weft
// CHECK:      {{^}}weft: reported 1 warnings{{$}}
