/* SARIF 2.1.0 output, for code-scanning uploads (GitHub and others): one
 * run, one rule per report kind, one result per unique report.  A result's
 * location is the top source frame of the current access (or of the first
 * acquisition of a lock cycle); the other access, the mutexes' and the
 * allocation's sites are related locations; each access's stack is a
 * thread flow (outermost call first, so the path ends at the access) and a
 * SARIF stack (innermost first, as the spec orders them).  The weft
 * fingerprint is the partial fingerprint, so alerts follow a bug across
 * runs.  With --source-root, files under it get URIs relative to it
 * (uriBaseId %SRCROOT%), which is how code scanning maps them to the
 * repository; other absolute paths become file:// URIs.
 * Built as a json-c tree and printed once: json-c does the escaping, and
 * its objects keep insertion order, so the output is stable. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "report.h"

#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define BASE_ID "%SRCROOT%"

struct ctx {
  const struct wr_output_opts *o;
  char *root;      /* --source-root as given, without trailing '/' */
  char *root_real; /* and resolved, NULL when it does not exist */
};

/* ---- URIs ----------------------------------------------------------------- */

static void uri_escape(char *dst, const char *src) {
  static const char hex[] = "0123456789ABCDEF";
  for (; *src; src++) {
    unsigned char c = (unsigned char)*src;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        strchr("-._~/", c)) {
      *dst++ = (char)c;
    } else {
      *dst++ = '%';
      *dst++ = hex[c >> 4];
      *dst++ = hex[c & 15];
    }
  }
  *dst = '\0';
}

static const char *under(const char *file, const char *dir) {
  if (!dir) return NULL;
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/') return file[0] == '/' && file[1] ? file + 1 : NULL;
  if (strncmp(file, dir, n) == 0 && file[n] == '/' && file[n + 1]) return file + n + 1;
  return NULL;
}

static json_object *artifact_location(struct ctx *c, const char *file) {
  json_object *al = json_object_new_object();
  const char *rel = NULL;
  if (file[0] == '/') {
    rel = under(file, c->root);
    if (!rel) rel = under(file, c->root_real);
  } else {
    rel = file;
    while (rel[0] == '.' && rel[1] == '/') rel += 2;
  }
  char *uri = malloc(strlen(file) * 3 + 8);
  if (!uri) {
    fputs("weft-report: error: out of memory\n", stderr);
    exit(2);
  }
  if (rel) {
    uri_escape(uri, rel);
  } else {
    strcpy(uri, "file://");
    uri_escape(uri + 7, file);
  }
  json_object_object_add(al, "uri", json_object_new_string(uri));
  if (rel && c->root) json_object_object_add(al, "uriBaseId", json_object_new_string(BASE_ID));
  free(uri);
  return al;
}

/* ---- locations ------------------------------------------------------------ */

static json_object *text_message(const char *text) {
  json_object *m = json_object_new_object();
  json_object_object_add(m, "text", json_object_new_string(text));
  return m;
}

static json_object *physical(struct ctx *c, const char *file, int line, int column) {
  json_object *p = json_object_new_object();
  json_object_object_add(p, "artifactLocation", artifact_location(c, file));
  if (line > 0) {
    json_object *region = json_object_new_object();
    json_object_object_add(region, "startLine", json_object_new_int(line));
    if (column > 0) json_object_object_add(region, "startColumn", json_object_new_int(column));
    json_object_object_add(p, "region", region);
  }
  return p;
}

static json_object *logical(const char *function) {
  json_object *arr = json_object_new_array();
  json_object *l = json_object_new_object();
  json_object_object_add(l, "name", json_object_new_string(function));
  json_object_object_add(l, "kind", json_object_new_string("function"));
  json_object_array_add(arr, l);
  return arr;
}

/* A location for a frame with a source line; NULL for one without. */
static json_object *frame_location(struct ctx *c, const struct wr_frame *f, int id,
                                   const char *message) {
  if (!f || !wr_frame_has_source(f)) return NULL;
  json_object *l = json_object_new_object();
  if (id >= 0) json_object_object_add(l, "id", json_object_new_int(id));
  json_object_object_add(l, "physicalLocation", physical(c, f->file, f->line, f->column));
  if (strcmp(f->function, "??") != 0)
    json_object_object_add(l, "logicalLocations", logical(f->function));
  if (message) json_object_object_add(l, "message", text_message(message));
  return l;
}

