/* Symbolizing frames the runtime left raw (function "??", line 0: it ran
 * with symbolize=0, or its symbolizer was missing or died) from their
 * module and offset, with llvm-symbolizer, after the fact.
 * Batched: every distinct (module, offset) of every loaded report is asked
 * once, one llvm-symbolizer process per module and per few hundred
 * addresses.  Its JSON output is parsed with json-c and matched by address,
 * never by position.  A frame the symbolizer cannot name stays raw; an
 * inlined call becomes several frames, innermost first, as the runtime
 * prints them.  Fingerprints are never touched (see merge.c). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ADDRS_PER_RUN 256
#define MAX_OUTPUT ((size_t)256 << 20)
#ifndef RUN_TIMEOUT
#define RUN_TIMEOUT 120 /* seconds per symbolizer run */
#endif

struct key {
  const char *module;
  uint64_t offset;
  struct wr_frame *frames; /* the answer, NULL when none */
  size_t nframes;
};

struct keys {
  struct key *k;
  size_t n, cap;
};


static void collect(struct wr_report *r, struct wr_stack *s, void *ctx) {
  (void)r;
  struct keys *ks = ctx;
  for (size_t i = 0; i < s->n; i++) {
    struct wr_frame *f = &s->frames[i];
    if (!wr_frame_is_raw(f) || !f->module[0]) continue;
    if (ks->n == ks->cap) {
      ks->cap = ks->cap ? ks->cap * 2 : 256;
      ks->k = wr_xrealloc(ks->k, ks->cap * sizeof *ks->k);
    }
    ks->k[ks->n++] = (struct key){.module = f->module, .offset = f->offset};
  }
}

static int by_key(const void *pa, const void *pb) {
  const struct key *a = pa, *b = pb;
  int c = strcmp(a->module, b->module);
  if (c) return c;
  return a->offset < b->offset ? -1 : a->offset > b->offset;
}

static struct key *find(struct keys *ks, const char *module, uint64_t offset) {
  struct key probe = {.module = module, .offset = offset};
  return bsearch(&probe, ks->k, ks->n, sizeof *ks->k, by_key);
}

static const char *find_symbolizer(const char *given) {
  static char found[4096];
  if (given) return given;
  /* The one weft is built with first: older ones misread newer DWARF. */
  static const char *const names[] = {"llvm-symbolizer-19", "llvm-symbolizer"};
  const char *path = getenv("PATH");
  if (!path) path = "/usr/local/bin:/usr/bin:/bin";
  for (size_t n = 0; n < sizeof names / sizeof *names; n++) {
    for (const char *p = path; *p;) {
      size_t len = strcspn(p, ":");
      if (len && len + strlen(names[n]) + 2 < sizeof found) {
        memcpy(found, p, len);
        found[len] = '/';
        strcpy(found + len + 1, names[n]);
        struct stat st;
        if (stat(found, &st) == 0 && S_ISREG(st.st_mode) && access(found, X_OK) == 0)
          return found;
      }
      p += len;
      if (*p == ':') p++;
    }
  }
  return NULL;
}

/* Runs the symbolizer; returns its standard output (NUL-terminated, to be
 * freed) or NULL. */
