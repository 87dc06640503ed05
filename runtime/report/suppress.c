/* Suppressions: the file named by the suppressions option, read once at
 * start-up, and the check every report goes through before it is
 * printed (wt_suppressed, called by wt_report_emit for every kind).
 * Nothing here prints reports; the notes at exit are printed here.
 *
 * The syntax is ThreadSanitizer's, so existing files work: one rule a
 * line, `kind:pattern`; blank lines and lines starting with `#` are
 * skipped; leading and trailing blanks are ignored.  A pattern matches a
 * name when it occurs anywhere in it, `*` matching any run of characters;
 * `^` at the start anchors it to the name's start, `$` to its end.
 *
 * Which rules apply to a report depends on its kind, by the kind's name
 * (so kinds added later need no change here):
 *   race:        data races (any kind named "... race ..."): any frame of
 *                either access, of the threads' creation stacks and of
 *                the heap block's allocation stack; the global's name and
 *                module.  A frame matches by function, file or module.
 *   race_top:    data races: the function of the top frame of either
 *                access.
 *   deadlock:    lock-order inversions and deadlocks: any frame of the
 *                report's stacks.
 *   mutex:       other lock misuse (double lock, bad unlock, ...): likewise.
 *   thread:      thread reports (weft has none yet); signal: likewise.
 *   called_from_lib:  every kind: any frame whose module (executable or
 *                shared library path) matches.
 *   fingerprint: every kind: the report whose fingerprint is exactly the
 *                16 hex digits given (weft's addition).
 * One rule is charged per suppressed report: the first that matches,
 * fingerprints first, then frame by frame, rules in file order.
 * A malformed line (no colon, unknown kind, empty pattern, a fingerprint
 * that is not 16 hex digits) or a file that cannot be read stops the
 * program before it runs, naming file:line (exit 2). */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum rule_type { R_RACE, R_RACE_TOP, R_DEADLOCK, R_MUTEX, R_THREAD, R_SIGNAL,
                 R_CALLED_FROM_LIB, R_FINGERPRINT, R_NTYPES };
static const char *const type_names[R_NTYPES] = {
    "race", "race_top", "deadlock", "mutex", "thread", "signal", "called_from_lib",
    "fingerprint"};

typedef struct rule {
  int type;
  int line;
  const char *text;      /* the pattern as written */
  const char *glob;      /* with the implicit leading/trailing '*' */
  uint64_t fingerprint;
  _Atomic unsigned hits;
} rule;

static rule *rules;
static uint32_t nrules;
static const char *file_name;
static _Atomic unsigned nsuppressed;

/* ---- parsing ----------------------------------------------------------- */

static char *read_file(const char *path, size_t *len) {
  int fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) wt_die("suppressions: cannot open '%s': %s", path, strerror(errno));
  struct stat st;
  if (syscall(SYS_fstat, fd, &st) != 0 || !S_ISREG(st.st_mode))
    wt_die("suppressions: '%s' is not a regular file", path);
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = wt_alloc(cap);
  for (;;) {
    if (n + 1 >= cap) { /* the file grew while read */
      char *bigger = wt_alloc(cap * 2);
      __builtin_memcpy(bigger, buf, n);
      wt_free(buf, cap);
      buf = bigger;
      cap *= 2;
    }
    long r = syscall(SYS_read, fd, buf + n, cap - 1 - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) wt_die("suppressions: cannot read '%s': %s", path, strerror(errno));
    if (r == 0) break;
    n += (size_t)r;
  }
  syscall(SYS_close, fd);
  buf[n] = 0;
  *len = n;
  return buf;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* '^' and '$' become the absence of the implicit '*' at that end; text
 * after a '$' is ignored, as ThreadSanitizer does. */
static const char *compile(const char *pat) {
  size_t len = wt_strlen(pat);
  char *g = wt_alloc(len + 3), *o = g;
  const char *p = pat;
  if (*p == '^') p++;
  else *o++ = '*';
  const char *dollar = wt_strchr(p, '$');
  size_t body = dollar ? (size_t)(dollar - p) : wt_strlen(p);
  __builtin_memcpy(o, p, body);
  o += body;
  if (!dollar) *o++ = '*';
  *o = 0;
  return g;
}

