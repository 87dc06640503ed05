// An unknown option stops the program before it runs, with exit status 2
// and one line naming the option; nothing is ignored silently.  Also a
// pair without '=' and an option misspelt among good ones.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=halt_on_eror=1 %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=UNKNOWN < %t.err
// RUN: env WEFT_OPTIONS="verbosity=1:color=always dedup=1" %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=AMONG < %t.err
// RUN: env WEFT_OPTIONS=halt_on_error %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=NOVALUE < %t.err

// UNKNOWN: {{^}}weft: fatal: WEFT_OPTIONS: unknown option 'halt_on_eror' (WEFT_OPTIONS=help=1 lists them){{$}}
// UNKNOWN-NOT: {{.}}
// AMONG: {{^}}weft: fatal: WEFT_OPTIONS: unknown option 'color' (WEFT_OPTIONS=help=1 lists them){{$}}
// NOVALUE: {{^}}weft: fatal: WEFT_OPTIONS: 'halt_on_error' is not key=value{{$}}
