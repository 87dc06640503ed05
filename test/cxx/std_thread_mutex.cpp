// std::thread with std::mutex lock()/unlock() around both writes: ordered.
// Sibling: std_thread_race.cpp is the same program without the mutex.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <mutex>
#include <thread>

static std::mutex m;
int x;

static void first() {
  m.lock();
  x = 1;
  m.unlock();
  wtest_step_set(1);
}

static void second() {
  wtest_step_wait(1);
  m.lock();
  x = 2;
  m.unlock();
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
