/* Reading JSON Lines logs: finding the files (a directory's, recursively),
 * splitting them into lines (with a cap on a line's length), parsing each
 * line with json-c (with a cap on nesting) and validating it against
 * schema version 1 into the report model.
 * Whatever the bytes, this file either returns a complete report or says
 * what is wrong and where (file:line, the field's path, the column of a
 * syntax error); it never trusts a field it has not checked.  Unknown
 * fields are ignored, as the schema asks; a report the runtime marked
 * truncated may lack fields past its head.  Strings come out as valid
 * UTF-8 without control characters.  Interpretation of reports belongs
 * to the outputs, not here. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- validation ----------------------------------------------------------- */

struct ctx {
  struct wr_arena *a;
  bool lenient; /* a truncated report: missing fields take defaults */
  char path[256]; /* the field being checked, "accesses[0].stack[2].line" */
  size_t plen;
  char *err;
  size_t errlen;
};

static bool fail(struct ctx *c, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (c->plen)
    snprintf(c->err, c->errlen, "%s: %s", c->path, msg);
  else
    snprintf(c->err, c->errlen, "%s", msg);
  return false;
}

/* The path grows and shrinks with the recursion; a path too long for the
 * buffer is cut, which only shortens messages. */
static size_t push_key(struct ctx *c, const char *key) {
  size_t old = c->plen;
  int n = snprintf(c->path + old, sizeof c->path - old, "%s%s", old ? "." : "", key);
  if (n > 0) c->plen = old + (size_t)n < sizeof c->path ? old + (size_t)n : sizeof c->path - 1;
  return old;
}

static size_t push_index(struct ctx *c, size_t i) {
  size_t old = c->plen;
  int n = snprintf(c->path + old, sizeof c->path - old, "[%zu]", i);
  if (n > 0) c->plen = old + (size_t)n < sizeof c->path ? old + (size_t)n : sizeof c->path - 1;
  return old;
}

static void pop(struct ctx *c, size_t old) {
  c->plen = old;
  c->path[old] = '\0';
}

static const char *type_name(json_object *o) {
  switch (json_object_get_type(o)) {
  case json_type_null: return "null";
  case json_type_boolean: return "a boolean";
  case json_type_double: return "a fractional number";
  case json_type_int: return "an integer";
  case json_type_object: return "an object";
  case json_type_array: return "an array";
  case json_type_string: return "a string";
  }
  return "an unknown type";
}

/* Looks up key in obj.  Returns false (with the message set) when it is
 * missing and required; *out is NULL when it is missing and optional. */
static bool member(struct ctx *c, json_object *obj, const char *key, bool required,
                   json_object **out) {
  *out = NULL;
  if (!json_object_object_get_ex(obj, key, out)) {
    if (required && !c->lenient) return fail(c, "missing field \"%s\"", key);
    return true;
  }
  if (!*out) { /* json-c's null */
    push_key(c, key);
    return fail(c, "expected a value, got null");
  }
  return true;
}

static bool want_type(struct ctx *c, json_object *v, json_type t, const char *what) {
  if (json_object_is_type(v, t)) return true;
  return fail(c, "expected %s, got %s", what, type_name(v));
}

static bool get_str(struct ctx *c, json_object *obj, const char *key, bool required,
                    const char *dflt, const char **out) {
  json_object *v;
  *out = dflt;
  if (!member(c, obj, key, required, &v)) return false;
  if (!v) return true;
  size_t old = push_key(c, key);
  bool ok = want_type(c, v, json_type_string, "a string");
  if (ok) {
    const char *s = json_object_get_string(v);
    size_t len = (size_t)json_object_get_string_len(v);
    /* json-c decodes "\u0000" into the string; C strings cannot hold it. */
    size_t bad = wr_utf8_check(s, len);
    if (bad < len)
      ok = s[bad] ? fail(c, "invalid UTF-8 in string at byte %zu", bad)
                  : fail(c, "string contains a NUL character");
    else {
      /* Control characters would reach terminals (escape sequences) and
       * line-based outputs such as baselines; no weft string has them. */
      char *d = wr_arena_strndup(c->a, s, len);
      for (size_t i = 0; i < len; i++)
        if ((unsigned char)d[i] < 0x20 || d[i] == 0x7f) d[i] = '?';
      *out = d;
    }
  }
  if (ok) pop(c, old);
  return ok;
}

