// std::stop_callback: request_stop() runs the callbacks registered on the
// token, here on main's thread while the jthread spins, under libstdc++'s
// stop-state lock (a spin on atomics in the header).  The callback runs on
// main after main's write, and the thread's later reads of what the
// callback wrote are ordered through join.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stop_token>
#include <thread>
int data, seen;
int main() {
  std::stop_source src;
  std::jthread t([tok = src.get_token()] {
    std::stop_callback cb(tok, [] { seen = data; });
    wtest_step_set(1);
    while (!tok.stop_requested()) wtest_pause();
  });
  wtest_step_wait(1);
  data = 9;
  src.request_stop();
  t.join();
  wtest_use(seen);
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
