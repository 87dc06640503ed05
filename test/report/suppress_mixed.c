// Two races, one suppressed: the other is still printed and counted, the
// exit status is 66, and both notes appear at exit (suppressions first,
// the count of reports last).  print_suppressions=1 lists each rule that
// matched with its hit count and where it was written; rules that never
// matched are not listed.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DTWO_RACES -o %t
// RUN: printf '# comment\n\nrace_top:store_b\nrace:never_matches\n' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env WEFT_OPTIONS=suppressions=%t.supp:print_suppressions=1 %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LIST
// Both suppressed by one rule, hit twice:
// RUN: echo 'race:race.c' > %t.supp2
// RUN: env WEFT_OPTIONS=suppressions=%t.supp2:print_suppressions=1 %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=TWICE

// CHECK-NOT: in store_b
// CHECK: SUMMARY: weft: data race {{.*}} in second
// CHECK-NOT: WARNING: weft
// CHECK: {{^}}weft: suppressed 1 reports{{$}}
// LIST-NEXT: {{^}}weft: suppression rules that matched (hits, rule, where):{{$}}
// LIST-NEXT: {{^}}  1 race_top:store_b ({{.*}}.supp:3){{$}}
// LIST-NOT: never_matches
// CHECK: {{^}}weft: reported 1 warnings{{$}}

// TWICE-NOT: WARNING: weft
// TWICE: {{^}}weft: suppressed 2 reports{{$}}
// TWICE-NEXT: {{^}}weft: suppression rules that matched (hits, rule, where):{{$}}
// TWICE-NEXT: {{^}}  2 race:race.c ({{.*}}.supp2:1){{$}}
// TWICE-NOT: weft: reported
