// Which suppression rule applies to a misuse report is declared with its
// kind (runtime/kinds.def), not guessed from its header: a semaphore
// destroyed while a thread waits on it is lock misuse, so mutex: rules
// silence it and deadlock: and thread: rules do not.
// RUN: %weft-cc -O1 -g %test_include %S/../misuse/sem_destroy.c -o %t
// RUN: echo 'mutex:main' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: echo 'deadlock:main' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEPT
// RUN: echo 'thread:main' > %t.supp
// RUN: env WEFT_OPTIONS=suppressions=%t.supp %expect-exit 66 %t 2>&1 | FileCheck %s --check-prefix=KEPT

// SUPP-NOT: WARNING: weft
// SUPP: weft: suppressed 1 reports
// KEPT: WARNING: weft: destroy of a semaphore with waiters
// KEPT: weft: reported 1 warnings
