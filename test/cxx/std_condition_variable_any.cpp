// std::condition_variable_any over a std::mutex: it keeps its own internal
// mutex (in a shared_ptr) and a condition_variable, and relocks the user's
// lock around the wait.  The predicate and data written before the notify
// are ordered before the waiter's reads.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <condition_variable>
#include <mutex>
#include <thread>
int data; bool ready;
std::mutex m; std::condition_variable_any cv;
int main() {
  std::thread c([] {
    std::unique_lock<std::mutex> l(m);
    wtest_step_set(1);
    cv.wait(l, [] { return ready; });
    l.unlock();
    wtest_use(data);
  });
  wtest_step_wait(1);
  data = 7;
  { std::lock_guard<std::mutex> g(m); ready = true; }
  cv.notify_one();
  c.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
