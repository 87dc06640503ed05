/* Gathering reports: deduplication, everything a report says filled into
 * a wt_report, then printing under the one report lock, and the count
 * the exit status depends on.  No text is made here (print.c knows the
 * format), so other outputs and filters can work from the same data.
 *
 * Dedup: first one report per unordered pair of racing sites (the two
 * access pcs), in a lock-free set of 64-bit keys, so a racy loop costs
 * one probe per detection after its first report (dedup=0 turns it off);
 * then, for a new pair, one per pair of source lines (repeats.c).  Each
 * pair remembers its source group, so later detections are counted.
 *
 * Every kind of report leaves through wt_report_emit: fingerprint
 * (fingerprint.c), suppressions (suppress.c), counting, text (print.c) or
 * JSON (print_json.c), halt_on_error. */
#include "internal.h"

#include <errno.h>

#define DEDUP_BITS 20
#define DEDUP_SLOTS (1u << DEDUP_BITS)
#define DEDUP_MAX (DEDUP_SLOTS / 4 * 3) /* keeps probes short */

static _Atomic uint64_t *_Atomic dedup;
static _Atomic uint32_t *pair_group; /* per slot of dedup: repeats.c's group id */
static _Atomic uint32_t dedup_n;
static _Atomic unsigned nreports;
static _Atomic unsigned nkind[WT_R_KIND_COUNT]; /* printed, by kind */

/* ---- a lock that survives fork ------------------------------------------
 * Holds the holder's pid.  A child forked while another thread of the
 * parent was printing finds the parent's pid there; that thread does not
 * exist in the child, so the lock is taken over instead of waited on. */
static _Atomic int report_lock_pid;

static void report_lock(void) {
  int me = wt_getpid();
  wt_spins_held++;
  for (;;) {
    int v = 0;
    if (atomic_compare_exchange_weak_explicit(&report_lock_pid, &v, me,
                                              memory_order_acquire, memory_order_relaxed))
      return;
    if (v != 0 && v != me &&
        atomic_compare_exchange_strong_explicit(&report_lock_pid, &v, me,
                                                memory_order_acquire, memory_order_relaxed))
      return;
    __builtin_ia32_pause();
  }
}

static void report_unlock(void) {
  atomic_store_explicit(&report_lock_pid, 0, memory_order_release);
  wt_spins_held--;
}

static _Atomic uint64_t *dedup_table(void) {
  _Atomic uint64_t *d = atomic_load_explicit(&dedup, memory_order_acquire);
  if (WT_LIKELY(d != 0)) return d;
  _Atomic uint64_t *fresh = wt_mmap_noreserve(DEDUP_SLOTS * sizeof(uint64_t));
  _Atomic uint32_t *groups = wt_mmap_noreserve(DEDUP_SLOTS * sizeof(uint32_t));
  pair_group = groups; /* before dedup is published: readers load dedup first */
  if (atomic_compare_exchange_strong_explicit(&dedup, &d, fresh, memory_order_acq_rel,
                                              memory_order_acquire))
    return fresh;
  wt_munmap((void *)fresh, DEDUP_SLOTS * sizeof(uint64_t));
  return d;
}


/* True the first time the pair {a, b} is seen, with its slot; a pair
 * seen before counts as a detection of its source group.  A full set
 * reports nothing new (after saying so once) rather than repeating old
 * races. */
static bool first_time(uintptr_t a, uintptr_t b, uint32_t *slot) {
  if (a > b) {
    uintptr_t t = a;
    a = b;
    b = t;
  }
  uint64_t key = wt_hash64(wt_hash64(a) + b);
  if (key == 0) key = 1;
  _Atomic uint64_t *d = dedup_table();
  for (uint32_t i = (uint32_t)key & (DEDUP_SLOTS - 1);; i = (i + 1) & (DEDUP_SLOTS - 1)) {
    uint64_t v = atomic_load_explicit(&d[i], memory_order_relaxed);
    if (v == key) {
      wt_repeat_seen(atomic_load_explicit(&pair_group[i], memory_order_relaxed));
      return false;
    }
    if (v != 0) continue;
    if (atomic_fetch_add_explicit(&dedup_n, 1, memory_order_relaxed) >= DEDUP_MAX) {
      static _Atomic int warned;
      if (!atomic_exchange_explicit(&warned, 1, memory_order_relaxed))
        wt_printf("weft: too many distinct races; new ones are no longer reported\n");
      atomic_fetch_sub_explicit(&dedup_n, 1, memory_order_relaxed);
      return false;
    }
    if (atomic_compare_exchange_strong_explicit(&d[i], &v, key, memory_order_relaxed,
                                                memory_order_relaxed)) {
      *slot = i + 1;
      return true;
    }
    atomic_fetch_sub_explicit(&dedup_n, 1, memory_order_relaxed);
    if (v == key) return false;
  }
}