/* Code scanning wants a location with a start line on every result: the
 * top source frame, else the summary's file, else the module of the top
 * frame; line 1 stands for an unknown line. */
static json_object *primary_location(struct ctx *c, const struct wr_report *r) {
  const struct wr_stack *s = wr_primary_stack(r);
  const struct wr_frame *f = s ? wr_top_frame(s) : NULL;
  json_object *l = frame_location(c, f, -1, NULL);
  if (l) return l;
  l = json_object_new_object();
  if (r->summary.file[0])
    json_object_object_add(l, "physicalLocation",
                           physical(c, r->summary.file, r->summary.line > 0 ? r->summary.line : 1,
                                    r->summary.line > 0 ? r->summary.column : 0));
  else
    json_object_object_add(l, "physicalLocation",
                           physical(c, f && f->module[0] ? f->module : "unknown", 1, 0));
  if (strcmp(r->summary.function, "??") != 0)
    json_object_object_add(l, "logicalLocations", logical(r->summary.function));
  return l;
}

/* Outermost first: a code-scanning path reads from the thread's start to
 * the access. */
static json_object *thread_flow(struct ctx *c, const struct wr_stack *s, const char *message) {
  json_object *locs = json_object_new_array();
  int depth = 0;
  for (size_t i = s->n; i-- > 0;) {
    const struct wr_frame *f = &s->frames[i];
    json_object *l = frame_location(c, f, -1, f->function);
    if (!l) continue;
    json_object *tfl = json_object_new_object();
    json_object_object_add(tfl, "location", l);
    json_object_object_add(tfl, "nestingLevel", json_object_new_int(depth++));
    json_object_array_add(locs, tfl);
  }
  if (json_object_array_length(locs) == 0) {
    json_object_put(locs);
    return NULL;
  }
  json_object *tf = json_object_new_object();
  json_object_object_add(tf, "message", text_message(message));
  json_object_object_add(tf, "locations", locs);
  return tf;
}

static json_object *sarif_stack(struct ctx *c, const struct wr_stack *s, const char *message) {
  json_object *frames = json_object_new_array();
  for (size_t i = 0; i < s->n; i++) {
    const struct wr_frame *f = &s->frames[i];
    json_object *sf = json_object_new_object();
    json_object *l = frame_location(c, f, -1, NULL);
    if (!l && strcmp(f->function, "??") != 0) {
      l = json_object_new_object();
      json_object_object_add(l, "logicalLocations", logical(f->function));
    }
    if (l) json_object_object_add(sf, "location", l);
    if (f->module[0]) json_object_object_add(sf, "module", json_object_new_string(wr_basename(f->module)));
    json_object_array_add(frames, sf);
  }
  json_object *st = json_object_new_object();
  json_object_object_add(st, "message", text_message(message));
  json_object_object_add(st, "frames", frames);
  return st;
}

/* ---- text ----------------------------------------------------------------- */

static void describe_access(char *buf, size_t len, const struct wr_access *a) {
  char tb[32];
  const struct wr_frame *f = wr_top_frame(&a->stack);
  char sb[32];
  int n = snprintf(buf, len, "%s%s by %s", wr_access_verb(a, false), wr_of_size(a->size, sb),
                   wr_thread_name(a->thread, tb));
  if (f && n > 0 && (size_t)n < len) {
    char pb[4096];
    if (wr_frame_has_source(f))
      snprintf(buf + n, len - (size_t)n, " in %s (%s:%d)", f->function,
               wr_display_path(f->file, pb, sizeof pb), f->line);
    else
      snprintf(buf + n, len - (size_t)n, " in %s", f->function);
  }
}

static void describe_location(char *buf, size_t len, const struct wr_location *l) {
  char tb[32];
  buf[0] = '\0';
  if (!l->present) return;
  if (strcmp(l->kind, "global") == 0 && l->name[0])
    snprintf(buf, len, " on global '%s'", l->name);
  else if (strcmp(l->kind, "heap") == 0 && l->size >= 0)
    snprintf(buf, len, " on a heap block of size %lld", l->size);
  else if (strcmp(l->kind, "stack") == 0 && l->has_thread)
    snprintf(buf, len, " on the stack of %s", wr_thread_name(l->thread, tb));
  else if (strcmp(l->kind, "tls") == 0 && l->has_thread)
    snprintf(buf, len, " on thread-local storage of %s", wr_thread_name(l->thread, tb));
}

