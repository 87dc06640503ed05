// log_path=PATH: each process writes its reports to PATH.<pid>, created
// with owner-only permissions; standard error keeps only the program's
// own output; the summary line goes to the log too, and the exit status
// is still 66.  A second run appends to its own new file.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 66 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: cat %t.dir/log.* | FileCheck %s
// RUN: python3 -c "import glob,os,stat,sys; f=glob.glob(sys.argv[1]+'/log.*'); assert len(f)==1, f; m=os.stat(f[0]).st_mode; assert stat.S_ISREG(m) and stat.S_IMODE(m)==0o600, oct(m); assert f[0].rsplit('.',1)[1].isdigit(), f" %t.dir
// Status and summary also with exitcode changed.
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log:exitcode=7 %expect-exit 7 %t > /dev/null 2> %t.err
// RUN: count 0 < %t.err
// RUN: python3 -c "import glob,sys; f=glob.glob(sys.argv[1]+'/log.*'); assert len(f)==2, f" %t.dir

// OUT: main done

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid=[[#]])
// CHECK: SUMMARY: weft: data race {{.*}}race.c:[[#]]:[[#]] in store_b
// CHECK-NEXT: ==================
// CHECK-NEXT: weft: reported 1 warnings
