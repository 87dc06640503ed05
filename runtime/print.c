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

#define BUF_SIZE 65536
#define TAIL 128 /* kept for the truncation note and the closing rule */
#define MAX_INLINE 16
#define RULE "==================\n"

static const char *const kind_names[WT_R_KIND_COUNT] = {
    [WT_R_DATA_RACE] = "data race",
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
  int n = vsnprintf(out.buf + out.len, room, fmt, ap);
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

static const char *basename_of(const char *path) {
  const char *b = path;
  for (const char *p = path; *p; p++)
    if (*p == '/') b = p + 1;
  return b;
}

/* "main thread" / "thread T3", in a rotating set of buffers so that a
 * line can name two threads. */
static const char *thread_name(uint32_t uid) {
  static char names[4][32];
  static unsigned next;
  if (uid == 0) return "main thread";
  char *s = names[next++ % 4];
  snprintf(s, sizeof names[0], "thread T%u", uid);
  return s;
}

/* "file:line:col", leaving out what is unknown (a 0 line or column). */
static void put_location(const wt_frame *f) {
  if (f->line > 0 && f->column > 0) put(" %s:%d:%d", f->file, f->line, f->column);
  else if (f->line > 0) put(" %s:%d", f->file, f->line);
  else put(" %s", f->file);
}

static void put_module(const char *module, uintptr_t offset) {
  if (module[0]) put(" (%s+0x%lx)", basename_of(module), (unsigned long)offset);
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
 * dropped. */
static int walk_stack(wt_ctx ctx, void (*frame)(const wt_frame *, int, void *), void *arg,
                      int max) {
  int n = wt_ctx_frames(ctx, pcs, WT_MAX_FRAMES, 0);
  int k = 0;
  for (int i = 0; i < n && k < max; i++) {
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

static uint32_t lockset_of(wt_ctx ctx, uint32_t *items, uint32_t max) {
  wt_lockset ls = 0;
  uintptr_t pc;
  wt_ctx_frames(ctx, &pc, 1, &ls);
  return ls ? wt_lockset_items(ls, items, max) : 0;
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
  uint32_t n = lockset_of(a->ctx, items, WT_MAX_HELD);
  for (uint32_t i = 0; i < n; i++)
    put("%s%s M%u", i ? ", " : " (mutexes: ", items[i] & 1 ? "write" : "read", items[i] >> 1);
  put(n ? "):\n" : ":\n");
  put_stack(a->ctx);
}

/* Each mutex held at either access, once, in order of first mention. */
static void put_mutexes(const wt_report *r) {
  uint32_t uids[2 * WT_MAX_HELD], nuids = 0;
  uint32_t items[WT_MAX_HELD];
  const wt_report_access *acc[2] = {&r->cur, &r->prev};
  for (int a = 0; a < 2; a++) {
    uint32_t n = lockset_of(acc[a]->ctx, items, WT_MAX_HELD);
    for (uint32_t i = 0; i < n; i++) {
      uint32_t uid = items[i] >> 1, j = 0;
      while (j < nuids && uids[j] != uid) j++;
      if (j == nuids) uids[nuids++] = uid;
    }
  }
  for (uint32_t i = 0; i < nuids; i++) {
    uintptr_t addr = 0;
    wt_ctx ctx = 0;
    bool destroyed = false;
    if (!wt_sync_describe(uids[i], &addr, &ctx, &destroyed)) {
      put("  Mutex M%u is already destroyed.\n", uids[i]);
      continue;
    }
    if (destroyed)
      put("  Mutex M%u is already destroyed. It was at 0x%lx, created at:\n", uids[i],
          (unsigned long)addr);
    else
      put("  Mutex M%u (0x%lx) created at:\n", uids[i], (unsigned long)addr);
    put_stack(ctx);
  }
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
      snprintf(name, sizeof name, "??");
    char module[512];
    if (!wt_module_of(l->start, module, sizeof module, &offset)) module[0] = 0;
    put("  Location is global '%s' of size %zu at 0x%lx", name, l->size,
        (unsigned long)l->start);
    put_module(module, offset);
    put("\n");
    break;
  }
  case WT_LOC_HEAP:
    put("  Location is heap block of size %zu at 0x%lx allocated by %s:\n", l->size,
        (unsigned long)l->start, thread_name(l->thread_uid));
    put_stack(l->ctx);
    break;
  case WT_LOC_STACK:
    put("  Location is stack of %s.\n", thread_name(l->thread_uid));
    break;
  case WT_LOC_TLS:
    put("  Location is TLS of %s.\n", thread_name(l->thread_uid));
    break;
  default:
    break;
  }
}

/* The main thread was not created by anyone: it is not described. */
static void put_threads(const wt_report *r) {
  for (uint32_t i = 0; i < r->nthreads && i < 2; i++) {
    const wt_report_thread *th = &r->threads[i];
    if (th->uid == 0) continue;
    put("  Thread T%u (tid=%d, %s) created by %s at:\n", th->uid, th->os_tid,
        th->running ? "running" : "finished", thread_name(th->parent_uid));
    put_stack(th->create_ctx);
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

/* The innermost application frame of the current access. */
static void put_summary(const wt_report *r, const char *kind) {
  static wt_frame top;
  if (walk_stack(r->cur.ctx, copy_frame, &top, 1) == 0) {
    wt_symbolize_code_all(r->cur.pc, frames, 1);
    top = frames[0];
  }
  put("SUMMARY: weft: %s", kind);
  if (top.file[0]) put_location(&top);
  else put_module(top.module, top.offset);
  put(" in %s\n", top.function[0] ? top.function : "??");
}

void wt_print_report(const wt_report *r) {
  const char *kind = wt_report_kind_name(r->kind);
  out.len = 0;
  out.truncated = false;
  put(RULE);
  put("WARNING: weft: %s (pid=%d)\n", kind, wt_getpid());
  put_access(&r->cur, false);
  put_access(&r->prev, true);
  put_mutexes(r);
  put_location_of(r);
  put_threads(r);
  put_last_syncs(r);
  put_fingerprint(r);
  put_summary(r, kind);
  flush();
}

/* Only when something was reported, unless verbosity asks for the
 * all-clear too: a clean run prints nothing. */
void wt_print_summary(unsigned nreports) {
  if (nreports == 0 && wt_opt_verbosity < 1) return;
  char line[64];
  int n = snprintf(line, sizeof line, "weft: reported %u warnings\n", nreports);
  if (n > 0) wt_write_all(wt_log_fd(), line, (size_t)n);
}
