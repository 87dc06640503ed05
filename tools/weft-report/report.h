/* weft-report's model of a report and the interfaces between its files.
 * A report is what one line of a JSON Lines log (docs/report-schema.md)
 * holds, already validated: every pointer here is non-NULL, every string is
 * NUL-terminated UTF-8, every array has the length stored next to it.  All
 * of it lives in the arena of the set it was loaded into and is freed with
 * the set; nothing here is ever freed alone.
 * Only declarations live here: one file per idea implements them. */
#ifndef WEFT_REPORT_H
#define WEFT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- arena (model.c) ---------------------------------------------------- */
struct wr_arena_block;
struct wr_arena {
  struct wr_arena_block *head;
};
void *wr_arena_alloc(struct wr_arena *a, size_t size); /* zeroed */
char *wr_arena_strndup(struct wr_arena *a, const char *s, size_t len);
char *wr_arena_strdup(struct wr_arena *a, const char *s);
void wr_arena_free(struct wr_arena *a);

/* ---- the report ---------------------------------------------------------- */
struct wr_frame {
  const char *function; /* "??" when unknown */
  const char *file;     /* "" when unknown */
  int line, column;     /* 0 when unknown */
  const char *module;   /* "" when unknown */
  uint64_t offset;
};
struct wr_stack {
  struct wr_frame *frames; /* innermost first */
  size_t n;
};
struct wr_lock {
  long mutex;
  bool write; /* exclusive */
};
struct wr_access {
  const char *role; /* "current", "previous" */
  bool write, atomic;
  long long size; /* -1: unknown (truncated report) */
  const char *address;
  long thread; /* 0 = main thread; -1: unknown (truncated report) */
  struct wr_lock *locks;
  size_t nlocks;
  struct wr_stack stack;
};
struct wr_location {
  bool present;
  const char *kind; /* global, heap, stack, tls (or newer kinds) */
  const char *address;
  long long size;   /* -1 when absent */
  const char *name; /* global: variable; "" otherwise */
  const char *module, *offset; /* global; "" otherwise */
  bool has_thread;
  long thread;
  struct wr_stack stack; /* heap: allocation */
  bool freed;            /* heap: freed, in the runtime's quarantine */
};
struct wr_thread {
  long id;
  long long tid; /* -1 when absent */
  int running;   /* -1 when absent */
  bool has_parent;
  long parent;
  struct wr_stack stack; /* creation */
};
struct wr_mutex {
  long id;
  const char *address; /* "" when unknown */
  bool destroyed;
  struct wr_stack stack; /* creation (first use) */
};
struct wr_sync {
  long thread;
  const char *op;     /* "acquire", "release", ... */
  const char *object; /* "mutex", "cond", "sem", ... */
  bool has_mutex;
  long mutex;          /* the object's M<n>, whatever its kind */
  struct wr_stack stack;
};
struct wr_cycle_edge {
  long mutex;
  bool has_thread;
  long thread;
  struct wr_stack held, acquire;
};
struct wr_report {
  const char *kind;
  long long pid;
  char fingerprint[17];
  struct {
    const char *function, *file;
    int line, column;
  } summary;
  struct wr_access *accesses;
  size_t naccesses;
  struct wr_location location;
  struct wr_thread *threads;
  size_t nthreads;
  struct wr_mutex *mutexes;
  size_t nmutexes;
  struct wr_sync *syncs;
  size_t nsyncs;
  bool has_last_sync; /* "last_sync" present (perhaps empty) */
  struct wr_cycle_edge *cycle;
  size_t ncycle;
  struct wr_stack *stacks; /* other kinds: their identifying stacks */
  size_t nstacks;
  bool truncated; /* the runtime cut it short ("truncated": true) */
  /* A "repeats" record, not a report: the report with this fingerprint
   * was found seen times, at pairs pairs of instructions, by process pid. */
  bool repeats;
  long long seen, pairs;
  const char *path; /* the log it came from, as named on the command line */
  long lineno;
};

/* ---- a set of loaded reports (model.c) ----------------------------------- */
struct wr_set {
  struct wr_arena arena;
  struct wr_report **reports;
  size_t n, cap;
  size_t logs;      /* files read */
  size_t bad_lines; /* skipped under --keep-going */
  struct wr_report **repeats; /* the "repeats" records, apart from the reports */
  size_t nrepeats, repeats_cap;
};
void wr_set_add(struct wr_set *set, struct wr_report *r);
void wr_set_free(struct wr_set *set);

/* Every stack a report holds, for code that rewrites frames. */
typedef void (*wr_stack_fn)(struct wr_report *r, struct wr_stack *s, void *ctx);
void wr_for_each_stack(struct wr_report *r, wr_stack_fn fn, void *ctx);

/* Small shared helpers (model.c). */
void wr_oom(void) __attribute__((noreturn)); /* "out of memory", exit 2 */
void *wr_xrealloc(void *p, size_t size);     /* realloc or wr_oom */
bool wr_frame_is_raw(const struct wr_frame *f);
bool wr_frame_has_source(const struct wr_frame *f);
const char *wr_basename(const char *path);
/* "main thread" or "thread T<n>" ("an unknown thread" for -1); buf of at
 * least 32 bytes. */
