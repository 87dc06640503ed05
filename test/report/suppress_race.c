// race: rules.  A pattern matches a frame's function, file or module
// anywhere in the name; `*` is any run of characters, `^` and `$` anchor
// it at the name's start and end.  race: looks at every frame of both
// accesses and of the threads' creation stacks, and at the global's name.
// A suppressed report is not printed and does not count toward the exit
// status; at exit "weft: suppressed N reports" is printed instead.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// Function of the current access's top frame, a prefix, a wildcard:
// RUN: echo 'race:store_b' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race:store_' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race:^st*_b$' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// A deeper frame of the previous access, the file, the global's name:
// RUN: echo 'race:first' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race:Inputs/race.c' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race:store_b$' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race:^x$' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// Anchors that do not fit, other names, other kinds of rules:
// RUN: echo 'race:^tore_b' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'race:^store$' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'race:store_c' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'deadlock:store_b' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'mutex:store_b' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// called_from_lib: matches a frame's module (here the executable itself).
// RUN: echo 'called_from_lib:suppress_race.c.tmp' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP

// SUPP-NOT: WARNING: weft
// SUPP: {{^}}main done{{$}}
// SUPP-NEXT: {{^}}weft: suppressed 1 reports{{$}}
// SUPP-NOT: weft: reported

// KEEP: WARNING: weft: data race
// KEEP-NOT: weft: suppressed
// KEEP: weft: reported 1 warnings