static char upper(char ch) {
  return ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
}

static char *message(const struct wr_unique *u) {
  const struct wr_report *r = u->report;
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (!m) return NULL;
  char a0[4352], a1[4352], where[512], pb[4096];
  if (r->naccesses >= 2) {
    describe_access(a0, sizeof a0, &r->accesses[0]);
    describe_access(a1, sizeof a1, &r->accesses[1]);
    describe_location(where, sizeof where, &r->location);
    a0[0] = (char)(a0[0] - 'a' + 'A'); /* a verb: lower case */
    fprintf(m, "%c%s%s: %s races with the previous %s.", upper(r->kind[0]), r->kind + 1,
            where, a0, a1);
  } else if (r->naccesses == 1) {
    describe_access(a0, sizeof a0, &r->accesses[0]);
    fprintf(m, "%c%s: %s.", upper(r->kind[0]), r->kind + 1, a0);
  } else {
    fprintf(m, "%c%s in %s", upper(r->kind[0]), r->kind + 1, r->summary.function);
    if (r->summary.file[0])
      fprintf(m, " (%s:%d)", wr_display_path(r->summary.file, pb, sizeof pb), r->summary.line);
    if (r->ncycle) {
      fputs(": mutexes acquired in a cycle:", m);
      for (size_t i = 0; i < r->ncycle; i++) fprintf(m, " M%ld ->", r->cycle[i].mutex);
      fprintf(m, " M%ld", r->cycle[0].mutex);
    }
    fputc('.', m);
  }
  fprintf(m, " Seen %zu time%s in %zu process%s.", u->count, u->count == 1 ? "" : "s", u->npids,
          u->npids == 1 ? "" : "es");
  fclose(m);
  return text;
}

/* ---- rules ---------------------------------------------------------------- */

static const struct {
  const char *kind, *name, *text;
} known[] = {
    {"data race", "DataRace",
     "Two threads accessed the same memory, at least one of them writing, and nothing "
     "ordered one access before the other (no lock held in common, no release/acquire "
     "pair, no thread create or join between them)."},
    {"lock-order inversion", "LockOrderInversion",
     "Mutexes were acquired in orders that form a cycle: threads that take them at the "
     "same time can deadlock."},
    {"deadlock", "Deadlock", "Threads waited for each other's mutexes and none could proceed."},
    {"deadlock (all threads blocked)", "AllThreadsBlocked",
     "Every thread was blocked in a wait that only another thread could end (a condition "
     "variable, a semaphore, a barrier, a join), with no timeout: the program hung."},
};

static json_object *rule(const char *kind) {
  const char *name = NULL, *text = NULL;
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (strcmp(known[i].kind, kind) == 0) {
      name = known[i].name;
      text = known[i].text;
    }
  char camel[256], fallback[320];
  if (!name) {
    size_t n = 0;
    bool up = true;
    for (const char *p = kind; *p && n + 1 < sizeof camel; p++) {
      char ch = *p;
      bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
      if (!alnum) {
        up = true;
        continue;
      }
      camel[n++] = up ? upper(ch) : ch;
      up = false;
    }
    camel[n] = '\0';
    name = n ? camel : "Report";
    snprintf(fallback, sizeof fallback, "weft reported a %.200s.", kind);
    text = fallback;
  }
  char shortd[300];
  snprintf(shortd, sizeof shortd, "%c%.250s", upper(kind[0]), kind + 1);

  json_object *d = json_object_new_object();
  json_object_object_add(d, "id", json_object_new_string(kind));
  json_object_object_add(d, "name", json_object_new_string(name));
  json_object *sd = json_object_new_object();
  json_object_object_add(sd, "text", json_object_new_string(shortd));
  json_object_object_add(d, "shortDescription", sd);
  json_object *fd = json_object_new_object();
  json_object_object_add(fd, "text", json_object_new_string(text));
  json_object_object_add(d, "fullDescription", fd);
  json_object *help = json_object_new_object();
  json_object_object_add(help, "text",
                         json_object_new_string("Run `weft-report explain --fingerprint <F> "
                                                "<logs>` for the accesses, the locks each side "
                                                "held and the missing happens-before edge."));
  json_object_object_add(d, "help", help);
  json_object *cfg = json_object_new_object();
  json_object_object_add(cfg, "level", json_object_new_string("error"));
  json_object_object_add(d, "defaultConfiguration", cfg);
  json_object *props = json_object_new_object();
  json_object *tags = json_object_new_array();
  json_object_array_add(tags, json_object_new_string("concurrency"));
  json_object_array_add(tags, json_object_new_string("reliability"));
  json_object_object_add(props, "tags", tags);
  json_object_object_add(props, "precision", json_object_new_string("high"));
  json_object_object_add(props, "problem.severity", json_object_new_string("error"));
  json_object_object_add(d, "properties", props);
  return d;
}

