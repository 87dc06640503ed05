// std::atomic message passing with memory_order_relaxed on both sides: the
// flag does not race, the payload does.
// Sibling: atomic_mp.cpp uses release/acquire.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <atomic>
#include <thread>

int payload;
std::atomic<int> flag{0};

static void producer() {
  payload = 42;
  flag.store(1, std::memory_order_relaxed);
}

static void consumer() {
  unsigned spins = 0;
  while (!flag.load(std::memory_order_relaxed))
    wtest_backoff(&spins);
  wtest_use(payload);
}

int main() {
  std::thread a(producer);
  std::thread b(consumer);
  a.join();
  b.join();
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 consumer() {{.*}}atomic_mp_relaxed.cpp:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 producer() {{.*}}atomic_mp_relaxed.cpp:[[#]]
// CHECK-DAG: Location is global 'payload' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}atomic_mp_relaxed.cpp:{{[0-9:]+}} in consumer()
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
