// A handler that runs on another thread reads data its installer set up
// before sigaction() (sent by a raw tgkill, which weft does not see), and
// data the sender set up before pthread_kill(): installing a handler and
// sending a signal are both ordered before the handler's run.
// Sibling: race/signal_handler_edges.c writes after installing and sends
// the signal unseen.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <signal.h>
#include <stdatomic.h>

int before_install, before_send;
atomic_int worker_tid, handled;

static void on_usr1(int sig) {
  wtest_use(before_install);
  atomic_fetch_add_explicit(&handled, 1, memory_order_relaxed);
}

static void on_usr2(int sig) {
  wtest_use(before_send);
  atomic_fetch_add_explicit(&handled, 1, memory_order_relaxed);
}

static void *worker(void *arg) {
  atomic_store_explicit(&worker_tid, (int)syscall(SYS_gettid), memory_order_relaxed);
  unsigned spins = 0;
  while (atomic_load_explicit(&handled, memory_order_relaxed) < 2) wtest_backoff(&spins);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, worker, NULL);
  unsigned spins = 0;
  while (!atomic_load_explicit(&worker_tid, memory_order_relaxed)) wtest_backoff(&spins);
  struct sigaction act = {0};
  before_install = 1;
  act.sa_handler = on_usr1;
  WTEST_CHECK(sigaction(SIGUSR1, &act, NULL));
  act.sa_handler = on_usr2;
  WTEST_CHECK(sigaction(SIGUSR2, &act, NULL));
  WTEST_CHECK((int)syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1));
  while (atomic_load_explicit(&handled, memory_order_relaxed) < 1) wtest_backoff(&spins);
  before_send = 2;
  WTEST_CHECK(pthread_kill(a, SIGUSR2));
  wtest_join(a);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
