// std::atomic message passing: store(release) after the payload, spin on
// load(acquire), read the payload: ordered.
// Sibling: atomic_mp_relaxed.cpp uses memory_order_relaxed and races.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <atomic>
#include <thread>

int payload;
std::atomic<int> flag{0};

static void producer() {
  payload = 42;
  flag.store(1, std::memory_order_release);
}

static void consumer() {
  unsigned spins = 0;
  while (!flag.load(std::memory_order_acquire))
    wtest_backoff(&spins);
  wtest_use(payload);
}

int main() {
  std::thread a(producer);
  std::thread b(consumer);
  a.join();
  b.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