const char *wr_thread_name(long id, char *buf);
/* "the main thread" / "T<n>", for sentences. */
const char *wr_thread_short(long id, char *buf);
const struct wr_mutex *wr_find_mutex(const struct wr_report *r, long id);
const struct wr_thread *wr_find_thread(const struct wr_report *r, long id);
/* The top frame that names a source line, else the top frame, else NULL. */
const struct wr_frame *wr_top_frame(const struct wr_stack *s);
/* The stack that locates the report: the current access, else the first
 * cycle edge's acquisition, else the first identifying stack; NULL when
 * the report carries none. */
const struct wr_stack *wr_primary_stack(const struct wr_report *r);
/* " of size <n>", or "" when the size is unknown; buf of 32 bytes. */
const char *wr_of_size(long long size, char *buf);
/* "Write", "Atomic read", ... */
const char *wr_access_verb(const struct wr_access *a, bool capital);

/* ---- loading (load.c) ----------------------------------------------------- */
#define WR_MAX_LINE_DEFAULT ((size_t)16 << 20)
#define WR_MAX_DEPTH 64
struct wr_load_opts {
  bool keep_going; /* bad lines are skipped with a warning */
  size_t max_line; /* bytes per line, without the newline */
  FILE *diag;      /* where errors and warnings go; NULL: nowhere */
};
/* A file, "-" for standard input, or a directory (its regular files, in
 * name order).  0 on success; -1 after printing an input error. */
int wr_load_path(struct wr_set *set, const char *path, const struct wr_load_opts *o);
int wr_load_stream(struct wr_set *set, FILE *f, const char *name,
                   const struct wr_load_opts *o);
/* One line without its newline.  Returns the report, or NULL with a
 * message (no file:line prefix) in err. */
struct wr_report *wr_parse_line(struct wr_arena *a, const char *line, size_t len,
                                char *err, size_t errlen);

/* ---- merging (merge.c) ---------------------------------------------------- */
struct wr_unique {
  struct wr_report *report; /* the first one seen */
  size_t count;             /* times found: its reports, and their repeats records */
  long long pairs;          /* most instruction pairs one process found it at; 0: unknown */
  long long *pids;          /* distinct, in order of first sight */
  size_t npids;
};
struct wr_merged {
  struct wr_unique *u; /* in order of first sight */
  size_t n;
};
void wr_merge(const struct wr_set *set, struct wr_merged *m);
void wr_merged_free(struct wr_merged *m);

/* ---- symbolizing (symbolize.c) -------------------------------------------- */
struct wr_symbolize_opts {
  const char *symbolizer; /* NULL: search PATH */
  FILE *diag;
};
void wr_symbolize(struct wr_set *set, const struct wr_symbolize_opts *o);

/* ---- source lines and paths (source.c) ------------------------------------ */
void wr_source_set_root(const char *root); /* NULL: the working directory */
/* Path shown to people: relative to the source root when under it. */
const char *wr_display_path(const char *file, char *buf, size_t len);
/* Prints lines line-context..line+context of file, marking line (and the
 * column with a caret); prints nothing and returns false when the file
 * cannot be read or is shorter. */
bool wr_source_print(FILE *out, const char *file, int line, int column,
                     int context, const char *indent);
void wr_source_free_cache(void);

/* ---- outputs -------------------------------------------------------------- */
struct wr_output_opts {
  int context;             /* source lines around each line shown */
  const char *source_root; /* SARIF: URIs relative to this; NULL: none */
  const char *version;     /* weft's version, for the tool descriptions */
  size_t logs;             /* files read, for the summary line */
};
/* text.c */
void wr_print_frame(FILE *out, const struct wr_frame *f, size_t index);
void wr_print_stack(FILE *out, const struct wr_stack *s, const char *indent);
void wr_text_report(FILE *out, const struct wr_unique *u, size_t index, size_t total,
                    const struct wr_output_opts *o, bool sources);
void wr_text_summary(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o);
/* sarif.c: 0 on success, -1 when the output could not be built. */
int wr_sarif(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o);
/* junit.c */
void wr_junit(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o);
/* diff.c */
struct wr_baseline {
  char (*fps)[17];
  size_t n, cap;
};
int wr_baseline_load(struct wr_baseline *b, const char *path, const struct wr_load_opts *o);
/* Index of fp in the sorted list, or -1. */
long wr_baseline_find(const struct wr_baseline *b, const char *fp);
void wr_baseline_free(struct wr_baseline *b);
void wr_baseline_write(FILE *out, const struct wr_merged *m);
/* explain.c: the report with fingerprint fp (a unique prefix will do), or
 * the first; all reports in set inform the guess of a guarding lock.
 * Returns 0, or -1 after printing why no report was chosen. */
int wr_explain(FILE *out, FILE *diag, const struct wr_set *set, const struct wr_merged *m,
               const char *fp, const struct wr_output_opts *o);

/* ---- UTF-8 (model.c) ----------------------------------------------------- */
/* Offset of the first byte that breaks UTF-8 (or is NUL), or len. */
size_t wr_utf8_check(const char *s, size_t len);

#endif
