/* The report text: the only place that knows it (docs/reports.md is its
 * description; other tools parse it).  Nothing is decided here: which
 * reports exist and what they contain is report.c's business.
 *
 * A report is formatted into one fixed buffer and written with one
 * write(2), so reports from several threads or processes sharing the log
 * never interleave line by line.  The buffers are static: wt_print_report
 * runs only under report.c's report lock, and application threads may
 * have small stacks.  An oversized report is cut at a line boundary and
 * still ends with its closing rule. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define BUF_SIZE 65536
#define TAIL 128 /* kept for the truncation note and the closing rule */
#define MAX_INLINE 16
#define RULE "==================\n"

static const char *const kind_names[WT_R_KIND_COUNT] = {
#define WT_KIND(e, name, supp) [e] = name,
#include "kinds.def"
#undef WT_KIND
};

const char *wt_report_kind_name(int kind) {
  const char *k = kind >= 0 && kind < WT_R_KIND_COUNT ? kind_names[kind] : 0;
  return k ? k : "unknown report";
}

static struct {
  size_t len;
  bool truncated;
  char buf[BUF_SIZE];
} out;
static wt_frame frames[MAX_INLINE];
static uintptr_t pcs[WT_MAX_FRAMES];

/* A line that does not fit is dropped whole, and so is all that follows. */
__attribute__((format(printf, 1, 2))) static void put(const char *fmt, ...) {
  if (out.truncated) return;
  size_t room = BUF_SIZE - TAIL - out.len;
  va_list ap;
  va_start(ap, fmt);
  int n = wt_vsnprintf(out.buf + out.len, room, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= room) {
    /* Lines are made by several calls: drop the started one too. */
    while (out.len > 0 && out.buf[out.len - 1] != '\n') out.len--;
    out.truncated = true;
    return;
  }
  out.len += (size_t)n;
}

static void flush(void) {
  if (out.truncated) {
    static const char note[] = "  [report truncated]\n";
    __builtin_memcpy(out.buf + out.len, note, sizeof note - 1);
    out.len += sizeof note - 1;
  }
  __builtin_memcpy(out.buf + out.len, RULE, sizeof RULE - 1);
  out.len += sizeof RULE - 1;
  wt_write_all(wt_report_fd(), out.buf, out.len);
  out.len = 0;
  out.truncated = false;
}

/* "main thread" / "thread T3", in a rotating set of buffers so that a
 * line can name two threads. */
static const char *thread_name(uint32_t uid) {
  static char names[4][32];
  static unsigned next;
  if (uid == 0) return "main thread";
  char *s = names[next++ % 4];
  wt_snprintf(s, sizeof names[0], "thread T%u", uid);
  return s;
}

/* The same at the start of a line. */
static const char *Thread_name(uint32_t uid) {
  if (uid == 0) return "Main thread";
  static char name[32];
  wt_snprintf(name, sizeof name, "Thread T%u", uid);
  return name;
}

/* "file:line:col", leaving out what is unknown (a 0 line or column). */
static void put_location(const wt_frame *f) {
  if (f->line > 0 && f->column > 0) put(" %s:%d:%d", f->file, f->line, f->column);
  else if (f->line > 0) put(" %s:%d", f->file, f->line);
  else put(" %s", f->file);
}

static void put_module(const char *module, uintptr_t offset) {
  if (module[0]) put(" (%s+0x%lx)", wt_base_name(module), (unsigned long)offset);
  else put(" (<unknown module>)");
}

/* The runtime's own functions are named wt_* and __weft_*; interceptors
 * carry libc's names and are shown, as the frame the program called. */
static bool runtime_frame(const char *fn) {
  return __builtin_strncmp(fn, "wt_", 3) == 0 || __builtin_strncmp(fn, "__weft_", 7) == 0;
}

/* Calls frame(f, k, arg) for each frame worth printing, innermost first,
 * a pc with inlined calls giving one frame per function; returns the
 * count.  Like ThreadSanitizer, a stack ends at main (what is above is
 * libc's start-up) and at the runtime's thread trampoline (above it is
 * libc's thread start); runtime frames below any application frame are
 * dropped, and so are libomp's. */
