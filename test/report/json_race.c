// report_format=json: one JSON object per report on one line (JSON
// Lines) in the log, valid against docs/report-schema.md; the log holds
// nothing else (the exit notes go to standard error); the exit status is
// unchanged.  The fields carry what the text report says.
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=report_format=json:log_path=%t.dir/log %expect-exit 66 %t > /dev/null 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: cat %t.dir/log.* > %t.json
// RUN: python3 %S/Inputs/check_json.py %t.json 1 | FileCheck %s --check-prefix=SHAPE
// RUN: python3 %S/Inputs/json_race_fields.py %t.json
// RUN: FileCheck %s < %t.json

// ERR: {{^}}weft: reported 1 warnings{{$}}
// SHAPE: report: data race {{[0-9a-f]+}} store_b
// One line, starting with the fixed fields in order.
// CHECK: {{^}}{"schema":"weft-report","version":1,"kind":"data race","pid":[[#]],"fingerprint":"{{[0-9a-f]+}}","summary":{"function":"store_b","file":"{{.*}}race.c","line":[[#]],"column":[[#]]},"accesses":[{"role":"current",{{.*}}}{{$}}
// CHECK-NOT: {{.}}
