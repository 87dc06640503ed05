// Initializing a barrier again while a thread waits at it: the waiter
// would be stranded in the old round.  Reported, and the call returns
// EBUSY and leaves the barrier alone, so the program's last party still
// frees the waiter.  A barrier re-initialized between rounds is silent
// (the first init below follows a complete round).
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_barrier_t b;
static int party_tid;

static void *party(void *arg) {
  __atomic_store_n(&party_tid, (int)syscall(SYS_gettid), __ATOMIC_RELAXED);
  wtest_step_set(1);
  pthread_barrier_wait(&b);
  return NULL;
}

/* True once the thread sleeps in the kernel: inside the barrier's wait,
 * the only place it can block.  Order the detector does not see. */
static int sleeping(int tid) {
  char path[64], buf[256];
  snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  return p && p[1] == ' ' && p[2] == 'S';
}

int main(void) {
  pthread_barrier_init(&b, NULL, 1);
  pthread_barrier_wait(&b); /* a round of one */
  pthread_barrier_init(&b, NULL, 2); /* between rounds: fine */
  pthread_t t;
  wtest_create(&t, party, NULL);
  wtest_step_wait(1);
  while (!sleeping(__atomic_load_n(&party_tid, __ATOMIC_RELAXED))) {}
  int r = pthread_barrier_init(&b, NULL, 2);
  pthread_barrier_wait(&b);
  wtest_join(t);
  printf("init: %s\n", r == EBUSY ? "EBUSY" : "?");
  return 0;
}

// CHECK: WARNING: weft: initialization of a barrier with waiters
// CHECK-NEXT: Initialization of barrier {{.*}} by main thread while 1 thread waits on it:
// CHECK-NEXT: #0 main {{.*}}barrier_init_waiters.c:44:
// CHECK-NOT: WARNING: weft
// CHECK: init: EBUSY
