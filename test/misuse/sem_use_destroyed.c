// Calls on a destroyed semaphore.  glibc's sem_destroy does nothing, so
// they would go on working until the memory is reused; each is reported
// with where the semaphore was destroyed, and fails with EINVAL.  A
// sem_init makes it a semaphore again (silent from then on).
// Sibling: ok_destroy_after_wait.c destroys semaphores correctly.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
#include "weft_test.h"
#include <errno.h>
#include <semaphore.h>

static sem_t s;

static void *poster(void *arg) {
  int r = sem_post(&s);
  printf("post: %s\n", r == -1 && errno == EINVAL ? "EINVAL" : "?");
  return NULL;
}

int main(void) {
  WTEST_CHECK(sem_init(&s, 0, 1));
  WTEST_CHECK(sem_wait(&s));
  WTEST_CHECK(sem_destroy(&s));
  pthread_t t;
  wtest_create(&t, poster, NULL);
  wtest_join(t);
  int r = sem_trywait(&s);
  printf("trywait: %s\n", r == -1 && errno == EINVAL ? "EINVAL" : "?");
  r = sem_destroy(&s);
  printf("destroy: %s\n", r == -1 && errno == EINVAL ? "EINVAL" : "?");
  // A new semaphore at the same address: nothing more to say.
  WTEST_CHECK(sem_init(&s, 0, 0));
  WTEST_CHECK(sem_post(&s));
  WTEST_CHECK(sem_wait(&s));
  WTEST_CHECK(sem_destroy(&s));
  fflush(stdout);
  return 0;
}

// CHECK:      WARNING: weft: use of a destroyed semaphore
// CHECK-NEXT: {{^}}  Use of semaphore at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 poster {{.*}}sem_use_destroyed.c:[[#@LINE-27]]:
// CHECK:      {{^}}  It was destroyed by main thread here:
// CHECK-NEXT: #0 main {{.*}}sem_use_destroyed.c:[[#@LINE-21]]:
// CHECK:      WARNING: weft: use of a destroyed semaphore
// CHECK-NEXT: {{^}}  Use of semaphore at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}sem_use_destroyed.c:[[#@LINE-20]]:
// CHECK:      WARNING: weft: use of a destroyed semaphore
// CHECK-NEXT: {{^}}  Use of semaphore at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 main {{.*}}sem_use_destroyed.c:[[#@LINE-21]]:
// CHECK-NOT:  WARNING: weft
// CHECK:      post: EINVAL
// CHECK-NEXT: trywait: EINVAL
// CHECK-NEXT: destroy: EINVAL
// CHECK-NOT:  WARNING: weft
