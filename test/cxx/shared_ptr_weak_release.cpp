// std::shared_ptr with a weak_ptr in another thread.  The thread locks
// the weak_ptr, writes the object and drops both references; main then
// drops the last one.  libstdc++ 12 reads both counts with one 8-byte
// acquire load and, when both are 1, clears them with plain writes: that
// load must take what the 4-byte release RMWs on either count released.
// libstdc++ takes this path only outside -fsanitize=thread, so
// ThreadSanitizer never meets it.
// Sibling: race/atomic_last_reference.c is the race on a counter read
// with no acquire.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <memory>
#include <thread>

struct Obj {
  int v = 0;
};

int main() {
  auto p = std::make_shared<Obj>();
  std::weak_ptr<Obj> w = p;
  std::thread a([w = std::move(w)]() mutable {
    if (auto q = w.lock()) q->v = 1;
    w.reset();
    wtest_step_set(1);
  });
  wtest_step_wait(1);
  p.reset();
  a.join();
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
