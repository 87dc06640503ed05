// A cycle of three locks over three threads (A then B, B then C, C then
// A), taken one thread after the other: reported once, as the shortest
// cycle through the edge that closed it, with its three edges in order.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static pthread_mutex_t m[3] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
                               PTHREAD_MUTEX_INITIALIZER};

static void *worker(void *arg) {
  int i = (int)(long)arg;
  wtest_step_wait(i);
  pthread_mutex_lock(&m[i]);
  pthread_mutex_lock(&m[(i + 1) % 3]);
  pthread_mutex_unlock(&m[(i + 1) % 3]);
  pthread_mutex_unlock(&m[i]);
  wtest_step_set(i + 1);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (long i = 0; i < 3; i++) wtest_create(&t[i], worker, (void *)i);
  for (int i = 0; i < 3; i++) wtest_join(t[i]);
  return 0;
}

// CHECK: WARNING: weft: lock-order inversion (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: [[M0:M[0-9]+]] (0x{{.*}}) => [[M1:M[0-9]+]] (0x{{.*}}) => [[M2:M[0-9]+]] (0x{{.*}}) => [[M0]]{{$}}
// CHECK-NEXT: Mutex [[M1]] acquired (write) here while holding mutex [[M0]] (write) in thread T1:
// CHECK: Mutex [[M2]] acquired (write) here while holding mutex [[M1]] (write) in thread T2:
// CHECK: Mutex [[M0]] acquired (write) here while holding mutex [[M2]] (write) in thread T3:
// CHECK: Possible deadlock scenario:
// CHECK-NEXT: thread T1 thread T2 thread T3
// CHECK: SUMMARY: weft: lock-order inversion (potential deadlock)
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