static bool get_int(struct ctx *c, json_object *obj, const char *key, bool required,
                    long long min, long long max, long long *out) {
  json_object *v;
  if (!member(c, obj, key, required, &v)) return false;
  if (!v) return true;
  size_t old = push_key(c, key);
  if (!want_type(c, v, json_type_int, "an integer")) return false;
  errno = 0;
  int64_t x = json_object_get_int64(v);
  /* json-c saturates numbers beyond int64 (and keeps larger unsigned ones
   * as uint64), so a saturated value is out of range here too. */
  if (x < min || x > max || x == INT64_MAX || x == INT64_MIN)
    return fail(c, "%s out of range (%lld..%lld)", json_object_to_json_string(v), min, max);
  *out = x;
  pop(c, old);
  return true;
}

static bool get_bool(struct ctx *c, json_object *obj, const char *key, bool required,
                     bool dflt, bool *out) {
  json_object *v;
  *out = dflt;
  if (!member(c, obj, key, required, &v)) return false;
  if (!v) return true;
  size_t old = push_key(c, key);
  if (!want_type(c, v, json_type_boolean, "true or false")) return false;
  *out = json_object_get_boolean(v);
  pop(c, old);
  return true;
}

static bool is_hex(const char *s, size_t max_digits) {
  if (s[0] != '0' || s[1] != 'x' || !s[2]) return false;
  size_t n = strspn(s + 2, "0123456789abcdefABCDEF");
  return s[2 + n] == '\0' && n <= max_digits;
}

/* Addresses and offsets are strings "0x..." of at most 64 bits. */
static bool get_hex(struct ctx *c, json_object *obj, const char *key, bool required,
                    const char **text, uint64_t *value) {
  const char *s;
  if (!get_str(c, obj, key, required, "", &s)) return false;
  if (text) *text = s;
  if (!*s) {
    if (value) *value = 0;
    return true;
  }
  if (!is_hex(s, 16)) {
    push_key(c, key); /* the message names the field; no pop on failure */
    return fail(c, "expected a hexadecimal string \"0x...\" of at most 16 digits");
  }
  if (value) *value = strtoull(s + 2, NULL, 16);
  return true;
}

/* Arrays: the element count is checked before anything is allocated, so a
 * huge array costs what its line already cost. */
static bool get_array(struct ctx *c, json_object *obj, const char *key, bool required,
                      json_object **arr, size_t *n) {
  json_object *v;
  *arr = NULL;
  *n = 0;
  if (!member(c, obj, key, required, &v)) return false;
  if (!v) return true;
  size_t old = push_key(c, key);
  if (!want_type(c, v, json_type_array, "an array")) return false;
  pop(c, old);
  *arr = v;
  *n = json_object_array_length(v);
  return true;
}

static bool get_object(struct ctx *c, json_object *obj, const char *key, bool required,
                       json_object **out) {
  if (!member(c, obj, key, required, out)) return false;
  if (!*out) return true;
  size_t old = push_key(c, key);
  if (!want_type(c, *out, json_type_object, "an object")) return false;
  pop(c, old);
  return true;
}

/* Runs parse on every element of obj[key], each an object. */
typedef bool (*elem_fn)(struct ctx *c, json_object *elem, void *out, size_t i);

static bool each(struct ctx *c, json_object *obj, const char *key, bool required,
                 size_t elem_size, void **items, size_t *n, elem_fn parse) {
  json_object *arr;
  *items = NULL;
  if (!get_array(c, obj, key, required, &arr, n)) return false;
  if (!arr || *n == 0) return true;
  *items = wr_arena_alloc(c->a, elem_size * *n);
  size_t old = push_key(c, key);
  for (size_t i = 0; i < *n; i++) {
    size_t at = push_index(c, i);
    json_object *e = json_object_array_get_idx(arr, i);
    if (!e || !json_object_is_type(e, json_type_object))
      return fail(c, "expected an object, got %s", e ? type_name(e) : "null");
    if (!parse(c, e, (char *)*items + i * elem_size, i)) return false;
    pop(c, at);
  }
  pop(c, old);
  return true;
}

