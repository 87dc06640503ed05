// Suppressions apply to JSON output the same way: a suppressed report
// leaves no line in the log, and the note at exit goes to standard error
// (a JSON log holds JSON only).
// RUN: %weft-cc -O1 -g %test_include %S/../options/Inputs/race.c -DTWO_RACES -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: echo 'race_top:second' > %t.supp
// RUN: env WEFT_OPTIONS=report_format=json:log_path=%t.dir/log:suppressions=%t.supp %expect-exit 66 %t > /dev/null 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: cat %t.dir/log.* > %t.json
// RUN: python3 %S/Inputs/check_json.py %t.json 1 | FileCheck %s

// CHECK: report: data race {{[0-9a-f]+}} store_b
// ERR: {{^}}weft: suppressed 1 reports{{$}}
// ERR-NEXT: {{^}}weft: reported 1 warnings{{$}}
