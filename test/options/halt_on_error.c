// halt_on_error=1: the program stops right after its first report, with
// the exit notes and exitcode; the second race is never reached and main
// never prints.  Without it both races are reported.  exitcode=0 cannot
// keep a status the program never returned: it exits 66.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -DTWO_RACES -o %t
// RUN: env WEFT_OPTIONS=halt_on_error=1 %expect-exit 66 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=HALT < %t.err
// RUN: env WEFT_OPTIONS=halt_on_error=1:exitcode=9:print_stats=1 %expect-exit 9 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefixes=HALT,STATS < %t.err
// RUN: env WEFT_OPTIONS=halt_on_error=1:exitcode=0 %expect-exit 66 %t > /dev/null 2>&1
// RUN: env WEFT_OPTIONS=halt_on_error=0 %expect-exit 66 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=BOTH < %t.err

// HALT: WARNING: weft: data race
// HALT: SUMMARY: weft: data race {{.*}} in store_b
// HALT-NOT: WARNING: weft
// STATS: weft: stats:
// HALT: weft: reported 1 warnings

// OUT: main done
// BOTH: SUMMARY: weft: data race {{.*}} in store_b
// BOTH: SUMMARY: weft: data race {{.*}} in second
// BOTH: weft: reported 2 warnings
