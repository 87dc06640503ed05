// Signals delivered while the interrupted thread is inside the runtime
// (holding a shadow cell's lock on the slow path) must not deadlock: the
// handler touches the same cell.  A worker writes single bytes of one
// 8-byte word, a new epoch each time (a lock hand-over per iteration), so
// the word's bytes have different histories and every write takes the
// cell's lock; main keeps one signal in flight at a time, through both
// sigaction and signal().  The handler runs on the worker itself, so
// nothing here races.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <signal.h>
#include <stdatomic.h>

#define ITERS 300000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static unsigned char word[8];
static atomic_int handled;
static atomic_int done;

static void on_usr1(int sig, siginfo_t *info, void *uc) {
  (void)sig, (void)info, (void)uc;
  for (int i = 0; i < 8; i++) word[i]++;
  atomic_fetch_add_explicit(&handled, 1, memory_order_relaxed);
}

static void on_usr2(int sig) {
  (void)sig;
  for (int i = 0; i < 8; i++) word[i]--;
  atomic_fetch_add_explicit(&handled, 1, memory_order_relaxed);
}

static void *worker(void *arg) {
  (void)arg;
  for (long i = 0; i < ITERS; i++) {
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    word[i % 8] += 2;
  }
  atomic_store_explicit(&done, 1, memory_order_relaxed);
  return NULL;
}

int main(void) {
  struct sigaction sa = {0};
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  WTEST_CHECK(sigaction(SIGUSR1, &sa, NULL));
  WTEST_EXPECT(signal(SIGUSR2, on_usr2) != SIG_ERR);
  // The program sees its own handler, not weft's wrapper.
  struct sigaction old;
  WTEST_CHECK(sigaction(SIGUSR1, NULL, &old));
  WTEST_EXPECT((old.sa_flags & SA_SIGINFO) && old.sa_sigaction == on_usr1);
  WTEST_EXPECT(signal(SIGUSR2, on_usr2) == on_usr2);

  pthread_t t;
  WTEST_CHECK(pthread_create(&t, NULL, worker, NULL));
  long sent = 0;
  while (!atomic_load_explicit(&done, memory_order_relaxed)) {
    pthread_kill(t, sent % 2 ? SIGUSR2 : SIGUSR1);
    sent++;
    while (atomic_load_explicit(&handled, memory_order_relaxed) < sent &&
           !atomic_load_explicit(&done, memory_order_relaxed))
      sched_yield();
  }
  WTEST_CHECK(pthread_join(t, NULL));
  printf("signals sent: %s\n", sent > 0 ? "some" : "none");
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: signals sent: some
// CHECK-NOT: WARNING: weft