static int walk_stack(wt_ctx ctx, void (*frame)(const wt_frame *, int, void *), void *arg,
                      int max) {
  int n = wt_ctx_frames(ctx, pcs, WT_MAX_FRAMES, 0);
  int k = 0;
  for (int i = 0; i < n && k < max; i++) {
    /* libomp's frames between the program's say nothing to its author:
     * the construct's own line stands for them (intercept/omp.c). */
    if (pcs[i] - 1 - wt_omp_lo < wt_omp_hi - wt_omp_lo) continue;
    int m = wt_symbolize_code_all(pcs[i], frames, MAX_INLINE);
    for (int j = 0; j < m && k < max; j++) {
      const wt_frame *f = &frames[j];
      if (runtime_frame(f->function)) {
        if (k > 0) return k;
        continue;
      }
      frame(f, k++, arg);
      if (__builtin_strcmp(f->function, "main") == 0) return k;
    }
  }
  return k;
}

/* The same walk for the other outputs (JSON, fingerprints, suppressions),
 * so they all see the frames the text shows.  Report lock held. */
int wt_report_walk_stack(wt_ctx ctx, void (*frame)(const wt_frame *, int, void *), void *arg,
                         int max) {
  return walk_stack(ctx, frame, arg, max);
}

static void put_frame(const wt_frame *f, int k, void *arg) {
  put("    #%d %s", k, f->function[0] ? f->function : "??");
  if (f->file[0]) put_location(f);
  put_module(f->module, f->offset);
  put("\n");
}

static void put_stack(wt_ctx ctx) {
  if (walk_stack(ctx, put_frame, 0, 1 << 30) == 0) put("    <empty stack>\n");
}


static void put_access(const wt_report_access *a, bool previous) {
  const char *what;
  if (previous) what = a->atomic ? (a->write ? "Previous atomic write" : "Previous atomic read")
                                 : (a->write ? "Previous write" : "Previous read");
  else what = a->atomic ? (a->write ? "Atomic write" : "Atomic read")
                        : (a->write ? "Write" : "Read");
  put("  %s of size %u at 0x%lx by %s", what, a->size, (unsigned long)a->addr,
      thread_name(a->thread_uid));
  uint32_t items[WT_MAX_HELD];
  uint32_t n = wt_ctx_locks(a->ctx, items, WT_MAX_HELD);
  for (uint32_t i = 0; i < n; i++)
    put("%s%s M%u", i ? ", " : " (mutexes: ", items[i] & 1 ? "write" : "read", items[i] >> 1);
  put(n ? "):\n" : ":\n");
  put_stack(a->ctx);
  if (a->approximate)
    put("    (approximate: the first statement of this thread to touch these bytes in\n"
        "     the same epoch; the log of later statements no longer goes back so far)\n");
}

static void put_object_created(const char *word, uint32_t uid) {
  uintptr_t addr = 0;
  wt_ctx ctx = 0;
  bool destroyed = false;
  if (!wt_sync_describe(uid, &addr, &ctx, &destroyed)) {
    put("  %s M%u is already destroyed.\n", word, uid);
    return;
  }
  if (destroyed)
    put("  %s M%u is already destroyed. It was at 0x%lx, created at:\n", word, uid,
        (unsigned long)addr);
  else
    put("  %s M%u (0x%lx) created at:\n", word, uid, (unsigned long)addr);
  put_stack(ctx);
}

/* What a lock is called in a report: pthread mutexes and rwlocks are
 * all "mutex", as they always were; OpenMP's say what they are. */
static const char *lock_word(uint32_t uid, bool capital) {
  int kind = uid == ~0u ? WT_SYNC_MUTEX : wt_sync_kind_of(uid);
  if (kind == WT_SYNC_OMP_LOCK) return "OpenMP lock";
  if (kind == WT_SYNC_OMP_CRITICAL) return capital ? "Critical section" : "critical section";
  return capital ? "Mutex" : "mutex";
}

static void put_mutex_created(uint32_t uid) { put_object_created(lock_word(uid, true), uid); }

/* Each mutex held at either access, once, in order of first mention. */
static void put_mutexes(const wt_report *r) {
  uint32_t uids[2 * WT_MAX_HELD];
  uint32_t nuids = wt_report_mutexes(r, uids, 2 * WT_MAX_HELD);
  for (uint32_t i = 0; i < nuids; i++) put_mutex_created(uids[i]);
}

