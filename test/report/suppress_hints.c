// suppression_hints=1: each report carries ready-to-paste rules, the
// race_top: one and the exact fingerprint: one, just before the
// fingerprint line.  Pasted into a suppressions file, each silences the
// report.  JSON carries them as "suppress".
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// RUN: env WEFT_OPTIONS=suppression_hints=1 %expect-exit 66 %t > /dev/null 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: python3 -c "import re,sys; t = open(sys.argv[1]).read(); open(sys.argv[2], 'w').write(re.search(r'Suppress with: (\S+)', t).group(1) + '\n'); open(sys.argv[3], 'w').write(re.search(r'or exactly: (\S+)', t).group(1) + '\n')" %t.err %t.top %t.exact
// RUN: env WEFT_OPTIONS=suppressions=%t.top %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=GONE
// RUN: env WEFT_OPTIONS=suppressions=%t.exact %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=GONE
// RUN: env WEFT_OPTIONS=suppression_hints=1:report_format=json:log_path=stdout %expect-exit 66 %t > %t.json
// RUN: python3 -c "import json,sys; r = json.loads(open(sys.argv[1]).readline()); assert r['suppress'] == ['race_top:store_b', 'fingerprint:' + r['fingerprint']], r['suppress']" %t.json
// Without the option there are no hints.
// RUN: %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=NONE

// CHECK: {{^}}  Suppress with: race_top:store_b{{$}}
// CHECK-NEXT: {{^}}  or exactly: fingerprint:[[FP:[0-9a-f]+]]{{$}}
// CHECK-NEXT: {{^}}  Fingerprint: [[FP]]{{$}}
// CHECK-NEXT: {{^}}SUMMARY: weft: data race

// GONE-NOT: WARNING: weft
// GONE: weft: suppressed 1 reports

// NONE-NOT: Suppress with
// NONE: Fingerprint:
