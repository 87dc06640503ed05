// norace/signal_handler_edges.c with the data written after sigaction()
// and the signal sent by a raw tgkill, which weft does not see: nothing
// orders the write before the handler's read on the other thread.
// Sibling: norace/signal_handler_edges.c writes it before installing.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <signal.h>
#include <stdatomic.h>

int after_install;
atomic_int worker_tid, handled;

static void handler(int sig) {
  wtest_use(after_install);
  atomic_store_explicit(&handled, 1, memory_order_relaxed);
}

static void *worker(void *arg) {
  atomic_store_explicit(&worker_tid, (int)syscall(SYS_gettid), memory_order_relaxed);
  unsigned spins = 0;
  while (!atomic_load_explicit(&handled, memory_order_relaxed)) wtest_backoff(&spins);
  return NULL;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, worker, NULL);
  unsigned spins = 0;
  while (!atomic_load_explicit(&worker_tid, memory_order_relaxed)) wtest_backoff(&spins);
  struct sigaction act = {0};
  act.sa_handler = handler;
  WTEST_CHECK(sigaction(SIGUSR1, &act, NULL));
  after_install = 1;
  WTEST_CHECK((int)syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1));
  wtest_join(a);
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 handler {{.*}}signal_handler_edges.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by main thread:
// CHECK-NEXT: #0 main {{.*}}signal_handler_edges.c:[[#]]
// CHECK: Location is global 'after_install' of size 4
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