static char *run(const char *symbolizer, char **argv, size_t *out_len) {
  int fds[2];
  if (pipe(fds) != 0) return NULL;
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return NULL;
  }
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 2);
    }
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    execv(symbolizer, argv);
    _exit(127);
  }
  close(fds[1]);
  char *buf = NULL;
  size_t len = 0, cap = 0;
  bool late = false;
  time_t deadline = time(NULL) + RUN_TIMEOUT;
  for (;;) {
    if (cap - len < 65536) {
      cap = cap ? cap * 2 : 1 << 17;
      buf = wr_xrealloc(buf, cap + 1);
    }
    /* A symbolizer that hangs (a huge or broken binary) must not hang
     * the CI job: past the deadline its frames stay raw. */
    struct pollfd p = {.fd = fds[0], .events = POLLIN};
    time_t left = deadline - time(NULL);
    int ready = left > 0 ? poll(&p, 1, (int)left * 1000) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      late = true;
      kill(pid, SIGKILL);
      break;
    }
    ssize_t got = read(fds[0], buf + len, cap - len);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    len += (size_t)got;
    if (len > MAX_OUTPUT) break;
  }
  close(fds[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (late || len > MAX_OUTPUT || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  *out_len = len;
  return buf;
}

static const char *jstr(json_object *o, const char *key) {
  json_object *v;
  if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
    return NULL;
  const char *s = json_object_get_string(v);
  size_t len = (size_t)json_object_get_string_len(v);
  return wr_utf8_check(s, len) == len ? s : NULL;
}

static int jint(json_object *o, const char *key) {
  json_object *v;
  if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
    return 0;
  int64_t x = json_object_get_int64(v);
  return x > 0 && x < 0x7fffffff ? (int)x : 0;
}

/* {"Address":"0x..","ModuleName":"..","Symbol":[{"FunctionName",..}]} */
static void take_answer(struct wr_set *set, struct keys *ks, const char *module,
                        json_object *o) {
  const char *addr = jstr(o, "Address");
  json_object *syms;
  if (!addr || strncmp(addr, "0x", 2) != 0) return;
  if (!json_object_object_get_ex(o, "Symbol", &syms) ||
      !json_object_is_type(syms, json_type_array))
    return;
  struct key *k = find(ks, module, strtoull(addr + 2, NULL, 16));
  size_t n = json_object_array_length(syms);
  if (!k || k->frames || n == 0) return;
  struct wr_frame *fr = wr_arena_alloc(&set->arena, n * sizeof *fr);
  size_t got = 0;
  for (size_t i = 0; i < n; i++) {
    json_object *s = json_object_array_get_idx(syms, i);
    if (!s || !json_object_is_type(s, json_type_object)) continue;
    const char *fn = jstr(s, "FunctionName"), *file = jstr(s, "FileName");
    if (!fn || !*fn || strcmp(fn, "??") == 0) continue;
    fr[got] = (struct wr_frame){
        .function = wr_arena_strdup(&set->arena, fn),
        .file = wr_arena_strdup(&set->arena, file ? file : ""),
        .line = jint(s, "Line"),
        .column = jint(s, "Column"),
        .module = module,
        .offset = k->offset,
    };
    got++;
  }
  if (got) {
    k->frames = fr;
    k->nframes = got;
  }
}

static void parse_output(struct wr_set *set, struct keys *ks, const char *module,
                         const char *out, size_t len) {
  struct json_tokener *tok = json_tokener_new_ex(WR_MAX_DEPTH);
  if (!tok) return;
  size_t pos = 0;
  while (pos < len) {
    while (pos < len && strchr(" \t\r\n", out[pos])) pos++;
    if (pos >= len) break;
    json_tokener_reset(tok);
    json_object *o = json_tokener_parse_ex(tok, out + pos, (int)(len - pos));
    if (!o) break;
    pos += json_tokener_get_parse_end(tok);
    if (json_object_is_type(o, json_type_array)) {
      for (size_t i = 0; i < json_object_array_length(o); i++) {
        json_object *e = json_object_array_get_idx(o, i);
        if (e && json_object_is_type(e, json_type_object)) take_answer(set, ks, module, e);
      }
    } else if (json_object_is_type(o, json_type_object)) {
      take_answer(set, ks, module, o);
    }
    json_object_put(o);
  }
  json_tokener_free(tok);
}

/* Asks about keys [from, to), all of one module. */
static bool symbolize_module(struct wr_set *set, struct keys *ks, const char *symbolizer,
                             size_t from, size_t to) {
  const char *module = ks->k[from].module;
  char *obj = malloc(strlen(module) + 7);
  char(*addrs)[20] = malloc(ADDRS_PER_RUN * sizeof *addrs);
  char **argv = malloc((ADDRS_PER_RUN + 8) * sizeof *argv);
  bool ok = obj && addrs && argv;
  if (ok) sprintf(obj, "--obj=%s", module);
  for (size_t at = from; ok && at < to; at += ADDRS_PER_RUN) {
    size_t n = to - at < ADDRS_PER_RUN ? to - at : ADDRS_PER_RUN, argc = 0;
    argv[argc++] = (char *)symbolizer;
    argv[argc++] = "--output-style=JSON";
    argv[argc++] = obj;
    for (size_t i = 0; i < n; i++) {
      snprintf(addrs[i], sizeof addrs[i], "0x%llx", (unsigned long long)ks->k[at + i].offset);
      argv[argc++] = addrs[i];
    }
    argv[argc] = NULL;
    size_t len;
    char *out = run(symbolizer, argv, &len);
    if (!out) {
      ok = false;
      break;
    }
    parse_output(set, ks, module, out, len);
    free(out);
  }
  free(obj);
  free(addrs);
  free(argv);
  return ok;
}

struct rewrite_ctx {
  struct wr_set *set;
  struct keys *ks;
};

/* The runtime prints no frame of its own (wt_*, __weft_*) and stops at
 * main (above it is libc's start-up); frames symbolized here follow the
 * same rules, so a stack reads the same whoever symbolized it. */
static bool hidden(const char *fn) {
  return strncmp(fn, "wt_", 3) == 0 || strncmp(fn, "__weft_", 7) == 0;
}

static void rewrite(struct wr_report *r, struct wr_stack *s, void *ctx) {
  (void)r;
  struct rewrite_ctx *c = ctx;
  size_t n = 0;
  bool changed = false;
  for (size_t i = 0; i < s->n; i++) {
    struct wr_frame *f = &s->frames[i];
    struct key *k = wr_frame_is_raw(f) && f->module[0] ? find(c->ks, f->module, f->offset) : NULL;
    if (k && k->frames) {
      n += k->nframes;
      changed = true;
    } else {
      n++;
    }
  }
  if (!changed) return;
  struct wr_frame *fr = wr_arena_alloc(&c->set->arena, n * sizeof *fr);
  size_t at = 0;
  bool at_main = false;
  for (size_t i = 0; i < s->n && !at_main; i++) {
    struct wr_frame *f = &s->frames[i];
    struct key *k = wr_frame_is_raw(f) && f->module[0] ? find(c->ks, f->module, f->offset) : NULL;
    size_t from = at;
    if (k && k->frames) {
      for (size_t j = 0; j < k->nframes; j++)
        if (!hidden(k->frames[j].function)) fr[at++] = k->frames[j];
    } else {
      fr[at++] = *f;
    }
    for (size_t j = from; j < at; j++)
      if (strcmp(fr[j].function, "main") == 0) {
        at = j + 1;
        at_main = true;
        break;
      }
  }
  s->frames = fr;
  s->n = at;
}

void wr_symbolize(struct wr_set *set, const struct wr_symbolize_opts *o) {
  struct keys ks = {0};
  for (size_t i = 0; i < set->n; i++) wr_for_each_stack(set->reports[i], collect, &ks);
  if (ks.n == 0) return;
  qsort(ks.k, ks.n, sizeof *ks.k, by_key);
  size_t u = 0;
  for (size_t i = 0; i < ks.n; i++)
    if (u == 0 || by_key(&ks.k[u - 1], &ks.k[i]) != 0) ks.k[u++] = ks.k[i];
  ks.n = u;

  const char *symbolizer = find_symbolizer(o->symbolizer);
  if (!symbolizer) {
    if (o->diag)
      fprintf(o->diag, "weft-report: warning: %zu frame%s not symbolized: no "
                       "llvm-symbolizer in PATH (use --symbolizer=PATH)\n",
              ks.n, ks.n == 1 ? " is" : "s are");
    free(ks.k);
    return;
  }
  for (size_t from = 0, to; from < ks.n; from = to) {
    for (to = from + 1; to < ks.n && strcmp(ks.k[to].module, ks.k[from].module) == 0; to++) {
    }
    const char *module = ks.k[from].module;
    struct stat st;
    bool ok;
    if (stat(module, &st) != 0 || !S_ISREG(st.st_mode)) {
      if (o->diag)
        fprintf(o->diag, "weft-report: warning: %zu frame%s in %s %s not symbolized: the "
                         "file is not there\n",
                to - from, to - from == 1 ? "" : "s", module, to - from == 1 ? "is" : "are");
      continue;
    }
    ok = symbolize_module(set, &ks, symbolizer, from, to);
    if (!ok && o->diag)
      fprintf(o->diag, "weft-report: warning: %s failed on %s; its frames stay raw\n",
              symbolizer, module);
  }

  struct rewrite_ctx ctx = {set, &ks};
  for (size_t i = 0; i < set->n; i++) {
    struct wr_report *r = set->reports[i];
    wr_for_each_stack(r, rewrite, &ctx);
    /* The summary names the current access's top frame; refresh it when
     * that frame was raw. */
    const struct wr_stack *s = wr_primary_stack(r);
    if (s && s->n && r->summary.line == 0 &&
        (strcmp(r->summary.function, "??") == 0 || !r->summary.function[0])) {
      r->summary.function = s->frames[0].function;
      r->summary.file = s->frames[0].file;
      r->summary.line = s->frames[0].line;
      r->summary.column = s->frames[0].column;
    }
  }
  free(ks.k);
}
