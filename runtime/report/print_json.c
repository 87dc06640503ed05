/* report_format=json: each report as one JSON object on one line (JSON
 * Lines), in the shape docs/report-schema.md defines (schema
 * "weft-report", version 1).  Like print.c it decides nothing: it shows
 * what report.c gathered, and the frames are the ones the text shows
 * (wt_report_walk_stack).  One static buffer, one write(2) per report
 * (print runs under the report lock); a report too big for it is cut
 * cleanly and marked "truncated": true (json.c).
 *
 * A new report kind adds its own fields in put_kind_fields; the common
 * ones (schema, version, kind, pid, fingerprint, summary, threads,
 * last_sync) come first for every kind. */
#include "json.h"

#include <stdio.h>

#define BUF_SIZE (256 * 1024)
#define MAX_INLINE 16

static char buf[BUF_SIZE];
static wt_json J;

static void put_frame(const wt_frame *f, int k, void *arg) {
  wt_json *j = arg;
  wt_json_item(j);
  wt_json_object(j);
  wt_json_key(j, "function");
  wt_json_str(j, f->function[0] ? f->function : "??");
  wt_json_key(j, "file");
  wt_json_str(j, f->file);
  wt_json_key(j, "line");
  wt_json_int(j, f->line);
  wt_json_key(j, "column");
  wt_json_int(j, f->column);
  wt_json_key(j, "module");
  wt_json_str(j, f->module);
  wt_json_key(j, "offset");
  wt_json_hex(j, f->offset);
  wt_json_end(j);
}

static void put_stack(const char *key, wt_ctx ctx) {
  wt_json_key(&J, key);
  wt_json_array(&J);
  wt_report_walk_stack(ctx, put_frame, &J, 1 << 30);
  wt_json_end(&J);
}


static void put_access(const wt_report_access *a, const char *role) {
  wt_json_item(&J);
  wt_json_object(&J);
  wt_json_key(&J, "role");
  wt_json_str(&J, role);
  wt_json_key(&J, "write");
  wt_json_bool(&J, a->write);
  wt_json_key(&J, "atomic");
  wt_json_bool(&J, a->atomic);
  wt_json_key(&J, "size");
  wt_json_int(&J, a->size);
  wt_json_key(&J, "address");
  wt_json_hex(&J, a->addr);
  wt_json_key(&J, "thread");
  wt_json_int(&J, a->thread_uid);
  if (a->approximate) {
    wt_json_key(&J, "approximate");
    wt_json_bool(&J, true);
  }
  wt_json_key(&J, "locks");
  wt_json_array(&J);
  uint32_t items[WT_MAX_HELD];
  uint32_t n = wt_ctx_locks(a->ctx, items, WT_MAX_HELD);
  for (uint32_t i = 0; i < n; i++) {
    wt_json_item(&J);
    wt_json_object(&J);
    wt_json_key(&J, "mutex");
    wt_json_int(&J, items[i] >> 1);
    wt_json_key(&J, "write");
    wt_json_bool(&J, items[i] & 1);
    wt_json_end(&J);
  }
  wt_json_end(&J);
  put_stack("stack", a->ctx);
  wt_json_end(&J);
}

/* Each mutex held at either access, once, in order of first mention. */
static void put_mutexes(const wt_report *r) {
  uint32_t uids[2 * WT_MAX_HELD];
  uint32_t nuids = wt_report_mutexes(r, uids, 2 * WT_MAX_HELD);
  wt_json_key(&J, "mutexes");
  wt_json_array(&J);
  for (uint32_t i = 0; i < nuids; i++) {
    uintptr_t addr = 0;
    wt_ctx ctx = 0;
    bool destroyed = true;
    bool known = wt_sync_describe(uids[i], &addr, &ctx, &destroyed);
    wt_json_item(&J);
    wt_json_object(&J);
    wt_json_key(&J, "id");
    wt_json_int(&J, uids[i]);
    if (known) {
      wt_json_key(&J, "address");
      wt_json_hex(&J, addr);
    }
    wt_json_key(&J, "destroyed");
    wt_json_bool(&J, destroyed);
    put_stack("stack", ctx);
    wt_json_end(&J);
  }
  wt_json_end(&J);
}