static void put_location_of(const wt_report *r) {
  const wt_report_loc *l = &r->loc;
  switch (l->kind) {
  case WT_LOC_GLOBAL: {
    /* The name is asked again (symbolize.c remembers the last answer)
     * rather than carried in the report. */
    char name[256];
    uintptr_t start = 0, offset = 0;
    size_t size = 0;
    if (!wt_symbolize_data(r->cur.addr, name, sizeof name, &start, &size))
      wt_snprintf(name, sizeof name, "??");
    char module[512];
    if (!wt_module_of(l->start, module, sizeof module, &offset)) module[0] = 0;
    put("  Location is global '%s' of size %zu at 0x%lx", name, l->size,
        (unsigned long)l->start);
    put_module(module, offset);
    put("\n");
    break;
  }
  case WT_LOC_HEAP:
    put("  Location is %sheap block of size %zu at 0x%lx allocated by %s:\n",
        l->freed ? "freed " : "", l->size, (unsigned long)l->start, thread_name(l->thread_uid));
    put_stack(l->ctx);
    break;
  case WT_LOC_STACK:
    put("  Location is stack of %s.\n", thread_name(l->thread_uid));
    break;
  case WT_LOC_TLS:
    put("  Location is TLS of %s.\n", thread_name(l->thread_uid));
    break;
  case WT_LOC_FD:
    if (l->ctx) {
      put("  Location is file descriptor %d created by %s at:\n", l->fd,
          thread_name(l->thread_uid));
      put_stack(l->ctx);
    } else {
      put("  Location is file descriptor %d, first used by %s.\n", l->fd,
          thread_name(l->thread_uid));
    }
    break;
  default:
    break;
  }
}

/* The main thread was not created by anyone: it is not described.  A
 * thread started where weft could not see it (glibc's timer threads, a
 * library's raw clone) has no creator to name. */
static void put_threads(const wt_report *r) {
  for (uint32_t i = 0; i < r->nthreads && i < WT_REPORT_THREADS; i++) {
    const wt_report_thread *th = &r->threads[i];
    if (th->uid == 0) continue;
    if (th->parent_uid == ~0u) {
      /* started by a library's own thread creation, or before weft */
      put("  Thread T%u (tid=%d, %s) was not created through an interceptor.\n", th->uid,
          th->os_tid, th->running ? "running" : "finished");
    } else {
      put("  Thread T%u (tid=%d, %s) created by %s at:\n", th->uid, th->os_tid,
          th->running ? "running" : "finished", thread_name(th->parent_uid));
      put_stack(th->create_ctx);
    }
    if (th->omp_region) {
      wt_frame f;
      wt_symbolize_code(th->omp_region, &f);
      put("  Thread T%u is OpenMP thread %u of the parallel region at", th->uid, th->omp_num);
      if (f.file[0]) put_location(&f);
      else put(" 0x%lx", (unsigned long)th->omp_region);
      put(" (when reported).\n");
    }
  }
}

/* What each thread of the accesses last did through a sync object, so
 * the missing edge can be seen (lastsync.c). */
static void put_last_syncs(const wt_report *r) {
  for (uint32_t i = 0; i < r->nsyncs && i < WT_REPORT_SYNCS; i++) {
    const wt_report_sync *s = &r->syncs[i];
    if (s->thread_uid == 0) put("  Main thread");
    else put("  Thread T%u", s->thread_uid);
    put(" last %s %s M%u at:\n", s->release ? "released" : "acquired",
        wt_sync_kind_name(s->sync_kind), s->sync_uid);
    put_stack(s->ctx);
  }
}

/* The fingerprint (fingerprint.c) every output shares, and with
 * suppression_hints the rules that would silence this report. */
static void put_fingerprint(const wt_report *r) {
  unsigned long long fp = (unsigned long long)r->fingerprint;
  if (wt_opt_suppression_hints) {
    char rule[320];
    if (wt_suppress_hint(r, rule, sizeof rule))
      put("  Suppress with: %s\n  or exactly: fingerprint:%016llx\n", rule, fp);
    else
      put("  Suppress with: fingerprint:%016llx\n", fp);
  }
  put("  Fingerprint: %016llx\n", fp);
}

static void copy_frame(const wt_frame *f, int k, void *arg) { *(wt_frame *)arg = *f; }

