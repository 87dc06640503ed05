// std::call_once: libstdc++ runs the callable through pthread_once, so
// the initializer's writes are ordered before every caller's return, also
// for the caller that finds the flag already done (thread b, which waits
// until a is inside init).
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <mutex>
#include <thread>
int table[4];
std::once_flag once;
static void init() { wtest_step_set(1); for (int i = 0; i < 4; i++) table[i] = i + 1; }
int main() {
  std::thread a([] { std::call_once(once, init); wtest_use(table[0]); });
  std::thread b([] { wtest_step_wait(1); std::call_once(once, init); wtest_use(table[1]); });
  a.join(); b.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