#define INT_FIELD(c, obj, key, req, min, max, dst)                                  \
  do {                                                                              \
    long long v_ = (dst);                                                           \
    if (!get_int(c, obj, key, req, min, max, &v_)) return false;                    \
    (dst) = v_;                                                                     \
  } while (0)

#define ID_MAX 0x7fffffffLL

static bool parse_frame(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_frame *f = out;
  if (!get_str(c, o, "function", true, "??", &f->function)) return false;
  if (!get_str(c, o, "file", true, "", &f->file)) return false;
  INT_FIELD(c, o, "line", true, 0, ID_MAX, f->line);
  INT_FIELD(c, o, "column", true, 0, ID_MAX, f->column);
  if (!get_str(c, o, "module", true, "", &f->module)) return false;
  if (!get_hex(c, o, "offset", true, NULL, &f->offset)) return false;
  if (!f->function[0]) f->function = "??";
  return true;
}

static bool parse_stack(struct ctx *c, json_object *o, const char *key, bool required,
                        struct wr_stack *s) {
  void *items;
  if (!each(c, o, key, required, sizeof(struct wr_frame), &items, &s->n, parse_frame))
    return false;
  s->frames = items;
  return true;
}

static bool parse_lock(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_lock *l = out;
  INT_FIELD(c, o, "mutex", true, 0, ID_MAX, l->mutex);
  return get_bool(c, o, "write", true, true, &l->write);
}

static bool parse_access(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_access *a = out;
  void *locks;
  if (!get_str(c, o, "role", true, "", &a->role)) return false;
  if (!get_bool(c, o, "write", true, false, &a->write)) return false;
  if (!get_bool(c, o, "atomic", true, false, &a->atomic)) return false;
  a->size = -1; /* stays so only in a truncated report */
  INT_FIELD(c, o, "size", true, 0, INT64_MAX - 1, a->size);
  if (!get_hex(c, o, "address", true, &a->address, NULL)) return false;
  a->thread = -1;
  INT_FIELD(c, o, "thread", true, 0, ID_MAX, a->thread);
  if (!each(c, o, "locks", true, sizeof(struct wr_lock), &locks, &a->nlocks, parse_lock))
    return false;
  a->locks = locks;
  return parse_stack(c, o, "stack", true, &a->stack);
}

static bool parse_thread(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_thread *t = out;
  bool running;
  json_object *v;
  INT_FIELD(c, o, "id", true, 0, ID_MAX, t->id);
  t->tid = -1;
  INT_FIELD(c, o, "tid", false, 0, INT64_MAX - 1, t->tid);
  t->running = -1;
  if (!member(c, o, "running", false, &v)) return false;
  if (v) {
    if (!get_bool(c, o, "running", true, false, &running)) return false;
    t->running = running;
  }
  t->parent = -1;
  INT_FIELD(c, o, "parent", false, 0, ID_MAX, t->parent);
  t->has_parent = t->parent >= 0;
  return parse_stack(c, o, "stack", true, &t->stack);
}

static bool parse_mutex(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_mutex *m = out;
  INT_FIELD(c, o, "id", true, 0, ID_MAX, m->id);
  if (!get_hex(c, o, "address", false, &m->address, NULL)) return false;
  if (!get_bool(c, o, "destroyed", false, false, &m->destroyed)) return false;
  return parse_stack(c, o, "stack", true, &m->stack);
}

static bool parse_sync(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_sync *s = out;
  INT_FIELD(c, o, "thread", true, 0, ID_MAX, s->thread);
  if (!get_str(c, o, "op", true, "", &s->op)) return false;
  if (!get_str(c, o, "object", true, "", &s->object)) return false;
  s->mutex = -1;
  INT_FIELD(c, o, "mutex", false, 0, ID_MAX, s->mutex);
  s->has_mutex = s->mutex >= 0;
  return parse_stack(c, o, "stack", false, &s->stack);
}