static void parse_line(char *s, int line) {
  while (blank(*s)) s++;
  char *end = s + wt_strlen(s);
  while (end > s && blank(end[-1])) *--end = 0;
  if (!*s || *s == '#') return;
  char *colon = wt_strchr(s, ':');
  if (!colon)
    wt_die("%s:%d: expected <kind>:<pattern>, found '%s'", file_name, line, s);
  *colon = 0;
  char *pat = colon + 1;
  while (blank(*pat)) pat++;
  int type = -1;
  for (int i = 0; i < R_NTYPES; i++)
    if (!wt_strcmp(s, type_names[i])) type = i;
  if (type < 0)
    wt_die("%s:%d: unknown suppression kind '%s' (race, race_top, deadlock, mutex, thread, "
           "signal, called_from_lib, fingerprint)", file_name, line, s);
  if (!*pat) wt_die("%s:%d: empty pattern after '%s:'", file_name, line, s);
  rule *r = &rules[nrules++];
  r->type = type;
  r->line = line;
  r->text = pat;
  if (type == R_FINGERPRINT) {
    uint64_t v = 0;
    bool ok = wt_strlen(pat) == 16;
    for (const char *p = pat; ok && *p; p++) {
      int d = hexval(*p);
      ok = d >= 0;
      v = v << 4 | (uint64_t)(d & 15);
    }
    if (!ok)
      wt_die("%s:%d: a fingerprint is 16 hex digits, found '%s'", file_name, line, pat);
    r->fingerprint = v;
  } else {
    r->glob = compile(pat);
  }
}

void wt_suppress_load(const char *path) {
  if (!path || !*path) return;
  file_name = path;
  size_t len;
  char *buf = read_file(path, &len);
  uint32_t lines = 1;
  for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
  rules = wt_alloc(lines * sizeof(rule));
  int line = 1;
  for (char *p = buf; p < buf + len; line++) {
    char *nl = wt_strchr(p, '\n');
    if (nl) *nl = 0;
    if (wt_strlen(p) != (size_t)((nl ? nl : buf + len) - p))
      wt_die("%s:%d: the line contains a NUL byte", file_name, line);
    parse_line(p, line);
    if (!nl) break;
    p = nl + 1;
  }
  if (wt_opt_verbosity >= 1)
    wt_printf("weft: %u suppression rules from %s\n", nrules, path);
}

/* ---- matching ------------------------------------------------------------ */

