// A function-local static built by the first caller and read by another
// thread: the C++ runtime's guard (__cxa_guard_acquire/release) orders
// the constructor's writes before every later caller's reads.  The second
// caller either waits inside the guard for the constructor or finds the
// static built; both are ordered.
// Sibling: static_local_race.cpp writes the built static from two threads.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <thread>

int seed = 40;

struct Table {
  int v[4];
  Table() {
    wtest_step_set(1); // the other thread may now call get() and wait
    for (int i = 0; i < 4; i++) v[i] = seed + i;
  }
};

static int __attribute__((noinline)) get(int i) {
  static Table t;
  return t.v[i];
}

int main() {
  std::thread a([] { wtest_use(get(0)); wtest_step_set(2); });
  std::thread b([] {
    wtest_step_wait(1);
    wtest_use(get(1));
    wtest_step_wait(2);
    wtest_use(get(2));
  });
  a.join();
  b.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
