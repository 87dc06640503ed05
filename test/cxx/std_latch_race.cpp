// std_latch.cpp with thread b writing its slot after counting down: main's
// wait() orders what came before each count_down, not what follows it.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <latch>
#include <thread>
int slot[2];
int main() {
  std::latch done(2);
  std::thread a([&done] { slot[0] = 1; done.count_down(); });
  std::thread b([&done] { done.count_down(); slot[1] = 2; wtest_step_set(1); });
  done.wait();
  wtest_step_wait(1);
  wtest_use(slot[0] + slot[1]);
  a.join(); b.join();
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK: Location is global 'slot' of size 8 at {{0x[0-9a-f]+}}
// CHECK: SUMMARY: weft: data race {{.*}}std_latch_race.cpp:{{[0-9:]+}} in main
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
