// When OpenMP synchronization cannot be modelled, weft says so once, at
// start-up, and why: GCC's runtime (libgomp, no tool interface),
// OMP_TOOL=disabled, another OMPT tool named in OMP_TOOL_LIBRARIES (weft
// steps aside, the program keeps working), a program that is its own
// OMPT tool.  With libomp and no such setting, nothing is said.
// RUN: %weft-cc -O1 -g %s -lgomp -o %t.gomp
// RUN: %expect-exit 0 %t.gomp 2>&1 | FileCheck %s --check-prefix=GOMP
// RUN: %weft-cc -fopenmp -O1 -g %s -o %t
// RUN: env OMP_TOOL=disabled %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=DISABLED
// RUN: env OMP_TOOL_LIBRARIES=libweft-test-no-such-tool.so %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=OTHER
// RUN: %weft-cc -fopenmp -O1 -g -DOWN_TOOL %s -o %t.own
// RUN: %expect-exit 0 %t.own 2>&1 | FileCheck %s --check-prefix=OWN
// RUN: %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=QUIET
#include <omp.h>
#include <stdio.h>

#ifdef OWN_TOOL
#include <omp-tools.h>
ompt_start_tool_result_t *ompt_start_tool(unsigned int version, const char *runtime) {
  return 0;
}
#endif

int main(void) {
  printf("threads %d\n", omp_get_max_threads() > 0);
  return 0;
}

// GOMP: weft: this program uses GCC's OpenMP runtime (libgomp), which has no tool interface: OpenMP synchronization is not modelled
// GOMP: threads 1
// DISABLED: weft: OMP_TOOL=disabled: OpenMP synchronization is not modelled in this run
// OTHER: weft: OMP_TOOL_LIBRARIES names another OpenMP tool (libweft-test-no-such-tool.so): weft is not the OMPT tool in this run
// OTHER: threads 1
// OWN: weft: the program defines its own ompt_start_tool: weft is not the OMPT tool in this run
// QUIET-NOT: weft:
// QUIET: threads 1