/* The innermost application frame of ctx (of pc if ctx has none). */
static void put_summary_at(wt_ctx ctx, uintptr_t pc, const char *kind) {
  static wt_frame top;
  __builtin_memset(&top, 0, sizeof top);
  if (walk_stack(ctx, copy_frame, &top, 1) == 0 && pc) {
    wt_symbolize_code_all(pc, frames, 1);
    top = frames[0];
  }
  put("SUMMARY: weft: %s", kind);
  if (top.file[0]) put_location(&top);
  else put_module(top.module, top.offset);
  put(" in %s\n", top.function[0] ? top.function : "??");
}

static void put_summary(const wt_report *r, const char *kind) {
  put_summary_at(r->cur.ctx, r->cur.pc, kind);
}

/* ---- lock reports ------------------------------------------------------- */
static const char *mode(uint32_t write) { return write ? "write" : "read"; }

/* Each lock once, in order of first mention. */
static void put_locks_created(const uint32_t *uids, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    uint32_t j = 0;
    while (j < i && uids[j] != uids[i]) j++;
    if (j == i && uids[i] != ~0u) put_mutex_created(uids[i]);
  }
}

/* Columns of at most 4 threads; a list past that. */
#define SCENARIO_COL 26
static void put_scenario(const wt_report *r) {
  uint32_t n = r->nedges;
  put("  Possible deadlock scenario:\n");
  if (n > 4) {
    for (uint32_t i = 0; i < n; i++) {
      const wt_report_edge *e = &r->edges[i];
      put("    %s holds M%u (%s) and waits for M%u (%s)\n", thread_name(e->thread_uid),
          e->held_uid, mode(e->held_write), e->next_uid, mode(e->next_write));
    }
    return;
  }
  char cell[64];
  put("    ");
  char head[64];
  for (uint32_t i = 0; i < n; i++) {
    /* One thread's orders: the columns are its paths, run side by side. */
    if (r->apart == WT_APART_ONE_THREAD)
      wt_snprintf(head, sizeof head, "%s, path %u", thread_name(r->edges[i].thread_uid), i + 1);
    else
      wt_snprintf(head, sizeof head, "%s", thread_name(r->edges[i].thread_uid));
    put("%-*s", i + 1 < n ? SCENARIO_COL : 0, head);
  }
  put("\n    ");
  for (uint32_t i = 0; i < n; i++) put("%-*s", i + 1 < n ? SCENARIO_COL : 0, "----");
  put("\n");
  for (uint32_t pass = 0; pass < 2; pass++)
    for (uint32_t i = 0; i < n; i++) {
      const wt_report_edge *e = &r->edges[i];
      if (pass == 0)
        wt_snprintf(cell, sizeof cell, "%s M%u", e->held_write ? "lock" : "rdlock", e->held_uid);
      else
        wt_snprintf(cell, sizeof cell, "%s M%u (waits)", e->next_write ? "lock" : "rdlock",
                 e->next_uid);
      put("    %*s%s\n", (int)(i * SCENARIO_COL), "", cell);
    }
}

static void put_lock_order(const wt_report *r) {
  uint32_t n = r->nedges;
  put("  Cycle in lock order graph:");
  for (uint32_t i = 0; i < n; i++) {
    uintptr_t addr = 0;
    wt_ctx ctx;
    bool destroyed;
    wt_sync_describe(r->edges[i].held_uid, &addr, &ctx, &destroyed);
    put(" M%u (0x%lx) =>", r->edges[i].held_uid, (unsigned long)addr);
  }
  put(" M%u\n", n ? r->edges[0].held_uid : 0);
  /* Why this run did not deadlock, when that is not luck of timing. */
  if (r->apart == WT_APART_ONE_THREAD)
    put("  %s orders were taken by %s only; %s threads running these paths at once deadlock.\n",
        n == 2 ? "Both" : "All", thread_name(r->edges[0].thread_uid), n == 2 ? "two" : "such");
  else if (r->apart == WT_APART_FORK_JOIN)
    put("  The threads that took these orders never ran at the same time in this run (thread\n"
        "  creation and join kept them apart); threads running these paths at once deadlock.\n");
  uint32_t uids[WT_REPORT_CYCLE];
  for (uint32_t i = 0; i < n; i++) {
    const wt_report_edge *e = &r->edges[i];
    uids[i] = e->held_uid;
    put("  %s M%u acquired (%s) here while holding %s M%u (%s) in %s:\n",
        lock_word(e->next_uid, true), e->next_uid, mode(e->next_write),
        lock_word(e->held_uid, false), e->held_uid, mode(e->held_write),
        thread_name(e->thread_uid));
    put_stack(e->next_ctx);
    put("  %s M%u previously acquired (%s) by the same thread here:\n",
        lock_word(e->held_uid, true), e->held_uid, mode(e->held_write));
    put_stack(e->held_ctx);
  }
  put_locks_created(uids, n);
  put_scenario(r);
}

