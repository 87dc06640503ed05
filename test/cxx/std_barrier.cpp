// std::barrier with a completion function: the function runs once per
// phase, after every thread arrived and before any leaves, and reads what
// each thread wrote in that phase; both threads then read its result.
// libstdc++ builds the barrier from atomics in the header (a tree of
// arrival counters) and waits with atomic wait.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <barrier>
#include <thread>
int slot[2], sum;
int main() {
  std::barrier b(2, []() noexcept { sum = slot[0] + slot[1]; });
  auto work = [&b](int i) {
    for (int r = 0; r < 3; r++) {
      slot[i] = r + i;
      b.arrive_and_wait();
      wtest_use(sum);
      b.arrive_and_wait();
    }
  };
  std::thread a(work, 0), c(work, 1);
  a.join(); c.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
