// symbolize=0: no llvm-symbolizer; frames show module+offset and the
// report is still complete.  symbolizer_path names the symbolizer to run;
// one that does not exist gives the same unnamed frames (no failure).
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=symbolize=0 %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=RAW
// RUN: env WEFT_OPTIONS=symbolizer_path=%t.no-such-symbolizer %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=RAW
// RUN: env WEFT_OPTIONS=symbolize=1 %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=NAMED

// RAW: WARNING: weft: data race
// RAW-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by thread T2:
// RAW-NEXT: {{^}}    #0 ?? ({{.*}}+0x{{[0-9a-f]+}}){{$}}
// RAW: Fingerprint: {{[0-9a-f]{16}$}}
// RAW-NEXT: SUMMARY: weft: data race ({{.*}}+0x{{[0-9a-f]+}}) in ??
// NAMED: {{^}}    #0 store_b {{.*}}race.c:[[#]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