static void put_deadlock(const wt_report *r) {
  uint32_t uids[WT_REPORT_CYCLE];
  for (uint32_t i = 0; i < r->nwaits; i++) {
    const wt_report_wait *w = &r->waits[i];
    uids[i] = w->lock_uid;
    if (w->lock_uid == ~0u) {
      put("  %s waits to join %s:\n", Thread_name(w->thread_uid), thread_name(w->holder_uid));
      put_stack(w->wait_ctx);
      continue;
    }
    put("  %s waits for %s M%u (%s), held by %s%s:\n", Thread_name(w->thread_uid),
        lock_word(w->lock_uid, false), w->lock_uid, mode(w->lock_write),
        thread_name(w->holder_uid), w->holder_gone ? ", which has ended" : "");
    put_stack(w->wait_ctx);
    if (w->holder_ctx) {
      put("  %s M%u acquired by %s here:\n", lock_word(w->lock_uid, true), w->lock_uid,
          thread_name(w->holder_uid));
      put_stack(w->holder_ctx);
    }
  }
  put_locks_created(uids, r->nwaits);
}

/* What each thread waits in, and where each object was made. */
static void put_all_blocked(const wt_report *r) {
  put("  Every thread is blocked in a wait that only another thread can end,\n"
      "  with no timeout:\n");
  for (uint32_t i = 0; i < r->nwaits; i++) {
    const wt_report_wait *w = &r->waits[i];
    const char *who = Thread_name(w->thread_uid);
    switch (w->wait_kind) {
    case WT_WAIT_JOIN:
      put("  %s waits to join %s:\n", who, thread_name(w->holder_uid));
      break;
    case WT_WAIT_LOCK:
      put("  %s waits for %s M%u (%s), held by %s:\n", who, lock_word(w->lock_uid, false),
          w->lock_uid, mode(w->lock_write), thread_name(w->holder_uid));
      break;
    case WT_WAIT_OMP_IDLE:
      put("  %s has done its part of a parallel region and waits for the next one:\n", who);
      break;
    default: {
      const char *what = w->wait_kind == WT_WAIT_COND  ? "on condition variable"
                         : w->wait_kind == WT_WAIT_SEM ? "on semaphore"
                                                       : "at barrier";
      /* No number: nothing has signalled or posted it yet. */
      if (w->lock_uid == ~0u)
        put("  %s waits %s 0x%lx, which nothing has signalled or posted:\n", who, what,
            (unsigned long)w->obj_addr);
      else
        put("  %s waits %s M%u:\n", who, what, w->lock_uid);
    }
    }
    put_stack(w->wait_ctx);
    /* Who could have woken it, once per object. */
    bool seen = false;
    for (uint32_t j = 0; j < i && !seen; j++) seen = r->waits[j].obj_addr == w->obj_addr;
    bool cond = w->wait_kind == WT_WAIT_COND, sem = w->wait_kind == WT_WAIT_SEM;
    if ((cond || sem) && w->lock_uid != ~0u && !seen) {
      const char *word = cond ? "Condition variable" : "Semaphore";
      const char *done = cond ? "signalled" : "posted";
      if (w->last_ctx) {
        put("  %s M%u was last %s by %s here:\n", word, w->lock_uid, done,
            thread_name(w->last_thread));
        put_stack(w->last_ctx);
      } else {
        put("  %s M%u has not been %s since it was %s.\n", word, w->lock_uid, done,
            cond ? "first used" : "initialized");
      }
    }
  }
  for (uint32_t i = 0; i < r->nwaits; i++) {
    const wt_report_wait *w = &r->waits[i];
    bool seen = false;
    for (uint32_t j = 0; j < i && !seen; j++) seen = r->waits[j].lock_uid == w->lock_uid;
    if (seen || w->lock_uid == ~0u) continue;
    put_object_created(w->wait_kind == WT_WAIT_COND  ? "Condition variable"
                       : w->wait_kind == WT_WAIT_SEM ? "Semaphore"
                       : w->wait_kind == WT_WAIT_BARRIER ? "Barrier"
                       : w->wait_kind == WT_WAIT_LOCK    ? lock_word(w->lock_uid, true)
                                                         : "Mutex",
                       w->lock_uid);
  }
}