/* ---- results -------------------------------------------------------------- */

static void add_related(json_object *arr, json_object *loc) {
  if (loc) json_object_array_add(arr, loc);
}

static json_object *result(struct ctx *c, const struct wr_unique *u, int rule_index) {
  const struct wr_report *r = u->report;
  json_object *res = json_object_new_object();
  json_object_object_add(res, "ruleId", json_object_new_string(r->kind));
  json_object_object_add(res, "ruleIndex", json_object_new_int(rule_index));
  json_object_object_add(res, "level", json_object_new_string("error"));
  char *text = message(u);
  json_object_object_add(res, "message", text_message(text ? text : r->kind));
  free(text);

  json_object *locs = json_object_new_array();
  json_object_array_add(locs, primary_location(c, r));
  json_object_object_add(res, "locations", locs);

  char msg[4608], tb[32];
  int id = 1;
  json_object *related = json_object_new_array();
  json_object *flows = json_object_new_array();
  json_object *stacks = json_object_new_array();
  for (size_t i = 0; i < r->naccesses; i++) {
    const struct wr_access *a = &r->accesses[i];
    char sb[32];
    snprintf(msg, sizeof msg, "%s%s%s by %s", i ? "previous " : "", wr_access_verb(a, false),
             wr_of_size(a->size, sb), wr_thread_name(a->thread, tb));
    if (i > 0) add_related(related, frame_location(c, wr_top_frame(&a->stack), id++, msg));
    json_object *tf = thread_flow(c, &a->stack, msg);
    if (tf) json_object_array_add(flows, tf);
    json_object_array_add(stacks, sarif_stack(c, &a->stack, msg));
  }
  for (size_t i = 0; i < r->ncycle; i++) {
    const struct wr_cycle_edge *e = &r->cycle[i];
    long next = r->cycle[(i + 1) % r->ncycle].mutex;
    snprintf(msg, sizeof msg, "M%ld acquired while holding M%ld", next, e->mutex);
    if (i > 0) add_related(related, frame_location(c, wr_top_frame(&e->acquire), id++, msg));
    json_object *tf = thread_flow(c, &e->acquire, msg);
    if (tf) json_object_array_add(flows, tf);
    json_object_array_add(stacks, sarif_stack(c, &e->acquire, msg));
    snprintf(msg, sizeof msg, "M%ld acquired", e->mutex);
    add_related(related, frame_location(c, wr_top_frame(&e->held), id++, msg));
  }
  for (size_t i = 0; i < r->nstacks; i++) {
    snprintf(msg, sizeof msg, "stack %zu", i + 1);
    if (i > 0) add_related(related, frame_location(c, wr_top_frame(&r->stacks[i]), id++, msg));
    json_object *tf = thread_flow(c, &r->stacks[i], msg);
    if (tf) json_object_array_add(flows, tf);
    json_object_array_add(stacks, sarif_stack(c, &r->stacks[i], msg));
  }
  for (size_t i = 0; i < r->nmutexes; i++) {
    const struct wr_mutex *mx = &r->mutexes[i];
    snprintf(msg, sizeof msg, "mutex M%ld created", mx->id);
    add_related(related, frame_location(c, wr_top_frame(&mx->stack), id++, msg));
  }
  if (r->location.present && r->location.stack.n) {
    snprintf(msg, sizeof msg, "%s allocated", strcmp(r->location.kind, "heap") == 0
                                                   ? "heap block"
                                                   : r->location.kind);
    add_related(related, frame_location(c, wr_top_frame(&r->location.stack), id++, msg));
  }

  if (json_object_array_length(flows)) {
    json_object *cf = json_object_new_object();
    json_object_object_add(cf, "threadFlows", flows);
    json_object *cfs = json_object_new_array();
    json_object_array_add(cfs, cf);
    json_object_object_add(res, "codeFlows", cfs);
  } else {
    json_object_put(flows);
  }
  if (json_object_array_length(stacks))
    json_object_object_add(res, "stacks", stacks);
  else
    json_object_put(stacks);
  if (json_object_array_length(related))
    json_object_object_add(res, "relatedLocations", related);
  else
    json_object_put(related);

  json_object *pf = json_object_new_object();
  json_object_object_add(pf, "weftFingerprint/v1", json_object_new_string(r->fingerprint));
  json_object_object_add(res, "partialFingerprints", pf);
  json_object *props = json_object_new_object();
  json_object_object_add(props, "occurrences", json_object_new_int64((int64_t)u->count));
  json_object_object_add(props, "processes", json_object_new_int64((int64_t)u->npids));
  json_object_object_add(res, "properties", props);
  return res;
}

