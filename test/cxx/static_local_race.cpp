// The static of static_local_init.cpp, built under its guard, then
// written by two threads with no lock: the guard orders the construction,
// not what follows it.
// Sibling: static_local_init.cpp only reads it.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <thread>

int seed = 40;

struct Counter {
  int hits;
  Counter() : hits(seed) {}
};

static Counter &__attribute__((noinline)) counter() {
  static Counter c;
  return c;
}

int main() {
  std::thread a([] { counter().hits++; wtest_step_set(1); });
  std::thread b([] { wtest_step_wait(1); counter().hits++; });
  a.join();
  b.join();
  return 0;
}

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: {{Read|Write}} of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK: Location is global 'counter()::c{{( \(.0\))?}}' of size 4 at [[ADDR]]
// CHECK: SUMMARY: weft: data race {{.*}}static_local_race.cpp:{{[0-9:]+}}
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