static const char *obj_word(uint32_t kind) {
  switch (kind) {
  case WT_SYNC_MUTEX: return "mutex";
  case WT_SYNC_RWLOCK: return "rwlock";
  case WT_SYNC_SPIN: return "spin lock";
  case WT_SYNC_COND: return "condition variable";
  case WT_SYNC_BARRIER: return "barrier";
  case WT_SYNC_SEM: return "semaphore";
  case WT_SYNC_OMP_LOCK: return "OpenMP lock";
  case WT_SYNC_OMP_CRITICAL: return "critical section";
  default: return "object";
  }
}

/* "mutex M3 (0x...)" or "mutex at 0x..." for an object without a number. */
static const char *obj_name(uint32_t kind, uint32_t uid, uintptr_t addr) {
  static char buf[2][96];
  static unsigned next;
  char *b = buf[next++ % 2];
  if (uid != ~0u) wt_snprintf(b, sizeof buf[0], "%s M%u (0x%lx)", obj_word(kind), uid, (unsigned long)addr);
  else wt_snprintf(b, sizeof buf[0], "%s at 0x%lx", obj_word(kind), (unsigned long)addr);
  return b;
}

static void put_misuse(const wt_report *r) {
  const wt_report_misuse *m = &r->misuse;
  const char *who = thread_name(r->cur.thread_uid);
  const char *obj = obj_name(m->obj_kind, m->obj_uid, m->obj_addr);
  uint32_t uids[2 + WT_REPORT_CYCLE], n = 0;
  switch (r->kind) {
  case WT_R_OMP_UNLOCK_UNLOCKED:
    put("  Unset of %s by %s, which does not hold it:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  It is not set.\n");
    break;
  case WT_R_OMP_UNLOCK_FOREIGN:
    put("  Unset of %s by %s, which does not hold it:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  It is held by %s.\n", thread_name(m->other_thread));
    break;
  case WT_R_OMP_DOUBLE_LOCK:
  case WT_R_OMP_CRITICAL_NESTED:
    put(r->kind == WT_R_OMP_DOUBLE_LOCK ? "  Set of %s by %s, which already holds it:\n"
                                        : "  Entry into %s by %s, which is already inside it:\n",
        obj, who);
    put_stack(r->cur.ctx);
    put("  It was acquired by the same thread here:\n");
    put_stack(m->other_ctx);
    break;
  case WT_R_UNLOCK_UNLOCKED:
  case WT_R_RW_UNLOCK_UNLOCKED:
    put("  Unlock of %s by %s, which does not hold it:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  It is not locked.\n");
    break;
  case WT_R_BAD_TIMEOUT:
    put("  Timed wait on %s by %s with an invalid timeout:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  Its tv_nsec is outside 0..999999999: whenever the call has to wait, it fails with EINVAL instead.\n");
    break;
  case WT_R_UNLOCK_FOREIGN:
  case WT_R_RW_UNLOCK_FOREIGN:
    put("  Unlock of %s by %s, which does not hold it:\n", obj, who);
    put_stack(r->cur.ctx);
    if (m->other_thread != ~0u) put("  It is held by %s.\n", thread_name(m->other_thread));
    else put("  It is read-locked by other threads.\n");
    break;
  case WT_R_DOUBLE_LOCK:
  case WT_R_RW_DOUBLE_LOCK:
  case WT_R_SPIN_DOUBLE_LOCK:
    put("  Lock (%s) of %s by %s, which already holds it:\n", mode(m->write), obj, who);
    put_stack(r->cur.ctx);
    put("  It was acquired (%s) by the same thread here:\n", mode(m->other_write));
    put_stack(m->other_ctx);
    break;
  case WT_R_DESTROY_LOCKED:
  case WT_R_RW_DESTROY_LOCKED:
  case WT_R_INIT_LOCKED:
  case WT_R_RW_INIT_LOCKED:
    put("  %s of %s by %s:\n",
        r->kind == WT_R_INIT_LOCKED || r->kind == WT_R_RW_INIT_LOCKED ? "Initialization"
                                                                        : "Destroy",
        obj, who);
    put_stack(r->cur.ctx);
    if (m->other_thread != ~0u) put("  It is held by %s.\n", thread_name(m->other_thread));
    else put("  It is read-locked.\n");
    break;
  case WT_R_USE_DESTROYED:
  case WT_R_SEM_USE_DESTROYED:
  case WT_R_BARRIER_USE_DESTROYED:
  case WT_R_COND_USE_DESTROYED:
    put("  Use of %s by %s:\n", obj, who);
    put_stack(r->cur.ctx);
    if (m->other_ctx) {
      put("  It was destroyed by %s here:\n", thread_name(m->other_thread));
      put_stack(m->other_ctx);
    } else {
      put("  It was destroyed.\n");
    }
    break;
  case WT_R_USE_UNINIT:
    put("  Use of %s by %s:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  It was never initialized (type word 0x%x).\n", m->count);
    break;
  case WT_R_COND_USE_UNINIT:
    put("  Use of %s by %s:\n", obj, who);
    put_stack(r->cur.ctx);
    put("  It was never initialized: its memory holds neither pthread_cond_init's state nor\n"
        "  PTHREAD_COND_INITIALIZER.\n");
    break;
  case WT_R_COND_NO_MUTEX:
    put("  Wait on condition variable at 0x%lx by %s, with %s not held:\n",
        (unsigned long)m->cond_addr, who, obj);
    put_stack(r->cur.ctx);
    if (m->other_thread != ~0u) put("  The mutex is held by %s.\n", thread_name(m->other_thread));
    break;
  case WT_R_COND_TWO_MUTEXES:
    put("  Wait on condition variable at 0x%lx by %s with %s:\n",
        (unsigned long)m->cond_addr, who, obj);
    put_stack(r->cur.ctx);
    put("  %s waits on it with mutex M%u, from:\n", Thread_name(m->other_thread),
        m->other_uid);
    put_stack(m->other_ctx);
    if (m->other_uid != ~0u) uids[n++] = m->other_uid;
    break;
  case WT_R_JOIN_DETACHED:
    put("  Join of %s by %s:\n", thread_name(m->other_thread), who);
    put_stack(r->cur.ctx);
    put("  It was detached here:\n");
    put_stack(m->other_ctx);
    break;
  case WT_R_JOIN_JOINED:
    put("  Join of %s by %s:\n", thread_name(m->other_thread), who);
    put_stack(r->cur.ctx);
    put("  It was already joined here:\n");
    put_stack(m->other_ctx);
    break;
  case WT_R_JOIN_INVALID:
    put("  Join of thread id 0x%lx by %s:\n", (unsigned long)m->obj_addr, who);
    put_stack(r->cur.ctx);
    put("  No thread has had this id: the join returns ESRCH instead of reading it.\n");
    break;
  case WT_R_DETACH_DETACHED:
  case WT_R_DETACH_JOINED:
    put("  Detach of %s by %s:\n", thread_name(m->other_thread), who);
    put_stack(r->cur.ctx);
    put(r->kind == WT_R_DETACH_DETACHED ? "  It was already detached here:\n"
                                        : "  It was already joined here:\n");
    put_stack(m->other_ctx);
    break;
  case WT_R_EXIT_HOLDING:
    put("  %s exits while holding %u lock%s", Thread_name(r->cur.thread_uid), m->nlocks,
        m->nlocks == 1 ? "" : "s");
    if (m->other_thread != ~0u) put(", cancelled by %s", thread_name(m->other_thread));
    put(":\n");
    put_stack(r->cur.ctx);
    for (uint32_t i = 0; i < m->nlocks_kept; i++) {
      put("  %s M%u acquired (%s) here:\n", lock_word(m->locks[i].held_uid, true),
          m->locks[i].held_uid, mode(m->locks[i].held_write));
      put_stack(m->locks[i].held_ctx);
      uids[n++] = m->locks[i].held_uid;
    }
    if (m->nlocks > m->nlocks_kept) put("  ... and %u more.\n", m->nlocks - m->nlocks_kept);
    break;
  case WT_R_SIGNAL_UNSAFE: {
    const char *abbrev = sigabbrev_np((int)m->count);
    put("  Call of a function that is not async-signal-safe by %s, inside a handler\n"
        "  of signal %u (SIG%s) that can interrupt it anywhere, that same call included:\n",
        who, m->count, abbrev ? abbrev : "?");
    put_stack(r->cur.ctx);
    break;
  }
  case WT_R_COND_SIGNAL_UNCOVERED:
    put("  %s of %s by %s, which has not held mutex M%u since %s began to wait:\n",
        m->write ? "Broadcast" : "Signal", obj, who, m->other_uid,
        thread_name(m->other_thread));
    put_stack(r->cur.ctx);
    put("  %s waits on it with mutex M%u, from:\n", Thread_name(m->other_thread), m->other_uid);
    put_stack(m->other_ctx);
    put("  If the predicate changed between the waiter's check and its wait, this\n"
        "  wake-up finds no one and the waiter sleeps on a true predicate: change\n"
        "  the predicate with M%u held, then signal.\n", m->other_uid);
    if (m->other_uid != ~0u) uids[n++] = m->other_uid;
    break;
  case WT_R_BARRIER_DESTROY:
  case WT_R_SEM_DESTROY:
  case WT_R_COND_DESTROY:
  case WT_R_BARRIER_INIT:
  case WT_R_SEM_INIT:
    put("  %s of %s by %s while %u thread%s wait%s on it:\n",
        r->kind == WT_R_BARRIER_INIT || r->kind == WT_R_SEM_INIT ? "Initialization" : "Destroy", obj, who, m->count,
        m->count == 1 ? "" : "s", m->count == 1 ? "s" : "");
    put_stack(r->cur.ctx);
    break;
  }
  if (m->obj_uid != ~0u && (m->obj_kind == WT_SYNC_MUTEX || m->obj_kind == WT_SYNC_RWLOCK ||
                            m->obj_kind == WT_SYNC_SPIN))
    uids[n++] = m->obj_uid;
  put_locks_created(uids, n);
}

