// log_path=stdout sends reports and notes to standard output;
// log_path=stderr is the default.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=log_path=stdout %expect-exit 66 %t > %t.out 2> %t.err
// RUN: count 0 < %t.err
// RUN: FileCheck %s < %t.out
// RUN: env WEFT_OPTIONS=log_path=stderr %expect-exit 66 %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err

// CHECK: WARNING: weft: data race
// CHECK: weft: reported 1 warnings
