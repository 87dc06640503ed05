// The waiter of condition_variable.cpp does not wait: it reads the payload
// after an invisible step, and nothing orders that read after the write.
// Siblings: condition_variable.cpp, condition_variable_wait_for.cpp wait.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
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
  wtest_step_set(1); // lets the signaller start
  lk.unlock();
  wtest_step_wait(2);
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

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 waiter() {{.*}}condition_variable_race.cpp:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T2:
// CHECK-NEXT: #0 signaller() {{.*}}condition_variable_race.cpp:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}condition_variable_race.cpp:{{[0-9:]+}} in waiter()
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
