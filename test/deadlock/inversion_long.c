// A cycle of eight locks over eight threads: found however long (up to
// 16 locks), written in the list form of the scenario.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

#define N 8
static pthread_mutex_t m[N];

static void *worker(void *arg) {
  int i = (int)(long)arg;
  wtest_step_wait(i);
  pthread_mutex_lock(&m[i]);
  pthread_mutex_lock(&m[(i + 1) % N]);
  pthread_mutex_unlock(&m[(i + 1) % N]);
  pthread_mutex_unlock(&m[i]);
  wtest_step_set(i + 1);
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) WTEST_CHECK(pthread_mutex_init(&m[i], NULL));
  for (long i = 0; i < N; i++) wtest_create(&t[i], worker, (void *)i);
  for (int i = 0; i < N; i++) wtest_join(t[i]);
  return 0;
}

// CHECK: WARNING: weft: lock-order inversion (potential deadlock)
// CHECK-NEXT: Cycle in lock order graph: [[M0:M[0-9]+]] (0x{{.*}}) => {{(M[0-9]+ \(0x[0-9a-f]+\) => )+}}[[M0]]{{$}}
// CHECK-COUNT-8: acquired (write) here while holding mutex
// CHECK: Possible deadlock scenario:
// CHECK-NEXT: thread T1 holds [[M0]] (write) and waits for M{{[0-9]+}} (write)
// CHECK-COUNT-7: holds M{{[0-9]+}} (write) and waits for
// CHECK: SUMMARY: weft: lock-order inversion (potential deadlock)
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
