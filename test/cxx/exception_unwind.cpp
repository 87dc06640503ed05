// An exception thrown three instrumented frames deep (through a function
// with no handler or cleanup of its own) and caught; afterwards the same
// thread races.  The race's stack must be exactly the live call chain:
// unwinding has to pop the shadow call stack, or the frames the exception
// left would still show (and the stack would grow with every throw).
// Sibling: exception_unwind_mutex.cpp is the same program with a mutex.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <thread>

struct boom {};
int x;

__attribute__((noinline)) static void thrower(int depth) {
  if (depth == 0)
    throw boom();
  thrower(depth - 1);
  wtest_use(depth); // not a tail call
}

__attribute__((noinline)) static void no_handler() { thrower(3); }

__attribute__((noinline)) static void store_x(int v) { x = v; }

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
  x = 1;
  wtest_step_set(1);
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
// CHECK-NEXT: #0 store_x(int) {{.*}}exception_unwind.cpp:[[#]]
// CHECK-NEXT: #1 after_catch() {{.*}}exception_unwind.cpp:[[#]]
// CHECK-NEXT: #2 second() {{.*}}exception_unwind.cpp:[[#]]
// CHECK-NOT: thrower
// CHECK-NOT: no_handler
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first() {{.*}}exception_unwind.cpp:[[#]]
// CHECK-DAG: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-DAG: Thread T2 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: weft: data race {{.*}}exception_unwind.cpp:{{[0-9:]+}} in store_x(int)
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