static bool parse_cycle_edge(struct ctx *c, json_object *o, void *out, size_t i) {
  (void)i;
  struct wr_cycle_edge *e = out;
  INT_FIELD(c, o, "mutex", true, 0, ID_MAX, e->mutex);
  e->thread = -1;
  INT_FIELD(c, o, "thread", false, 0, ID_MAX, e->thread);
  e->has_thread = e->thread >= 0;
  if (!parse_stack(c, o, "held_stack", false, &e->held)) return false;
  return parse_stack(c, o, "acquire_stack", false, &e->acquire);
}

/* "stacks": [[FRAME, ...], ...], the identifying stacks of kinds without
 * fields of their own. */
static bool parse_stacks(struct ctx *c, json_object *o, struct wr_report *r) {
  json_object *arr;
  if (!get_array(c, o, "stacks", false, &arr, &r->nstacks)) return false;
  if (!arr || !r->nstacks) return true;
  r->stacks = wr_arena_alloc(c->a, r->nstacks * sizeof *r->stacks);
  size_t old = push_key(c, "stacks");
  for (size_t i = 0; i < r->nstacks; i++) {
    size_t at = push_index(c, i);
    json_object *e = json_object_array_get_idx(arr, i);
    if (!e || !json_object_is_type(e, json_type_array))
      return fail(c, "expected an array of frames, got %s", e ? type_name(e) : "null");
    struct wr_stack *s = &r->stacks[i];
    s->n = json_object_array_length(e);
    s->frames = wr_arena_alloc(c->a, (s->n ? s->n : 1) * sizeof *s->frames);
    for (size_t k = 0; k < s->n; k++) {
      size_t fat = push_index(c, k);
      json_object *f = json_object_array_get_idx(e, k);
      if (!f || !json_object_is_type(f, json_type_object))
        return fail(c, "expected an object, got %s", f ? type_name(f) : "null");
      if (!parse_frame(c, f, &s->frames[k], k)) return false;
      pop(c, fat);
    }
    pop(c, at);
  }
  pop(c, old);
  return true;
}

static bool parse_location(struct ctx *c, json_object *o, struct wr_location *l) {
  l->present = true;
  if (!get_str(c, o, "kind", true, "", &l->kind)) return false;
  if (!get_hex(c, o, "address", true, &l->address, NULL)) return false;
  l->size = -1;
  INT_FIELD(c, o, "size", false, 0, INT64_MAX - 1, l->size);
  if (!get_str(c, o, "name", false, "", &l->name)) return false;
  if (!get_str(c, o, "module", false, "", &l->module)) return false;
  if (!get_hex(c, o, "offset", false, &l->offset, NULL)) return false;
  l->thread = -1;
  INT_FIELD(c, o, "thread", false, 0, ID_MAX, l->thread);
  l->has_thread = l->thread >= 0;
  if (!get_bool(c, o, "freed", false, false, &l->freed)) return false;
  return parse_stack(c, o, "stack", false, &l->stack);
}

