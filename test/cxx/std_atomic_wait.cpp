// std::atomic<int>::wait/notify_one: the writer publishes data with a
// release store and wakes the waiter; the waiter's acquire load in wait()
// takes the edge.  libstdc++ builds wait() from atomics and a futex inside
// its headers, so nothing but the atomics can order the threads.
// Sibling: std_atomic_wait_relaxed.cpp stores the flag relaxed.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <atomic>
#include <thread>
int data;
std::atomic<int> flag{0};
int main() {
  std::thread c([] {
    wtest_step_set(1);
    flag.wait(0, std::memory_order_acquire);
    wtest_use(data);
  });
  wtest_step_wait(1);
  data = 42;
  flag.store(1, std::memory_order_release);
  flag.notify_one();
  c.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
