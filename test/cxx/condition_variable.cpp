// std::condition_variable::wait with a predicate: the waiter really blocks
// (the signaller can only take the mutex while it waits) and the mutex it
// reacquires on wake-up orders the payload.
// Sibling: condition_variable_race.cpp skips the wait and races.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex m;
static std::condition_variable cv;
static bool ready; // guarded by m
int payload;

static void waiter() {
  std::unique_lock<std::mutex> lk(m);
  wtest_step_set(1); // the signaller can only lock m once we wait
  cv.wait(lk, [] { return ready; });
  lk.unlock();
  wtest_use(payload);
}

static void signaller() {
  wtest_step_wait(1);
  payload = 42;
  {
    std::lock_guard<std::mutex> g(m);
    ready = true;
  }
  cv.notify_one();
  wtest_step_set(2);
}

int main() {
  std::thread a(waiter);
  std::thread b(signaller);
  a.join();
  b.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
