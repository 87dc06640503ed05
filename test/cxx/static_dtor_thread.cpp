// A function-local static built by a detached thread that is gone when
// main returns: its destructor runs at exit, on main's thread, and is
// ordered after the construction, because registering the destructor
// (__cxa_atexit) is ordered before it runs, as ThreadSanitizer has it.
// Sibling: static_dtor_running.cpp, a thread that changes a global after
// nothing orders it with exit.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"
#include <string>

static std::string &name() {
  static std::string s = "a string long enough to live on the heap, built in a thread";
  return s;
}

static void *worker(void *) {
  wtest_use(name().size());
  wtest_step_set(1);
  return nullptr;
}

int main() {
  pthread_t t;
  wtest_create(&t, worker, nullptr);
  WTEST_CHECK(pthread_detach(t));
  wtest_step_wait(1);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
