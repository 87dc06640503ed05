// WEFT_OPTIONS=help=1 lists every option declared in runtime/options.def,
// one line each, and exits 0 before the program runs.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=help=1 %expect-exit 0 %t > %t.out 2> %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s < %t.err
// Every option of the table is listed, and nothing else.
// RUN: python3 -c "import re,sys; names = re.findall(r'^WT_OPT\(\w+, (\w+),', open(sys.argv[1]).read(), re.M); listed = [l.split()[0] for l in open(sys.argv[2]).read().splitlines()[1:]]; assert names and names == listed, (names, listed)" %S/../../runtime/options.def %t.err

// CHECK: weft: options (WEFT_OPTIONS="key=value:key=value"):
// CHECK-NEXT: exitcode {{.+}}
// CHECK-NEXT: halt_on_error {{.+}}
// CHECK-NEXT: log_path {{.+}}
// CHECK-NEXT: report_format {{.+}}
// CHECK-NEXT: suppressions {{.+}}
// CHECK-NEXT: print_suppressions {{.+}}
// CHECK-NEXT: suppression_hints {{.+}}
// CHECK-NEXT: dedup {{.+}}
// CHECK-NEXT: dedup_by {{.+}}
// CHECK-NEXT: quarantine_mb {{.+}}
// CHECK-NEXT: detect_deadlocks {{.+}}
// CHECK-NEXT: deadlock_concurrent_only {{.+}}
// CHECK-NEXT: deadlock_timeout_ms {{.+}}
// CHECK-NEXT: symbolize {{.+}}
// CHECK-NEXT: symbolizer_path {{.+}}
// CHECK-NEXT: verbosity {{.+}}
// CHECK-NEXT: print_stats {{.+}}
// CHECK-NEXT: help {{.+}}
// CHECK-NOT: {{.}}
