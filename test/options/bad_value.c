// A bad value stops the program before it runs (exit 2) with a line
// naming the option, the value and what was expected: booleans take
// 0/1/true/false, integers a number in their range, enums one of their
// words.  Good values of each kind are accepted.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=dedup=yes %expect-exit 2 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=BOOL < %t.err
// RUN: env WEFT_OPTIONS=report_format=xml %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=ENUM
// RUN: env WEFT_OPTIONS=report_format= %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=EMPTYENUM
// RUN: env WEFT_OPTIONS=exitcode=256 %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: env WEFT_OPTIONS=verbosity=-1 %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=NEG
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=1s %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=INT
// RUN: env WEFT_OPTIONS=log_path= %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=EMPTY-PATH
// Good values: booleans as words, enums, integers at their bounds.
// RUN: env WEFT_OPTIONS="dedup=true:halt_on_error=false:print_stats=0 symbolize=1" %expect-exit 66 %t > /dev/null 2>&1
// RUN: env WEFT_OPTIONS=report_format=text:exitcode=255:verbosity=2 %expect-exit 255 %t > /dev/null 2>&1
// RUN: env WEFT_OPTIONS=detect_deadlocks=0:deadlock_timeout_ms=0 %expect-exit 66 %t > /dev/null 2>&1
// RUN: env WEFT_OPTIONS=detect_deadlocks=true:deadlock_timeout_ms=2147483647 %expect-exit 66 %t > /dev/null 2>&1

// BOOL: {{^}}weft: fatal: WEFT_OPTIONS: bad value 'yes' for option 'dedup' (expected 0, 1, true or false){{$}}
// ENUM: weft: fatal: WEFT_OPTIONS: bad value 'xml' for option 'report_format' (expected text or json)
// ENUM-NOT: main done
// EMPTYENUM: weft: fatal: WEFT_OPTIONS: bad value '' for option 'report_format' (expected text or json)
// RANGE: weft: fatal: WEFT_OPTIONS: bad value '256' for option 'exitcode' (expected an integer from 0 to 255)
// NEG: weft: fatal: WEFT_OPTIONS: bad value '-1' for option 'verbosity' (expected an integer from 0 to 2)
// INT: weft: fatal: WEFT_OPTIONS: bad value '1s' for option 'deadlock_timeout_ms' (expected an integer from 0 to 2147483647)
// EMPTY-PATH: weft: fatal: WEFT_OPTIONS: log_path is empty (use stderr, stdout or a path)
