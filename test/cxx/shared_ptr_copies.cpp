// std::shared_ptr copied from a global under a mutex by four threads, each
// writing its part of the object and dropping its copies, while main drops
// the global one: whichever thread drops the last reference runs the
// destructor, which reads every part.  The count's acq_rel decrements
// order every thread's writes before the destructor.
// Sibling: shared_ptr_weak_release.cpp, the 8-byte load of both counts.
// RUN: %weft-cxx -std=c++20 -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
struct Obj { int v[4] = {0}; ~Obj() { wtest_use(v[0] + v[1] + v[2] + v[3]); } };
std::shared_ptr<Obj> g;
std::mutex m;
int main() {
  g = std::make_shared<Obj>();
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; i++)
    ts.emplace_back([i] {
      std::shared_ptr<Obj> mine;
      { std::lock_guard<std::mutex> l(m); mine = g; }
      wtest_step_wait(i);
      wtest_step_set(i + 1);
      mine->v[i] = i;
      std::shared_ptr<Obj> copy = mine;
      copy.reset();
      mine.reset();
    });
  wtest_step_wait(4);
  { std::lock_guard<std::mutex> l(m); g.reset(); }
  for (auto &t : ts) t.join();
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
