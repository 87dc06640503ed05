// std::thread with std::lock_guard (RAII) around both writes: ordered.
// Sibling: std_thread_race.cpp is the same program without the lock.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <mutex>
#include <thread>

static std::mutex m;
int x;

static void first() {
  {
    std::lock_guard<std::mutex> g(m);
    x = 1;
  }
  wtest_step_set(1);
}

static void second() {
  wtest_step_wait(1);
  std::lock_guard<std::mutex> g(m);
  x = 2;
}

int main() {
  std::thread a(first);
  std::thread b(second);
  a.join();
  b.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