/* The access's own pc, or the top of its stack if the caller had none. */
static uintptr_t site(const wt_report_access *a) {
  if (a->pc) return a->pc;
  uintptr_t pc = 0;
  wt_ctx_frames(a->ctx, &pc, 1, 0);
  return pc;
}

/* Heap first (a block's bounds are exact), then thread stacks and TLS,
 * then globals, the only lookup that asks the symbolizer. */
static void locate(uintptr_t addr, wt_report_loc *loc) {
  *loc = (wt_report_loc){.kind = WT_LOC_UNKNOWN};
  if (wt_heap_find(addr, loc)) return;
  *loc = (wt_report_loc){.kind = WT_LOC_UNKNOWN};
  if (wt_quarantine_find(addr, loc)) return;
  *loc = (wt_report_loc){.kind = WT_LOC_UNKNOWN};
  if (wt_thread_find_addr(addr, loc)) return;
  if (wt_fd_find(addr, loc)) return;
  *loc = (wt_report_loc){.kind = WT_LOC_UNKNOWN};
  char name[256];
  uintptr_t start = 0;
  size_t size = 0;
  if (wt_symbolize_data(addr, name, sizeof name, &start, &size))
    *loc = (wt_report_loc){.kind = WT_LOC_GLOBAL, .start = start, .size = size};
}

/* What each thread last released and acquired (lastsync.c). */
static void add_last_syncs(wt_report *r, uint32_t thread_uid) {
  for (int release = 1; release >= 0; release--)
    if (r->nsyncs < WT_REPORT_SYNCS &&
        wt_last_sync_get(thread_uid, release, &r->syncs[r->nsyncs]))
      r->nsyncs++;
}

void wt_report_race(wt_thread *t, const wt_report_access *cur,
                    const wt_report_access *prev) {
  /* errno is the application's: a report may come between a failing
   * call and the program's look at errno. */
  int saved_errno = errno;
  uintptr_t a = site(cur), b = site(prev);
  uint32_t slot = 0;
  if (wt_opt_dedup && !first_time(a, b, &slot)) {
    errno = saved_errno;
    return;
  }
  /* Whatever intercepted functions the gathering calls is not the
   * application's doing. */
  if (t) t->ignore++;
  wt_report r = {.kind = prev->freed ? WT_R_HEAP_USE_AFTER_FREE : WT_R_DATA_RACE,
                 .cur = *cur, .prev = *prev, .pair_slot = slot};
  r.cur.pc = a;
  r.prev.pc = b;
  locate(cur->addr, &r.loc);
  if (wt_thread_describe(cur->thread_uid, &r.threads[r.nthreads])) r.nthreads++;
  if (prev->thread_uid != cur->thread_uid &&
      wt_thread_describe(prev->thread_uid, &r.threads[r.nthreads]))
    r.nthreads++;
  r.stacks[r.nstacks++] = cur->ctx;
  r.stacks[r.nstacks++] = prev->ctx;
  add_last_syncs(&r, cur->thread_uid);
  if (prev->thread_uid != cur->thread_uid) add_last_syncs(&r, prev->thread_uid);
  wt_report_emit(t, &r);
  if (t) t->ignore--;
  errno = saved_errno;
}

/* The one way out for every kind of report: fingerprint, suppressions,
 * the count the exit status depends on, the chosen format, and
 * halt_on_error.  The fingerprint and the suppression check symbolize,
 * so they run under the report lock like the printing. */
void wt_report_emit(wt_thread *t, wt_report *r) {
  int saved_errno = errno;
  if (t) t->ignore++;
  report_lock();
  r->fingerprint = wt_fingerprint(r);
  uint32_t group = 0;
  bool repeat = wt_opt_dedup && wt_repeat_of_printed(r, &group);
  if (r->pair_slot) atomic_store_explicit(&pair_group[r->pair_slot - 1], group, memory_order_relaxed);
  if (repeat) {
    report_unlock();
    if (t) t->ignore--;
    errno = saved_errno;
    return;
  }
  bool printed = !wt_suppressed(r);
  if (printed) {
    atomic_fetch_add_explicit(&nreports, 1, memory_order_relaxed);
    if (r->kind >= 0 && r->kind < WT_R_KIND_COUNT)
      atomic_fetch_add_explicit(&nkind[r->kind], 1, memory_order_relaxed);
    if (wt_opt_report_format == WT_FORMAT_JSON) wt_print_report_json(r);
    else wt_print_report(r);
  }
  report_unlock();
  if (printed && wt_opt_halt_on_error) wt_halt();
  if (t) t->ignore--;
  errno = saved_errno;
}

