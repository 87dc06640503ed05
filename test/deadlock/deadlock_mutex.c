// A real deadlock: two threads each hold one mutex and wait for the
// other's.  weft reports it about a second after they block, with every
// thread, the lock it waits for, its holder and all the stacks, and ends
// the program with the error status instead of hanging.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  pthread_mutex_lock(&a);
  wtest_step_set(1);
  wtest_step_wait(2);
  pthread_mutex_lock(&b); // never returns
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b);
  wtest_step_set(2);
  pthread_mutex_lock(&a); // never returns
  return NULL;
}

int main(void) {
  pthread_t x, y;
  printf("flushed at exit\n");
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// CHECK: {{^}}==================
// CHECK-NEXT: {{^}}WARNING: weft: deadlock (pid={{[0-9]+}})
// CHECK-NEXT: {{^}}  Thread T1 waits for mutex [[MB:M[0-9]+]] (write), held by thread T2:
// CHECK-NEXT: {{^}}    #0 first {{.*}}deadlock_mutex.c:16:3
// CHECK-NEXT: {{^}}  Mutex [[MB]] acquired by thread T2 here:
// CHECK-NEXT: {{^}}    #0 second {{.*}}deadlock_mutex.c:22:3
// CHECK-NEXT: {{^}}  Thread T2 waits for mutex [[MA:M[0-9]+]] (write), held by thread T1:
// CHECK-NEXT: {{^}}    #0 second {{.*}}deadlock_mutex.c:24:3
// CHECK-NEXT: {{^}}  Mutex [[MA]] acquired by thread T1 here:
// CHECK-NEXT: {{^}}    #0 first {{.*}}deadlock_mutex.c:13:3
// CHECK-DAG: {{^}}  Mutex [[MA]] (0x{{[0-9a-f]+}}) created at:
// CHECK-DAG: {{^}}  Mutex [[MB]] (0x{{[0-9a-f]+}}) created at:
// CHECK-DAG: {{^}}  Thread T1 (tid={{[0-9]+}}, running) created by main thread at:
// CHECK-DAG: {{^}}  Thread T2 (tid={{[0-9]+}}, running) created by main thread at:
// CHECK: {{^}}SUMMARY: weft: deadlock {{.*}}deadlock_mutex.c:16:3 in first
// CHECK-NEXT: {{^}}==================
// CHECK-NOT: WARNING: weft
// CHECK: flushed at exit
// CHECK: {{^}}weft: reported 1 warnings