static bool parse_report(struct ctx *c, json_object *o, struct wr_report *r) {
  const char *schema, *fp;
  long long version = 0;
  json_object *v;
  void *items;

  if (!member(c, o, "schema", false, &v)) return false;
  if (!v) return fail(c, "not a weft report (no \"schema\": \"weft-report\" field)");
  if (!get_str(c, o, "schema", true, "", &schema)) return false;
  if (strcmp(schema, "weft-report") != 0)
    return fail(c, "not a weft report (\"schema\" is not \"weft-report\")");
  if (!get_int(c, o, "version", true, 0, INT64_MAX - 1, &version)) return false;
  if (version != 1)
    return fail(c, "report schema version %lld is not supported (this weft-report reads "
                   "version 1)",
                version);
  /* A report too large for the runtime's buffer is closed early and
   * marked; what it holds is still worth showing. */
  if (!get_bool(c, o, "truncated", false, false, &r->truncated)) return false;
  if (!get_str(c, o, "kind", true, "", &r->kind)) return false;
  if (!r->kind[0]) return fail(c, "kind: empty");
  if (!get_int(c, o, "pid", true, 0, INT64_MAX - 1, &r->pid)) return false;
  if (!get_str(c, o, "fingerprint", true, "", &fp)) return false;
  if (strlen(fp) != 16 || strspn(fp, "0123456789abcdefABCDEF") != 16)
    return fail(c, "fingerprint: expected 16 hexadecimal digits");
  for (int i = 0; i < 16; i++)
    r->fingerprint[i] = (char)(fp[i] >= 'A' && fp[i] <= 'F' ? fp[i] - 'A' + 'a' : fp[i]);
  if (strcmp(r->kind, "repeats") == 0) {
    r->repeats = true;
    if (!get_int(c, o, "seen", true, 1, INT64_MAX - 1, &r->seen)) return false;
    return get_int(c, o, "pairs", true, 1, INT64_MAX - 1, &r->pairs);
  }

  json_object *sum;
  if (!get_object(c, o, "summary", true, &sum)) return false;
  size_t old = push_key(c, "summary");
  if (!get_str(c, sum, "function", true, "??", &r->summary.function)) return false;
  if (!get_str(c, sum, "file", true, "", &r->summary.file)) return false;
  INT_FIELD(c, sum, "line", true, 0, ID_MAX, r->summary.line);
  INT_FIELD(c, sum, "column", true, 0, ID_MAX, r->summary.column);
  pop(c, old);

  /* The head (up to here) comes first and is small, so even a cut report
   * has it; past it, what the cut removed takes its default. */
  c->lenient = r->truncated;

  bool race = strcmp(r->kind, "data race") == 0;
  if (!each(c, o, "accesses", race, sizeof(struct wr_access), &items, &r->naccesses,
            parse_access))
    return false;
  r->accesses = items;
  if (race && r->naccesses == 0 && !r->truncated)
    return fail(c, "accesses: a data race needs its accesses");

  json_object *loc;
  if (!get_object(c, o, "location", false, &loc)) return false;
  if (loc) {
    old = push_key(c, "location");
    if (!parse_location(c, loc, &r->location)) return false;
    pop(c, old);
    if (!r->location.kind[0]) r->location.present = false; /* cut off */
  }
  if (!each(c, o, "threads", false, sizeof(struct wr_thread), &items, &r->nthreads,
            parse_thread))
    return false;
  r->threads = items;
  if (!each(c, o, "mutexes", false, sizeof(struct wr_mutex), &items, &r->nmutexes,
            parse_mutex))
    return false;
  r->mutexes = items;
  if (!member(c, o, "last_sync", false, &v)) return false;
  r->has_last_sync = v != NULL;
  if (!each(c, o, "last_sync", false, sizeof(struct wr_sync), &items, &r->nsyncs,
            parse_sync))
    return false;
  r->syncs = items;
  if (!each(c, o, "cycle", false, sizeof(struct wr_cycle_edge), &items, &r->ncycle,
            parse_cycle_edge))
    return false;
  r->cycle = items;
  return parse_stacks(c, o, r);
}

/* ---- one line ------------------------------------------------------------- */

static bool blank(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  return true;
}

