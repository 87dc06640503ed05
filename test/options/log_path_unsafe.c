// log_path is safe in a shared directory: a symlink planted at PATH.<pid>
// is refused, not followed (its target is left untouched), and so is
// anything but a regular file (a directory; a FIFO, without blocking); both stop the program before it runs
// (exit 2, main never prints).  An existing regular file of ours (a stale
// log of an earlier process with the same pid) is appended to, never
// truncated.  The shell execs the program, so $$ is its pid.
// RUN: %weft-cc -O1 -g %test_include %S/Inputs/race.c -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir && echo precious > %t.dir/target
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 2 sh -c 'ln -s %t.dir/target %t.dir/log.$$ && exec %t' > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=LINK < %t.err
// RUN: count 0 < %t.out
// RUN: FileCheck %s --check-prefix=TARGET < %t.dir/target
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 2 sh -c 'mkdir %t.dir/log.$$ && exec %t' > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=DIR < %t.err
// RUN: count 0 < %t.out
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 2 sh -c 'mkfifo %t.dir/log.$$ && exec %t' > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=DIR < %t.err
// RUN: env WEFT_OPTIONS=log_path=%t.dir/new/log %expect-exit 2 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=NODIR < %t.err
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env WEFT_OPTIONS=log_path=%t.dir/log %expect-exit 66 sh -c 'echo "stale line" > %t.dir/log.$$ && exec %t' > %t.out
// RUN: cat %t.dir/log.* | FileCheck %s --check-prefix=APPEND

// LINK: weft: fatal: log_path: cannot use {{.*}}log.[[#]] as the log: it is a symbolic link (weft does not follow links for its log)
// TARGET: {{^}}precious{{$}}
// TARGET-NOT: weft
// DIR: weft: fatal: log_path: cannot use {{.*}}log.[[#]] as the log: it is not a regular file
// NODIR: weft: fatal: log_path: cannot use {{.*}}new/log.[[#]] as the log: No such file or directory
// APPEND: {{^}}stale line{{$}}
// APPEND-NEXT: ==================
// APPEND: weft: reported 1 warnings
