// std::latch: each thread writes its slot and counts down (a release
// RMW); main's wait() returns after an acquire load that sees zero, so
// every slot is ordered before main's read.
// Sibling: std_latch_race.cpp writes one slot after counting down.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <latch>
#include <thread>
int slot[3];
int main() {
  std::latch done(3);
  std::thread t[3];
  for (int i = 0; i < 3; i++) t[i] = std::thread([&done, i] { slot[i] = i + 1; done.count_down(); });
  done.wait();
  wtest_use(slot[0] + slot[1] + slot[2]);
  for (auto &x : t) x.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
