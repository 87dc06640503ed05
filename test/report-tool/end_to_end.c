// End to end: a racy program built with weft-cc writes JSON Lines logs
// (report_format=json, log_path), twice, as two processes of a test suite
// would; weft-report merges them, writes SARIF relative to the source
// tree, explains the race, and a baseline of it passes the next run.
// T1 writes `counter` holding `lock` and releases it; T2 writes it later
// (ordered by a relaxed-atomic step, which is no happens-before edge)
// without taking `lock`.
// REQUIRES: weft-json, weft-pass, weft-runtime
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=report_format=json:log_path=%t.d/log %expect-exit 66 %t
// RUN: env WEFT_OPTIONS=report_format=json:log_path=%t.d/log %expect-exit 66 %t
// RUN: %expect-exit 1 %weft-report --source-root %S %t.d | FileCheck %s
// RUN: %expect-exit 1 %weft-report sarif --source-root %S %t.d -o %t.sarif
// RUN: %python %S/Inputs/sarif_check.py --relative %t.sarif | FileCheck --check-prefix=SARIF %s
// RUN: %expect-exit 1 %weft-report explain --source-root %S %t.d | FileCheck --check-prefix=EXPLAIN %s
// RUN: %weft-report baseline %t.d > %t.baseline
// RUN: %weft-report diff --baseline %t.baseline %t.d | FileCheck --check-prefix=DIFF %s
// A stderr capture holds the runtime's own notices too (the count of
// reports, print_stats' block); they are skipped, not taken for bad lines.
// RUN: env WEFT_OPTIONS=report_format=json:print_stats=1 %expect-exit 66 %t 2> %t.stderr
// RUN: FileCheck --check-prefix=NOTICES %s < %t.stderr
// RUN: %expect-exit 1 %weft-report %t.stderr 2>&1 | FileCheck --check-prefix=STDERR %s
#include "weft_test.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int counter;

static void *first(void *arg) {
  pthread_mutex_lock(&lock);
  counter++;
  pthread_mutex_unlock(&lock);
  wtest_step_set(1);
  return arg;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  counter++;
  return arg;
}

int main(void) {
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK:      [1/1] data race in second at end_to_end.c:[[#LINE:39]]:{{[0-9]+}}
// CHECK-NEXT:   Fingerprint: {{[0-9a-f]+}}; seen 2 times in 2 processes
// CHECK-NEXT:   {{Read|Write}} of size 4 by thread T2:
// CHECK-NEXT:     #0 second end_to_end.c:[[#LINE]]
// CHECK:          > [[#LINE]] |   counter++;
// CHECK:        Previous write of size 4 by thread T1 (mutexes: write M{{[0-9]+}}):
// CHECK-NEXT:     #0 first end_to_end.c:31
// CHECK:        Location is global 'counter' of size 4
// CHECK:      weft-report: 1 unique report (2 in all) in 2 logs

// NOTICES: weft: stats:
// NOTICES: weft: reported 1 warnings
// STDERR-NOT: weft-report: {{error|warning}}
// STDERR:     weft-report: 1 unique report (1 in all) in 1 log

// SARIF:      results: 1
// SARIF-NEXT: result: data race end_to_end.c:39:{{[0-9]+}} fp=weftFingerprint/v1={{[0-9a-f]+}}
// SARIF-NEXT: sarif ok

// EXPLAIN:      Data race on 'counter' (4 bytes)
// EXPLAIN:      Current access: {{read|write}} of size 4 by T2 in second at end_to_end.c:39, holding no lock.
// EXPLAIN:      Previous access: write of size 4 by T1 in first at end_to_end.c:31, holding M[[M:[0-9]+]].
// EXPLAIN:      Guarding lock of 'counter': M[[M]] (created in first at end_to_end.c:30) is likely: it is held at 1 of the 2 access sites recorded.
// EXPLAIN:      Missing happens-before edge:
// EXPLAIN-NEXT:   T1's write is not ordered before T2's {{read|write}}: T1 released M[[M]] after the write, but T2 never acquired M[[M]].

// DIFF: weft-report: 0 new reports, 1 known from the baseline, 0 in the baseline not seen
