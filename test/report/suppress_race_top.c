// race_top: rules look only at the function of the top frame of either
// access: the functions that made the two writes (store_b, store_a), not
// their callers (second, first), and not file names (every file here is
// race.c, and the path may contain anything, "main" say).
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// RUN: echo 'race_top:store_b' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race_top:store_a' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'race_top:second' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'race_top:race.c' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP
// RUN: echo 'race_top:main' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEEP

// SUPP-NOT: WARNING: weft
// SUPP: weft: suppressed 1 reports
// KEEP: WARNING: weft: data race
// KEEP: weft: reported 1 warnings
