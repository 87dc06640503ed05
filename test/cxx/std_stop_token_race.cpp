// std_jthread_stop.cpp with main writing after request_stop(): the thread
// sees the request, but the write that follows it is not ordered before
// the thread's read.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <stop_token>
#include <thread>
int data;
int main() {
  std::jthread t([](std::stop_token st) {
    while (!st.stop_requested()) wtest_pause();
    wtest_step_wait(1);
    wtest_use(data);
  });
  t.request_stop();
  data = 5;
  wtest_step_set(1);
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK: Previous write of size 4 at [[ADDR]] by main thread:
// CHECK: Location is global 'data' of size 4 at [[ADDR]]
// CHECK: SUMMARY: weft: data race {{.*}}std_stop_token_race.cpp:{{[0-9:]+}}
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