static void put_location(const wt_report *r) {
  const wt_report_loc *l = &r->loc;
  static const char *const kinds[] = {[WT_LOC_GLOBAL] = "global", [WT_LOC_HEAP] = "heap",
                                      [WT_LOC_STACK] = "stack", [WT_LOC_TLS] = "tls",
                                      [WT_LOC_FD] = "fd"};
  if (l->kind <= WT_LOC_UNKNOWN || l->kind > WT_LOC_FD) return;
  wt_json_key(&J, "location");
  wt_json_object(&J);
  wt_json_key(&J, "kind");
  wt_json_str(&J, kinds[l->kind]);
  wt_json_key(&J, "address");
  wt_json_hex(&J, l->start);
  wt_json_key(&J, "size");
  wt_json_int(&J, (long long)l->size);
  if (l->kind == WT_LOC_GLOBAL) {
    static char name[256], module[512];
    uintptr_t start = 0, offset = 0;
    size_t size = 0;
    if (!wt_symbolize_data(r->cur.addr, name, sizeof name, &start, &size))
      __builtin_memcpy(name, "??", 3);
    if (!wt_module_of(l->start, module, sizeof module, &offset)) module[0] = 0;
    wt_json_key(&J, "name");
    wt_json_str(&J, name);
    wt_json_key(&J, "module");
    wt_json_str(&J, module);
    wt_json_key(&J, "offset");
    wt_json_hex(&J, offset);
  } else {
    wt_json_key(&J, "thread");
    wt_json_int(&J, l->thread_uid);
  }
  if (l->kind == WT_LOC_HEAP && l->freed) {
    wt_json_key(&J, "freed");
    wt_json_bool(&J, true);
  }
  if (l->kind == WT_LOC_FD) {
    wt_json_key(&J, "fd");
    wt_json_int(&J, l->fd);
  }
  if (l->kind == WT_LOC_HEAP || l->kind == WT_LOC_FD) put_stack("stack", l->ctx);
  wt_json_end(&J);
}

static void put_threads(const wt_report *r) {
  wt_json_key(&J, "threads");
  wt_json_array(&J);
  for (uint32_t i = 0; i < r->nthreads && i < 2; i++) {
    const wt_report_thread *th = &r->threads[i];
    wt_json_item(&J);
    wt_json_object(&J);
    wt_json_key(&J, "id");
    wt_json_int(&J, th->uid);
    wt_json_key(&J, "tid");
    wt_json_int(&J, th->os_tid);
    wt_json_key(&J, "running");
    wt_json_bool(&J, th->running);
    if (th->parent_uid != ~0u) { /* the main thread has no creator */
      wt_json_key(&J, "parent");
      wt_json_int(&J, th->parent_uid);
    }
    put_stack("stack", th->create_ctx);
    if (th->omp_region) {
      wt_json_key(&J, "omp_thread");
      wt_json_int(&J, th->omp_num);
    }
    wt_json_end(&J);
  }
  wt_json_end(&J);
}

static void put_last_sync(const wt_report *r) {
  wt_json_key(&J, "last_sync");
  wt_json_array(&J);
  for (uint32_t i = 0; i < r->nsyncs && i < WT_REPORT_SYNCS; i++) {
    const wt_report_sync *s = &r->syncs[i];
    wt_json_item(&J);
    wt_json_object(&J);
    wt_json_key(&J, "thread");
    wt_json_int(&J, s->thread_uid);
    wt_json_key(&J, "op");
    wt_json_str(&J, s->release ? "release" : "acquire");
    wt_json_key(&J, "object");
    wt_json_str(&J, wt_sync_kind_name(s->sync_kind));
    wt_json_key(&J, "mutex");
    wt_json_int(&J, s->sync_uid);
    put_stack("stack", s->ctx);
    wt_json_end(&J);
  }
  wt_json_end(&J);
}

static void copy_frame(const wt_frame *f, int k, void *arg) { *(wt_frame *)arg = *f; }

/* The innermost shown frame of the first identifying stack, as the text
 * SUMMARY line names it. */
static void put_summary(const wt_report *r) {
  static wt_frame top, inl[MAX_INLINE];
  top = (wt_frame){.function = "??"};
  if (!r->nstacks || wt_report_walk_stack(r->stacks[0], copy_frame, &top, 1) == 0) {
    if ((r->kind == WT_R_DATA_RACE || r->kind == WT_R_HEAP_USE_AFTER_FREE) && r->cur.pc) {
      wt_symbolize_code_all(r->cur.pc, inl, 1);
      top = inl[0];
    }
  }
  wt_json_key(&J, "summary");
  wt_json_object(&J);
  wt_json_key(&J, "function");
  wt_json_str(&J, top.function[0] ? top.function : "??");
  wt_json_key(&J, "file");
  wt_json_str(&J, top.file);
  wt_json_key(&J, "line");
  wt_json_int(&J, top.line);
  wt_json_key(&J, "column");
  wt_json_int(&J, top.column);
  wt_json_end(&J);
}