void wt_print_report(const wt_report *r) {
  const char *kind = wt_report_kind_name(r->kind);
  out.len = 0;
  out.truncated = false;
  put(RULE);
  put("WARNING: weft: %s (pid=%d)\n", kind, wt_getpid());
  switch (r->kind) {
  case WT_R_DATA_RACE:
  case WT_R_HEAP_USE_AFTER_FREE:
    put_access(&r->cur, false);
    put_access(&r->prev, true);
    put_mutexes(r);
    put_location_of(r);
    put_threads(r);
    put_last_syncs(r);
    put_fingerprint(r);
    put_summary(r, kind);
    break;
  case WT_R_LOCK_ORDER:
    put_lock_order(r);
    put_threads(r);
    put_fingerprint(r);
    put_summary_at(r->nedges ? r->edges[0].next_ctx : 0, 0, kind);
    break;
  case WT_R_DEADLOCK:
    put_deadlock(r);
    put_threads(r);
    put_fingerprint(r);
    put_summary_at(r->nwaits ? r->waits[0].wait_ctx : 0, 0, kind);
    break;
  case WT_R_ALL_BLOCKED:
    put_all_blocked(r);
    put_threads(r);
    put_fingerprint(r);
    put_summary_at(r->nwaits ? r->waits[0].wait_ctx : 0, 0, kind);
    break;
  default:
    put_misuse(r);
    put_threads(r);
    put_fingerprint(r);
    put_summary(r, kind);
    break;
  }
  flush();
}

/* Only when something was reported, unless verbosity asks for the
 * all-clear too: a clean run prints nothing. */
void wt_print_summary(unsigned nreports) {
  if (nreports == 0 && wt_opt_verbosity < 1) return;
  char line[64];
  int n = wt_snprintf(line, sizeof line, "weft: reported %u warnings\n", nreports);
  if (n > 0) wt_write_all(wt_log_fd(), line, (size_t)n);
}
