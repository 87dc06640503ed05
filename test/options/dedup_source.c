// dedup_by=source (the default): races whose two accesses are at the same
// source lines, on the same memory object, are one report, however many
// instructions the lines hold; the exit notes say how often it was seen and
// at how many pairs of instructions.  Here a macro on one line touches
// three fields, so each thread's line holds several racing instructions.
// dedup_by=pc reports each pair of instructions once, as before.  In JSON
// the count is a "repeats" record after the report, and weft-report adds it
// to the report's count.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=SOURCE
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/json:report_format=json %expect-exit 66 %t
// RUN: FileCheck %s --check-prefix=JSON < %t.dir/json.*
// RUN: %expect-exit 1 %weft-report --no-source %t.dir | FileCheck %s --check-prefix=TOOL
// RUN: env WEFT_OPTIONS=dedup_by=pc %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=PC
// RUN: env WEFT_OPTIONS=dedup_by=bogus %expect-exit 2 %t 2>&1 | FileCheck %s --check-prefix=BAD
#include "weft_test.h"

struct node { long key, left, right; } n;

#define BUMP(p) do { (p)->key += 1; (p)->left = (p)->key; (p)->right = (p)->left + 1; } while (0)

static void *first(void *arg) {
  BUMP(&n);
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  BUMP(&n);
  return NULL;
}

int main(void) {
  pthread_t x, y;
  wtest_create(&x, first, NULL);
  wtest_create(&y, second, NULL);
  wtest_join(x);
  wtest_join(y);
  return 0;
}

// SOURCE-COUNT-1: WARNING: weft: data race
// SOURCE-NOT: WARNING: weft
// SOURCE: weft: data race [[FP:[0-9a-f]{16}]] (dedup_source.c:[[#L2:]] in second and dedup_source.c:[[#L1:]] in first) seen [[#N:]] times at [[#M:]] instruction pairs
// SOURCE: weft: reported 1 warnings

// JSON: {"schema":"weft-report","version":1,"kind":"data race","pid":[[#PID:]],"fingerprint":"[[FP:[0-9a-f]{16}]]"
// JSON-NOT: "kind":"data race"
// JSON: {"schema":"weft-report","version":1,"kind":"repeats","pid":[[#PID]],"fingerprint":"[[FP]]","of":"data race","seen":[[#N:]],"pairs":[[#M:]]}
// JSON-NOT: "kind"

// TOOL: data race in {{first|second}} at {{.*}}dedup_source.c
// TOOL-NEXT: Fingerprint: {{[0-9a-f]+}}; seen {{[2-9]}} times at {{[2-9]}} instruction pairs in 1 process
// TOOL: weft-report: 1 unique report ({{[2-9]}} in all) in 1 log

// PC: WARNING: weft: data race
// PC: WARNING: weft: data race
// PC-NOT: seen {{.*}} instruction pairs
// PC: weft: reported {{[2-9]}} warnings

// BAD: weft: fatal: WEFT_OPTIONS: bad value 'bogus' for option 'dedup_by' (expected source or pc)