int wr_sarif(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o) {
  struct ctx c = {.o = o};
  if (o->source_root && o->source_root[0]) {
    c.root = strdup(o->source_root);
    if (!c.root) return -1;
    size_t n = strlen(c.root);
    while (n > 1 && c.root[n - 1] == '/') c.root[--n] = '\0';
    c.root_real = realpath(c.root, NULL);
  }

  json_object *rules = json_object_new_array();
  json_object *results = json_object_new_array();
  const char **kinds = calloc(m->n + 1, sizeof *kinds);
  size_t nkinds = 0;
  if (!kinds) return -1;
  for (size_t i = 0; i < m->n; i++) {
    const char *kind = m->u[i].report->kind;
    size_t k = 0;
    while (k < nkinds && strcmp(kinds[k], kind) != 0) k++;
    if (k == nkinds) {
      kinds[nkinds++] = kind;
      json_object_array_add(rules, rule(kind));
    }
    json_object_array_add(results, result(&c, &m->u[i], (int)k));
  }
  free(kinds);

  json_object *driver = json_object_new_object();
  json_object_object_add(driver, "name", json_object_new_string("weft"));
  json_object_object_add(driver, "version", json_object_new_string(o->version));
  json_object_object_add(driver, "semanticVersion", json_object_new_string(o->version));
  json_object_object_add(driver, "rules", rules);
  json_object *tool = json_object_new_object();
  json_object_object_add(tool, "driver", driver);

  json_object *run = json_object_new_object();
  json_object_object_add(run, "tool", tool);
  if (c.root) {
    /* Viewers resolve %SRCROOT% through this; code scanning uses the
     * checkout instead, so an absolute path here is harmless. */
    const char *abs = c.root_real ? c.root_real : c.root;
    if (abs[0] == '/') {
      char *uri = malloc(strlen(abs) * 3 + 10);
      if (uri) {
        strcpy(uri, "file://");
        uri_escape(uri + 7, abs);
        if (uri[strlen(uri) - 1] != '/') strcat(uri, "/");
        json_object *base = json_object_new_object();
        json_object *loc = json_object_new_object();
        json_object_object_add(loc, "uri", json_object_new_string(uri));
        json_object_object_add(base, BASE_ID, loc);
        json_object_object_add(run, "originalUriBaseIds", base);
        free(uri);
      }
    }
  }
  json_object_object_add(run, "results", results);
  json_object *runs = json_object_new_array();
  json_object_array_add(runs, run);

  json_object *root = json_object_new_object();
  json_object_object_add(root, "$schema", json_object_new_string(SARIF_SCHEMA));
  json_object_object_add(root, "version", json_object_new_string("2.1.0"));
  json_object_object_add(root, "runs", runs);

  const char *s = json_object_to_json_string_ext(
      root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
  int status = s && fputs(s, out) >= 0 && fputc('\n', out) != EOF ? 0 : -1;
  json_object_put(root);
  free(c.root);
  free(c.root_real);
  return status;
}
