// A global std::string that a thread appends to and then parks for good,
// holding nothing that main's exit orders with: the destructor run by
// exit frees the buffer the thread's append allocated, unordered with it.
// ThreadSanitizer reports this one too; it is how an unjoined worker
// meets static destruction.
// Sibling: static_dtor_thread.cpp, where the registration orders it.
// RUN: %weft-cxx -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string>

std::string g = "initial value that is long enough to be on the heap";
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static void *worker(void *) {
  WTEST_CHECK(pthread_mutex_lock(&m));
  g += " and more, to move it to a new buffer";
  wtest_step_set(1);
  for (;;) pthread_cond_wait(&cv, &m); // parked: never signalled
  return nullptr;
}

int main() {
  pthread_t t;
  wtest_create(&t, worker, nullptr);
  wtest_step_wait(1);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size {{[0-9]+}} at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 free
// CHECK: Previous write of size {{[0-9]+}} at {{0x[0-9a-f]+}} by thread T1 (mutexes: write M{{[0-9]+}}):
// CHECK: Thread T1 (tid={{[0-9]+}}, running) created by main thread at:
// CHECK: weft: reported {{[1-9][0-9]*}} warnings