struct wr_report *wr_parse_line(struct wr_arena *a, const char *line, size_t len,
                                char *err, size_t errlen) {
  /* Checked before json-c sees the bytes, to name the exact column (json-c
   * also stops at a NUL byte without saying so). */
  size_t bad = wr_utf8_check(line, len);
  if (bad < len) {
    snprintf(err, errlen, line[bad] ? "invalid UTF-8 at column %zu" : "NUL byte at column %zu",
             bad + 1);
    return NULL;
  }
  if (len >= 18 && strncmp(line, "==================", 18) == 0) {
    snprintf(err, errlen, "this is a text report, not JSON: run the program with "
                          "WEFT_OPTIONS=report_format=json");
    return NULL;
  }
  if (len >= 14 && strncmp(line, "WARNING: weft:", 14) == 0) {
    snprintf(err, errlen, "this is a text report, not JSON: run the program with "
                          "WEFT_OPTIONS=report_format=json");
    return NULL;
  }

  struct json_tokener *tok = json_tokener_new_ex(WR_MAX_DEPTH);
  if (!tok) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  /* json-c takes an int length; lines are capped far below that. */
  json_object *o = json_tokener_parse_ex(tok, line, (int)len);
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  size_t end = json_tokener_get_parse_end(tok);
  json_tokener_free(tok);

  struct wr_report *r = NULL;
  if (jerr == json_tokener_continue) {
    snprintf(err, errlen, "truncated JSON: the line ends inside a value");
  } else if (jerr == json_tokener_error_depth) {
    snprintf(err, errlen, "JSON nested deeper than %d levels at column %zu", WR_MAX_DEPTH,
             end + 1);
  } else if (jerr != json_tokener_success || !o) {
    snprintf(err, errlen, "invalid JSON at column %zu: %s", end + 1,
             json_tokener_error_desc(jerr));
  } else if (!blank(line + end, len - end)) {
    snprintf(err, errlen, "unexpected text after the JSON object at column %zu", end + 1);
  } else if (!json_object_is_type(o, json_type_object)) {
    snprintf(err, errlen, "expected a JSON object, got %s", type_name(o));
  } else {
    struct ctx c = {.a = a, .err = err, .errlen = errlen};
    r = wr_arena_alloc(a, sizeof *r);
    if (!parse_report(&c, o, r)) r = NULL; /* its arena bytes go with the set */
  }
  json_object_put(o);
  return r;
}

/* ---- files ---------------------------------------------------------------- */

#define WARNINGS_PER_FILE 20

struct reader {
  FILE *f;
  char chunk[1 << 16];
  size_t pos, len;
  char *line;
  size_t line_len, line_cap;
  bool overlong; /* the line went past max_line; only its start is kept */
};

/* 1: a line is in r->line; 0: end of input; -1: read error. */
static int read_line(struct reader *r, size_t max_line) {
  r->line_len = 0;
  r->overlong = false;
  bool any = false;
  for (;;) {
    if (r->pos == r->len) {
      r->pos = 0;
      r->len = fread(r->chunk, 1, sizeof r->chunk, r->f);
      if (r->len == 0) {
        if (ferror(r->f)) return -1;
        return any ? 1 : 0;
      }
    }
    any = true;
    char *nl = memchr(r->chunk + r->pos, '\n', r->len - r->pos);
    size_t take = (nl ? (size_t)(nl - r->chunk) : r->len) - r->pos;
    if (!r->overlong) {
      if (r->line_len + take > max_line) {
        r->overlong = true;
      } else {
        if (r->line_len + take + 1 > r->line_cap) {
          size_t cap = r->line_cap ? r->line_cap : 4096;
          while (cap < r->line_len + take + 1) cap *= 2;
          char *grown = realloc(r->line, cap);
          if (!grown) {
            fputs("weft-report: error: out of memory\n", stderr);
            exit(2);
          }
          r->line = grown;
          r->line_cap = cap;
        }
        memcpy(r->line + r->line_len, r->chunk + r->pos, take);
        r->line_len += take;
      }
    }
    r->pos += take;
    if (nl) {
      r->pos++;
      return 1;
    }
  }
}

static void diag(const struct wr_load_opts *o, const char *fmt, ...) {
  if (!o->diag) return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(o->diag, fmt, ap);
  va_end(ap);
}

static bool runtime_notice(const char *s, size_t len) {
  return len >= 6 && strncmp(s, "weft: ", 6) == 0;
}

