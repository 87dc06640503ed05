// Reports already written survive the program crashing afterwards: the
// runtime writes each report with one write(2), without stdio buffering,
// so a program that races and then aborts leaves the complete report in
// its log, in text and in JSON.  (No summary line: abort skips exit.)
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -DABORT -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/text not --crash %t
// RUN: cat %t.dir/text.* | FileCheck %s
// RUN: env WEFT_OPTIONS=log_path=%t.dir/json:report_format=json not --crash %t
// RUN: cat %t.dir/json.* | FileCheck %s --check-prefix=JSON
// RUN: python3 -c "import glob,json,sys; [f] = glob.glob(sys.argv[1] + '/json.*'); lines = open(f).read().splitlines(); assert len(lines) == 1, lines; r = json.loads(lines[0]); assert r['kind'] == 'data race' and r['summary']['function'] == 'store_b', r" %t.dir

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid=[[#]])
// CHECK: SUMMARY: weft: data race {{.*}}race.c:[[#]]:[[#]] in store_b
// CHECK-NEXT: {{^}}=================={{$}}
// CHECK-NOT: weft: reported

// JSON: {"schema":"weft-report","version":1,"kind":"data race",{{.*}}}{{$}}
