// C++ with OpenMP: containers filled in a parallel for, a reduction over
// them, tasks that capture by reference and a taskwait, std::mutex under
// an OpenMP region.  Nothing races.
// RUN: %weft-cxx -fopenmp -O1 -g %s -o %t
// RUN: env OMP_NUM_THREADS=2 %expect-exit 0 %t 2>&1 | FileCheck %s
// RUN: env OMP_NUM_THREADS=8 %expect-exit 0 %t 2>&1 | FileCheck %s
#include <omp.h>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <string>
#include <vector>

int main() {
  std::vector<long> values(10000);
#pragma omp parallel for
  for (size_t i = 0; i < values.size(); i++) values[i] = (long)i;
  long total = 0;
#pragma omp parallel for reduction(+ : total)
  for (size_t i = 0; i < values.size(); i++) total += values[i];
  std::vector<std::string> names(64);
  std::mutex m;
  std::string joined;
#pragma omp parallel
#pragma omp single
  {
    for (int i = 0; i < 64; i++) {
#pragma omp task shared(names)
      names[i] = "n" + std::to_string(i);
    }
#pragma omp taskwait
    for (auto &n : names) joined += n[0];
  }
#pragma omp parallel
  {
    std::lock_guard<std::mutex> g(m);
    joined += '.';
  }
  std::printf("%ld %d\n", total, joined.size() >= 65 ? 1 : 0);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: 49995000 1
