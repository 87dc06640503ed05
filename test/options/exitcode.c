// exitcode: the status of a program that printed a report (default 66);
// exitcode=0 keeps the program's own status.  A clean run keeps its own
// status whatever exitcode says.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: %expect-exit 66 %t > /dev/null 2>&1
// RUN: env WEFT_OPTIONS=exitcode=3 %expect-exit 3 %t > /dev/null 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: env WEFT_OPTIONS=exitcode=0 %expect-exit 0 %t > /dev/null 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: %weft-cc -O1 -g %test_include %s -o %t.clean
// RUN: env WEFT_OPTIONS=exitcode=3 %expect-exit 5 %t.clean 2>&1 | count 0
#include <stdlib.h>

// CHECK: WARNING: weft: data race
// CHECK: weft: reported 1 warnings
int main(void) { return 5; }
