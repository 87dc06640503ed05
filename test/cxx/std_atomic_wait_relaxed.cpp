// std_atomic_wait.cpp with the flag stored relaxed: wait() wakes up and
// its acquire load sees the flag, but a relaxed store releases nothing, so
// the write of data and the waiter's read race (as the C++ memory model
// says; notify_one orders nothing by itself).
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <atomic>
#include <thread>
int data;
std::atomic<int> flag{0};
int main() {
  std::thread c([] {
    flag.wait(0, std::memory_order_acquire);
    wtest_use(data);
  });
  data = 42;
  flag.store(1, std::memory_order_relaxed);
  flag.notify_one();
  c.join();
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK: Previous write of size 4 at [[ADDR]] by main thread:
// CHECK: Location is global 'data' of size 4 at [[ADDR]]
// CHECK: SUMMARY: weft: data race {{.*}}std_atomic_wait_relaxed.cpp:{{[0-9:]+}}
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