static void put_kind_fields(const wt_report *r) {
  switch (r->kind) {
  case WT_R_DATA_RACE:
  case WT_R_HEAP_USE_AFTER_FREE:
    wt_json_key(&J, "accesses");
    wt_json_array(&J);
    put_access(&r->cur, "current");
    put_access(&r->prev, "previous");
    wt_json_end(&J);
    put_location(r);
    put_mutexes(r);
    break;
  case WT_R_LOCK_ORDER: {
    static const char *const apart[] = {"concurrent", "one_thread", "fork_join"};
    wt_json_key(&J, "orders_taken");
    wt_json_str(&J, r->apart < 3 ? apart[r->apart] : "concurrent");
  }
    /* fall through: and its identifying stacks */
  default: /* a kind without fields of its own: its identifying stacks */
    wt_json_key(&J, "stacks");
    wt_json_array(&J);
    for (uint32_t i = 0; i < r->nstacks && i < WT_REPORT_STACKS; i++) {
      wt_json_item(&J);
      wt_json_array(&J);
      wt_report_walk_stack(r->stacks[i], put_frame, &J, 1 << 30);
      wt_json_end(&J);
    }
    wt_json_end(&J);
    break;
  }
}

void wt_print_report_json(const wt_report *r) {
  char fp[24];
  wt_snprintf(fp, sizeof fp, "%016llx", (unsigned long long)r->fingerprint);
  wt_json_begin(&J, buf, sizeof buf);
  wt_json_key(&J, "schema");
  wt_json_str(&J, "weft-report");
  wt_json_key(&J, "version");
  wt_json_int(&J, 1);
  wt_json_key(&J, "kind");
  wt_json_str(&J, wt_report_kind_name(r->kind));
  wt_json_key(&J, "pid");
  wt_json_int(&J, wt_getpid());
  wt_json_key(&J, "fingerprint");
  wt_json_str(&J, fp);
  put_summary(r);
  if (wt_opt_suppression_hints) {
    char rule[320], exact[48];
    wt_json_key(&J, "suppress");
    wt_json_array(&J);
    if (wt_suppress_hint(r, rule, sizeof rule)) {
      wt_json_item(&J);
      wt_json_str(&J, rule);
    }
    wt_snprintf(exact, sizeof exact, "fingerprint:%s", fp);
    wt_json_item(&J);
    wt_json_str(&J, exact);
    wt_json_end(&J);
  }
  put_kind_fields(r);
  put_threads(r);
  put_last_sync(r);
  size_t n = wt_json_finish(&J);
  wt_write_all(wt_report_fd(), buf, n);
}

/* Not a report: how often a printed one was found again (repeats.c), at
 * exit.  "kind" "repeats" keeps it apart for readers that count report
 * lines; "of" names the kind of the report it counts.  Its own small
 * buffer: at exit another thread may be printing a report into buf. */
void wt_print_repeats_json(int kind, uint64_t fingerprint, unsigned seen, unsigned pairs) {
  char fp[24], line[512];
  wt_json j;
  wt_snprintf(fp, sizeof fp, "%016llx", (unsigned long long)fingerprint);
  wt_json_begin(&j, line, sizeof line);
  wt_json_key(&j, "schema");
  wt_json_str(&j, "weft-report");
  wt_json_key(&j, "version");
  wt_json_int(&j, 1);
  wt_json_key(&j, "kind");
  wt_json_str(&j, "repeats");
  wt_json_key(&j, "pid");
  wt_json_int(&j, wt_getpid());
  wt_json_key(&j, "fingerprint");
  wt_json_str(&j, fp);
  wt_json_key(&j, "of");
  wt_json_str(&j, wt_report_kind_name(kind));
  wt_json_key(&j, "seen");
  wt_json_int(&j, seen);
  wt_json_key(&j, "pairs");
  wt_json_int(&j, pairs);
  size_t n = wt_json_finish(&j);
  wt_write_all(wt_report_fd(), line, n);
}