/* ---- lock reports ------------------------------------------------------ */
/* Each thread once, in order of first mention. */
static void add_thread(wt_report *r, uint32_t uid) {
  if (uid == ~0u) return;
  for (uint32_t i = 0; i < r->nthreads; i++)
    if (r->threads[i].uid == uid) return;
  if (r->nthreads < WT_REPORT_THREADS && wt_thread_describe(uid, &r->threads[r->nthreads]))
    r->nthreads++;
}

/* Lock-order cycles are deduplicated by lockgraph.c (each cycle once).
 * The acquisitions identify the report. */
void wt_report_lock_order(wt_thread *t, const wt_report_edge *edges, uint32_t n, int apart) {
  int saved_errno = errno;
  if (t) t->ignore++;
  wt_report r = {.kind = WT_R_LOCK_ORDER, .nedges = n, .apart = (uint32_t)apart};
  __builtin_memcpy(r.edges, edges, n * sizeof *edges);
  for (uint32_t i = 0; i < n; i++) {
    add_thread(&r, edges[i].thread_uid);
    if (r.nstacks < WT_REPORT_STACKS) r.stacks[r.nstacks++] = edges[i].next_ctx;
  }
  wt_report_emit(t, &r);
  if (t) t->ignore--;
  errno = saved_errno;
}

/* From the watchdog thread, which is no weft thread; the caller ends the
 * process after it. */
void wt_report_deadlock(int kind, const wt_report_wait *waits, uint32_t n) {
  wt_report r = {.kind = kind, .nwaits = n};
  __builtin_memcpy(r.waits, waits, n * sizeof *waits);
  for (uint32_t i = 0; i < n; i++) {
    add_thread(&r, waits[i].thread_uid);
    if (r.nstacks < WT_REPORT_STACKS) r.stacks[r.nstacks++] = waits[i].wait_ctx;
  }
  for (uint32_t i = 0; i < n; i++) add_thread(&r, waits[i].holder_uid);
  wt_report_emit(0, &r);
}

/* Once per (kind, call site). */
bool wt_report_misuse_event(wt_thread *t, int kind, uintptr_t pc, wt_ctx ctx,
                            const wt_report_misuse *m) {
  int saved_errno = errno;
  uint32_t slot;
  if (!first_time(pc, 0x6d69737573650000ull | (uint64_t)kind, &slot)) {
    errno = saved_errno;
    return false;
  }
  if (t) t->ignore++;
  wt_report r = {.kind = kind, .misuse = *m};
  r.cur = (wt_report_access){.addr = m->obj_addr, .thread_uid = t ? t->uid : ~0u,
                             .ctx = ctx, .pc = pc};
  add_thread(&r, r.cur.thread_uid);
  add_thread(&r, m->other_thread);
  r.stacks[r.nstacks++] = ctx;
  if (m->other_ctx) r.stacks[r.nstacks++] = m->other_ctx;
  wt_report_emit(t, &r);
  if (t) t->ignore--;
  errno = saved_errno;
  return true;
}

unsigned wt_report_count(void) { return atomic_load_explicit(&nreports, memory_order_relaxed); }

unsigned wt_report_count_kind(int kind) {
  if (kind < 0 || kind >= WT_R_KIND_COUNT) return 0;
  return atomic_load_explicit(&nkind[kind], memory_order_relaxed);
}

/* Each mutex held at either access of a race, once, in order of first
 * mention: what both printers list under the accesses. */
uint32_t wt_report_mutexes(const wt_report *r, uint32_t *uids, uint32_t max) {
  uint32_t nuids = 0, items[WT_MAX_HELD];
  const wt_report_access *acc[2] = {&r->cur, &r->prev};
  for (int a = 0; a < 2; a++) {
    uint32_t n = wt_ctx_locks(acc[a]->ctx, items, WT_MAX_HELD);
    for (uint32_t i = 0; i < n; i++) {
      uint32_t uid = items[i] >> 1, j = 0;
      while (j < nuids && uids[j] != uid) j++;
      if (j == nuids && nuids < max) uids[nuids++] = uid;
    }
  }
  return nuids;
}