int wr_load_stream(struct wr_set *set, FILE *f, const char *name,
                   const struct wr_load_opts *o) {
  static struct reader rd; /* 64 KiB: not on the stack */
  size_t max_line = o->max_line ? o->max_line : WR_MAX_LINE_DEFAULT;
  /* json-c counts in int. */
  if (max_line > 0x7ffffff0) max_line = 0x7ffffff0;
  const char *path = wr_arena_strdup(&set->arena, name);
  char err[512];
  long lineno = 0;
  size_t warnings = 0;
  int status = 0, got;

  rd.f = f;
  rd.pos = rd.len = 0;
  set->logs++;
  bool in_notice = false;
  while ((got = read_line(&rd, max_line)) == 1) {
    lineno++;
    struct wr_report *r = NULL;
    /* The runtime writes its own notices ("weft: reported N warnings",
     * print_stats' indented block) to the same stream as the reports, so
     * a stderr capture holds them: they are not reports, and not bad. */
    if (!rd.overlong && (runtime_notice(rd.line, rd.line_len) ||
                         (in_notice && rd.line_len >= 2 && rd.line[0] == ' ' &&
                          rd.line[1] == ' '))) {
      in_notice = true;
      continue;
    }
    in_notice = false;
    if (rd.overlong) {
      snprintf(err, sizeof err, "line longer than %zu bytes (the limit for one report)",
               max_line);
    } else {
      if (blank(rd.line, rd.line_len)) continue;
      r = wr_parse_line(&set->arena, rd.line, rd.line_len, err, sizeof err);
    }
    if (r) {
      r->path = path;
      r->lineno = lineno;
      wr_set_add(set, r);
      continue;
    }
    if (!o->keep_going) {
      diag(o, "weft-report: error: %s:%ld: %s\n", path, lineno, err);
      status = -1;
      break;
    }
    set->bad_lines++;
    if (++warnings <= WARNINGS_PER_FILE)
      diag(o, "weft-report: warning: %s:%ld: %s; line skipped\n", path, lineno, err);
    else if (warnings == WARNINGS_PER_FILE + 1)
      diag(o, "weft-report: warning: %s: more bad lines; not shown\n", path);
  }
  if (got < 0) {
    diag(o, "weft-report: error: %s: read error: %s\n", path, strerror(errno));
    status = -1;
  }
  free(rd.line);
  rd.line = NULL;
  rd.line_cap = 0;
  return status;
}

static int load_file(struct wr_set *set, const char *path, const struct wr_load_opts *o) {
  FILE *f = fopen(path, "r");
  if (!f) {
    diag(o, "weft-report: error: %s: %s\n", path, strerror(errno));
    return -1;
  }
  int status = wr_load_stream(set, f, path, o);
  fclose(f);
  return status;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

struct names {
  char **v;
  size_t n, cap;
};


/* The regular files under dir, subdirectories included (a CI job may
 * give each test suite its own log directory).  Hidden entries are
 * skipped; a symlink to a file counts, a symlink to a directory is not
 * followed (no loops); nesting is capped for the same reason. */
static int collect(struct names *out, const char *dir, int depth,
                   const struct wr_load_opts *o) {
  DIR *d = opendir(dir);
  if (!d) {
    diag(o, "weft-report: error: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  int status = 0;
  size_t dlen = strlen(dir);
  for (struct dirent *e; status == 0 && (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char *full = wr_xrealloc(NULL, dlen + strlen(e->d_name) + 2);
    sprintf(full, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", e->d_name);
    struct stat st;
    bool keep = false;
    if (lstat(full, &st) == 0) {
      if (S_ISDIR(st.st_mode) && depth < 16)
        status = collect(out, full, depth + 1, o);
      else if (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(full, &st) == 0 &&
                                       S_ISREG(st.st_mode)))
        keep = true;
    }
    if (!keep) {
      free(full);
      continue;
    }
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 16;
      out->v = wr_xrealloc(out->v, out->cap * sizeof *out->v);
    }
    out->v[out->n++] = full;
  }
  closedir(d);
  return status;
}

/* A directory is what log_path=DIR/log leaves behind; a clean run may
 * leave only empty files, which is no error. */
static int load_dir(struct wr_set *set, const char *path, const struct wr_load_opts *o) {
  struct names names = {0};
  int status = collect(&names, path, 0, o);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, by_name);
  for (size_t i = 0; i < names.n; i++) {
    if (status == 0 && load_file(set, names.v[i], o) != 0) status = -1;
    free(names.v[i]);
  }
  free(names.v);
  return status;
}

int wr_load_path(struct wr_set *set, const char *path, const struct wr_load_opts *o) {
  if (strcmp(path, "-") == 0) return wr_load_stream(set, stdin, "<stdin>", o);
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return load_dir(set, path, o);
  return load_file(set, path, o);
}
