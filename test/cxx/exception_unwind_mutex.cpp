// The program of exception_unwind.cpp with both writes under one mutex:
// exceptions thrown and caught through instrumented frames, then ordered
// writes.  No report (and no crash from unwinding through instrumentation).
// Sibling: exception_unwind.cpp is the same program without the mutex.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <mutex>
#include <thread>

struct boom {};
static std::mutex m;
int x;

__attribute__((noinline)) static void thrower(int depth) {
  if (depth == 0)
    throw boom();
  thrower(depth - 1);
  wtest_use(depth); // not a tail call
}

__attribute__((noinline)) static void no_handler() { thrower(3); }

__attribute__((noinline)) static void store_x(int v) {
  std::lock_guard<std::mutex> g(m);
  x = v;
}

__attribute__((noinline)) static void after_catch() { store_x(2); }

static void second() {
  wtest_step_wait(1);
  for (int i = 0; i < 100; i++) {
    try {
      no_handler();
    } catch (const boom &) {
    }
  }
  after_catch();
}

static void first() {
  store_x(1);
  wtest_step_set(1);
}

int main() {
  std::thread a(first);
  std::thread b(second);
  a.join();
  b.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
