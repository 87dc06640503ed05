// std::thread: two threads write a global with no lock: a race, reported
// with the (demangled) C++ function names.
// Siblings: std_thread_mutex.cpp and std_thread_lock_guard.cpp lock it.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <thread>

int x;

static void first() {
  x = 1;
  wtest_step_set(1);
}

static void second() {
  wtest_step_wait(1);
  x = 2;
}

int main() {
  std::thread a(first);
  std::thread b(second);
  a.join();
  b.join();
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second() {{.*}}std_thread_race.cpp:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first() {{.*}}std_thread_race.cpp:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}std_thread_race.cpp:{{[0-9:]+}} in second()
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
