// A suppressions file written for ThreadSanitizer works unchanged: every
// kind it knows is accepted (race, race_top, thread, mutex, signal,
// deadlock, called_from_lib), with comments, blank lines, indentation
// and trailing blanks, and its race rule applies.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=suppressions=%S/Inputs/tsan.supp:print_suppressions=1 %expect-exit 0 %t 2>&1 | FileCheck %s

// CHECK-NOT: WARNING: weft
// CHECK: weft: suppressed 1 reports
// CHECK: {{^}}  1 race:store_b ({{.*}}tsan.supp:[[#]]){{$}}
