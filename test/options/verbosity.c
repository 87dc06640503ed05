// verbosity=1: start-up and exit notes, including the all-clear of a
// clean run; verbosity=0 (the default) prints nothing for a clean run.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: %expect-exit 0 %t 2>&1 | count 0
// RUN: env WEFT_OPTIONS=verbosity=1 %expect-exit 0 %t 2>&1 | FileCheck %s
int main(void) { return 0; }

// CHECK: {{^}}weft: runtime started (pid=[[#]]){{$}}
// CHECK: {{^}}weft: reported 0 warnings{{$}}
