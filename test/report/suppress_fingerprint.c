// fingerprint:<16 hex digits> suppresses exactly the report with that
// fingerprint and no other: of the two races here, only the one whose
// fingerprint is given.  Upper-case digits work too.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DTWO_RACES -o %t
// RUN: env WEFT_OPTIONS=report_format=json:log_path=stdout %expect-exit 66 %t > %t.json
// RUN: python3 -c "import json,sys; r = json.loads(open(sys.argv[1]).readline()); assert r['summary']['function'] == 'store_b'; open(sys.argv[2], 'w').write('fingerprint:' + r['fingerprint'] + '\n'); open(sys.argv[3], 'w').write('fingerprint:' + r['fingerprint'].upper() + '\n')" %t.json %t.supp %t.supp2
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env WEFT_OPTIONS=suppressions=%t.supp2 %expect-exit 66 %t 2>&1 | FileCheck %s

// CHECK-NOT: in store_b
// CHECK: SUMMARY: weft: data race {{.*}} in second
// CHECK: weft: suppressed 1 reports
// CHECK: weft: reported 1 warnings
