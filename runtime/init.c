/* Start-up and exit.  __weft_init runs from every instrumented module's
 * constructor (and wt_init from the first interceptor, if that comes
 * first); the first call sets up the shadow, the main thread, the
 * options, the log and the suppressions.  At exit the summary is printed
 * and, if anything was reported, the exit status becomes `exitcode` (66). */
#include "internal.h"
#include "shadow.h"
#include "weft/abi.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

_Atomic int wt_inited;
static _Atomic int init_state; /* 0 never, 1 running, 2 done */

/* The notes at exit, in this order: repeated races, suppressions, statistics, and last
 * the count of reports (docs/reports.md promises it is the last line). */
static unsigned exit_notes(void) {
  unsigned n = wt_report_count();
  wt_repeats_print_summary();
  wt_suppress_print_summary();
  if (wt_opt_print_stats) wt_stats_print();
  wt_print_summary(n);
  return n;
}

/* halt_on_error: a program that stops at its first report still says
 * what was found and still fails; exitcode=0 (keep the program's status)
 * has no status to keep here, so it exits 66. */
void wt_halt(void) {
  wt_thread *t = wt_cur;
  if (t) t->ignore++;
  exit_notes();
  _exit(wt_opt_exitcode ? wt_opt_exitcode : 66);
}

static void at_exit(void) {
  wt_thread *t = wt_cur;
  if (t) t->ignore++;
  unsigned n = exit_notes();
  if (n && wt_opt_exitcode) {
    /* Our handler was registered first, so it runs last: every other
     * handler and destructor has run; only stdio is left to flush. */
    fflush(0);
    _exit(wt_opt_exitcode);
  }
}

void wt_init(void) {
  int expect = 0;
  if (!atomic_compare_exchange_strong(&init_state, &expect, 1)) {
    /* Another thread is starting the runtime: wait.  The same thread
     * re-entering (through an interceptor) sees wt_inited already set. */
    while (atomic_load(&init_state) != 2 && !atomic_load(&wt_inited)) __builtin_ia32_pause();
    return;
  }
  wt_shadow_init();
  atomic_store_explicit(&wt_inited, 1, memory_order_release);
  wt_options_parse(getenv("WEFT_OPTIONS"));
  wt_log_open();
  wt_suppress_load(wt_opt_suppressions);
  wt_thread_exit_init();
  wt_thread_main_init();
  wt_fork_init();
  wt_omp_check();
  atexit(at_exit);
  if (wt_opt_verbosity >= 1) wt_printf("weft: runtime started (pid=%d)\n", wt_getpid());
  atomic_store(&init_state, 2);
}

void __weft_init(unsigned version) {
  if (version != WEFT_ABI_VERSION)
    wt_die("this program was instrumented for weft ABI version %u, but the runtime "
           "linked in speaks version %u; rebuild it with matching weft-cc and runtime",
           version, (unsigned)WEFT_ABI_VERSION);
  wt_init();
}
