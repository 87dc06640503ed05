// A suppressions file that cannot be read, or a malformed line in it,
// stops the program before it runs (exit 2; main never prints) with a
// message naming file:line.  Comments and blank lines count as lines.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=suppressions=%t.missing %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=MISSING < %t.err
// RUN: printf '# comment\n\nrace:ok\nrcae:store_b\n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=KIND < %t.err
// RUN: printf 'race:ok\nrace:   \n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: printf 'race_top store_b\n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=COLON
// RUN: printf 'fingerprint:12345\n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=FP
// RUN: printf 'fingerprint:0123456789abcdeg\n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=FP2
// RUN: env WEFT_OPTIONS=suppressions=%S %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=DIR

// MISSING: {{^}}weft: fatal: suppressions: cannot open '{{.*}}.missing': No such file or directory{{$}}
// KIND: {{^}}weft: fatal: {{.*}}.supp:4: unknown suppression kind 'rcae' (race, race_top, deadlock, mutex, thread, signal, called_from_lib, fingerprint){{$}}
// EMPTY: weft: fatal: {{.*}}.supp:2: empty pattern after 'race:'
// COLON: weft: fatal: {{.*}}.supp:1: expected <kind>:<pattern>, found 'race_top store_b'
// FP: weft: fatal: {{.*}}.supp:1: a fingerprint is 16 hex digits, found '12345'
// FP2: weft: fatal: {{.*}}.supp:1: a fingerprint is 16 hex digits, found '0123456789abcdeg'
// DIR: weft: fatal: suppressions: '{{.*}}' is not a regular file
