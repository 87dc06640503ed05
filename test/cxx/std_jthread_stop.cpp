// std::jthread and std::stop_token: request_stop() is a release RMW on the
// stop state and stop_requested() an acquire load, so what main wrote
// before asking the thread to stop is ordered before what the thread reads
// once it sees the request.  The destructor's join ends main.
// Sibling: std_stop_token_race.cpp writes after the request.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <stop_token>
#include <thread>
int data;
int main() {
  std::jthread t([](std::stop_token st) {
    while (!st.stop_requested()) wtest_pause();
    wtest_use(data);
  });
  data = 5;
  t.request_stop();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
