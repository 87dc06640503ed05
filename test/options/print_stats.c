// print_stats=1: at exit, before the count of reports, the counts of
// reports by kind and suppressed, threads, sync objects, shadow memory and
// contexts.  A clean run prints them too.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=print_stats=1 %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g %test_include %s -o %t.clean
// RUN: env WEFT_OPTIONS=print_stats=1 %expect-exit 0 %t.clean 2>&1 | FileCheck %s --check-prefix=CLEAN
// RUN: %expect-exit 0 %t.clean 2>&1 | count 0
int main(void) { return 0; }

// CHECK: SUMMARY: weft: data race
// CHECK: {{^}}weft: stats:{{$}}
// CHECK-NEXT: {{^}}  reports printed: 1{{$}}
// CHECK-NEXT: {{^}}    data race: 1{{$}}
// CHECK-NEXT: {{^}}  reports suppressed: 0{{$}}
// CHECK-NEXT: {{^}}  threads: 3 (the main thread included){{$}}
// CHECK-NEXT: {{^}}  sync objects: {{[1-9][0-9]*}} ({{[0-9]+}} live, at most {{[1-9][0-9]*}} at once){{$}}
// CHECK-NEXT: {{^}}  shadow memory mapped: {{[1-9][0-9]*}} KiB{{$}}
// CHECK-NEXT: {{^}}  contexts in the depot: {{[1-9][0-9]*}}{{$}}
// CHECK-NEXT: {{^}}weft: reported 1 warnings{{$}}

// CLEAN: {{^}}weft: stats:{{$}}
// CLEAN-NEXT: {{^}}  reports printed: 0{{$}}
// CLEAN-NEXT: {{^}}  reports suppressed: 0{{$}}
// CLEAN-NEXT: {{^}}  threads: 1 (the main thread included){{$}}
// CLEAN-NOT: weft: reported