static bool glob(const char *p, const char *s) {
  const char *star = 0, *resume = 0;
  while (*s) {
    if (*p == '*') {
      star = p++;
      resume = s;
    } else if (*p && *p == *s) {
      p++;
      s++;
    } else if (star) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (*p == '*') p++;
  return !*p;
}

/* An empty or unknown name never matches (as in ThreadSanitizer). */
static bool match(const rule *r, const char *name) {
  return name && *name && wt_strcmp(name, "??") != 0 && glob(r->glob, name);
}

typedef struct scan {
  int type;              /* R_RACE, R_DEADLOCK, ... or -1 */
  bool top;              /* also race_top on frame 0 */
  rule *hit;
} scan;

static void check_frame(const wt_frame *f, int k, void *arg) {
  scan *sc = arg;
  if (sc->hit) return;
  for (uint32_t i = 0; i < nrules; i++) {
    rule *r = &rules[i];
    if (r->type == sc->type &&
        (match(r, f->function) || match(r, f->file) || match(r, f->module))) {
      sc->hit = r;
      return;
    }
    /* As in ThreadSanitizer, race_top: names a function only. */
    if (r->type == R_RACE_TOP && sc->top && k == 0 && match(r, f->function)) {
      sc->hit = r;
      return;
    }
    if (r->type == R_CALLED_FROM_LIB && match(r, f->module)) {
      sc->hit = r;
      return;
    }
  }
}

static void check_stack(scan *sc, wt_ctx ctx, bool top) {
  if (sc->hit || !ctx) return;
  sc->top = top;
  wt_report_walk_stack(ctx, check_frame, sc, 1 << 30);
  sc->top = false;
}

static int type_of(int kind) {
  const char *t = wt_suppress_type(kind);
  if (!t) return -1;
  for (int i = 0; i < R_NTYPES; i++)
    if (!wt_strcmp(t, type_names[i])) return i;
  return -1;
}

static void check_global(scan *sc, const wt_report *r) {
  char name[256], module[512];
  uintptr_t start = 0, offset = 0;
  size_t size = 0;
  bool named = wt_symbolize_data(r->cur.addr, name, sizeof name, &start, &size);
  bool in_module = wt_module_of(r->loc.start, module, sizeof module, &offset);
  for (uint32_t i = 0; i < nrules && !sc->hit; i++)
    if (rules[i].type == R_RACE &&
        ((named && match(&rules[i], name)) || (in_module && match(&rules[i], module))))
      sc->hit = &rules[i];
}

bool wt_suppressed(const wt_report *r) {
  if (!nrules) return false;
  scan sc = {.type = type_of(r->kind)};
  for (uint32_t i = 0; i < nrules && !sc.hit; i++)
    if (rules[i].type == R_FINGERPRINT && rules[i].fingerprint == r->fingerprint)
      sc.hit = &rules[i];
  bool race = sc.type == R_RACE;
  for (uint32_t i = 0; i < r->nstacks && i < WT_REPORT_STACKS; i++)
    check_stack(&sc, r->stacks[i], race);
  for (uint32_t i = 0; i < r->nthreads && i < 2; i++)
    check_stack(&sc, r->threads[i].create_ctx, false);
  if (race && r->loc.kind == WT_LOC_HEAP) check_stack(&sc, r->loc.ctx, false);
  if (race && r->loc.kind == WT_LOC_GLOBAL && !sc.hit) check_global(&sc, r);
  if (!sc.hit) return false;
  atomic_fetch_add_explicit(&sc.hit->hits, 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&nsuppressed, 1, memory_order_relaxed);
  return true;
}

unsigned wt_suppressed_count(void) {
  return atomic_load_explicit(&nsuppressed, memory_order_relaxed);
}

/* Declared with each kind in kinds.def, not guessed from its name. */
const char *wt_suppress_type(int kind) {
  static const char *const types[WT_R_KIND_COUNT] = {
#define WT_KIND(e, name, supp) [e] = supp,
#include "kinds.def"
#undef WT_KIND
  };
  return kind >= 0 && kind < WT_R_KIND_COUNT ? types[kind] : 0;
}

static void top_function(const wt_frame *f, int k, void *arg) {
  char *out = arg;
  size_t len = wt_strlen(f->function);
  if (len >= 256) len = 255;
  __builtin_memcpy(out, f->function, len);
  out[len] = 0;
}

/* A name with pattern characters in it would not match itself. */
bool wt_suppress_hint(const wt_report *r, char *buf, size_t cap) {
  const char *type = wt_suppress_type(r->kind);
  if (!type || r->nstacks == 0) return false;
  char fn[256] = "";
  wt_report_walk_stack(r->stacks[0], top_function, fn, 1);
  if (!fn[0] || !wt_strcmp(fn, "??") || fn[0] == '^' || strpbrk(fn, "*$\n")) return false;
  int n = wt_snprintf(buf, cap, "%s:%s", !wt_strcmp(type, "race") ? "race_top" : type, fn);
  return n > 0 && (size_t)n < cap;
}

void wt_suppress_print_summary(void) {
  unsigned n = wt_suppressed_count();
  if (!n) return;
  wt_printf("weft: suppressed %u reports\n", n);
  if (!wt_opt_print_suppressions) return;
  wt_printf("weft: suppression rules that matched (hits, rule, where):\n");
  for (uint32_t i = 0; i < nrules; i++) {
    unsigned hits = atomic_load_explicit(&rules[i].hits, memory_order_relaxed);
    if (hits)
      wt_printf("  %u %s:%s (%s:%d)\n", hits, type_names[rules[i].type], rules[i].text,
                file_name, rules[i].line);
  }
}
