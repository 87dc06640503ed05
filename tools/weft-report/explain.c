/* `weft-report explain`: one report, told for a person.  For a data race:
 * the source around both accesses, which locks each side held, which lock
 * (if any) guards the same variable at its other accesses, the
 * synchronization each thread did last, and the missing happens-before
 * edge in one sentence.
 * The guarding lock is inferred, never known: every access to the same
 * variable in every loaded report (duplicates included, all processes) is
 * an access site, and a lock held at the other sites is the likely guard.
 * Variables and mutexes are matched across processes by what is stable
 * (a global's name; a heap block's allocation site, size and the offset
 * accessed; a mutex's creation site), never by address or M<n> number,
 * which are per process.  Other kinds get the text summary. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* ---- keys that survive across processes ----------------------------------- */

static void frame_key(char *buf, size_t len, const struct wr_stack *s) {
  const struct wr_frame *f = wr_top_frame(s);
  if (!f)
    snprintf(buf, len, "?");
  else if (wr_frame_has_source(f))
    snprintf(buf, len, "%s@%s:%d:%d", f->function, f->file, f->line, f->column);
  else
    snprintf(buf, len, "%s@%s+0x%llx", f->function, wr_basename(f->module),
             (unsigned long long)f->offset);
}

/* The variable an access of r touches; "" when it cannot be matched. */
static void variable_key(char *buf, size_t len, const struct wr_report *r,
                         const struct wr_access *a) {
  const struct wr_location *l = &r->location;
  buf[0] = '\0';
  if (!l->present) {
    snprintf(buf, len, "addr:%lld:%s", r->pid, a->address);
  } else if (strcmp(l->kind, "global") == 0 && l->name[0]) {
    snprintf(buf, len, "global:%s", l->name);
  } else if (strcmp(l->kind, "heap") == 0 && l->stack.n) {
    char site[1024];
    frame_key(site, sizeof site, &l->stack);
    /* Loaded addresses are "0x..." or "" (truncated report). */
    unsigned long long at = a->address[0] ? strtoull(a->address + 2, NULL, 16) : 0;
    unsigned long long base = l->address[0] ? strtoull(l->address + 2, NULL, 16) : 0;
    snprintf(buf, len, "heap:%s:%lld:+%llu", site, l->size, at >= base ? at - base : 0);
  } else {
    snprintf(buf, len, "addr:%lld:%s", r->pid, a->address);
  }
}

static void mutex_key(char *buf, size_t len, const struct wr_report *r, long id) {
  const struct wr_mutex *m = wr_find_mutex(r, id);
  if (m && m->stack.n)
    frame_key(buf, len, &m->stack);
  else
    snprintf(buf, len, "pid%lld:M%ld", r->pid, id);
}

/* ---- access sites --------------------------------------------------------- */

struct site {
  char where[1024]; /* code location of the access */
  char **locks;     /* mutex keys held */
  size_t nlocks;
  const struct wr_report *r;
  const struct wr_access *a;
  bool in_chosen; /* one of the explained report's two accesses */
};

struct sites {
  struct site *s;
  size_t n, cap;
};


static bool same_locks(const struct site *x, char **locks, size_t n) {
  if (x->nlocks != n) return false;
  for (size_t i = 0; i < n; i++) {
    bool found = false;
    for (size_t k = 0; k < n && !found; k++) found = strcmp(x->locks[k], locks[i]) == 0;
    if (!found) return false;
  }
  return true;
}

static void add_site(struct sites *ss, const struct wr_report *r, const struct wr_access *a,
                     bool chosen) {
  char where[1024], key[1024];
  frame_key(where, sizeof where, &a->stack);
  char **locks = wr_xrealloc(NULL, a->nlocks * sizeof *locks);
  for (size_t i = 0; i < a->nlocks; i++) {
    mutex_key(key, sizeof key, r, a->locks[i].mutex);
    locks[i] = strdup(key);
    if (!locks[i]) wr_oom();
  }
  for (size_t i = 0; i < ss->n; i++) {
    struct site *x = &ss->s[i];
    if (strcmp(x->where, where) == 0 && same_locks(x, locks, a->nlocks)) {
      x->in_chosen |= chosen;
      if (chosen) {
        x->r = r;
        x->a = a;
      }
      for (size_t k = 0; k < a->nlocks; k++) free(locks[k]);
      free(locks);
      return;
    }
  }
  if (ss->n == ss->cap) {
    ss->cap = ss->cap ? ss->cap * 2 : 16;
    ss->s = realloc(ss->s, ss->cap * sizeof *ss->s);
    if (!ss->s) wr_oom();
  }
  struct site *x = &ss->s[ss->n++];
  snprintf(x->where, sizeof x->where, "%s", where);
  x->locks = locks;
  x->nlocks = a->nlocks;
  x->r = r;
  x->a = a;
  x->in_chosen = chosen;
}

static void free_sites(struct sites *ss) {
  for (size_t i = 0; i < ss->n; i++) {
    for (size_t k = 0; k < ss->s[i].nlocks; k++) free(ss->s[i].locks[k]);
    free(ss->s[i].locks);
  }
  free(ss->s);
}

static bool site_holds(const struct site *x, const char *lock) {
  for (size_t i = 0; i < x->nlocks; i++)
    if (strcmp(x->locks[i], lock) == 0) return true;
  return false;
}

/* ---- wording -------------------------------------------------------------- */

static void print_where(FILE *out, const struct wr_frame *f) {
  char pb[4096];
  if (!f) {
    fputs("at an unknown place", out);
    return;
  }
  fprintf(out, "in %s", f->function);
  if (wr_frame_has_source(f))
    fprintf(out, " at %s:%d", wr_display_path(f->file, pb, sizeof pb), f->line);
  else if (f->module[0])
    fprintf(out, " (%s+0x%llx)", wr_basename(f->module), (unsigned long long)f->offset);
}

/* "M1 (created in main at x.c:20)" */
static void print_mutex(FILE *out, const struct wr_report *r, long id) {
  const struct wr_mutex *m = wr_find_mutex(r, id);
  fprintf(out, "M%ld", id);
  if (m && m->stack.n) {
    fputs(" (created ", out);
    print_where(out, wr_top_frame(&m->stack));
    fputs(m->destroyed ? ", since destroyed)" : ")", out);
  }
}

static void print_held(FILE *out, const struct wr_report *r, const struct wr_access *a,
                       bool detail) {
  if (!a->nlocks) {
    fputs("no lock", out);
    return;
  }
  for (size_t i = 0; i < a->nlocks; i++) {
    fputs(i == 0 ? "" : i + 1 == a->nlocks ? " and " : ", ", out);
    if (detail)
      print_mutex(out, r, a->locks[i].mutex);
    else
      fprintf(out, "M%ld", a->locks[i].mutex);
    if (!a->locks[i].write) fputs(" for reading", out);
  }
}

/* The name people know the memory by. */
static void variable_name(char *buf, size_t len, const struct wr_report *r) {
  const struct wr_location *l = &r->location;
  char tb[32];
  if (l->present && strcmp(l->kind, "global") == 0 && l->name[0]) {
    snprintf(buf, len, "'%s'", l->name);
  } else if (l->present && strcmp(l->kind, "heap") == 0) {
    const struct wr_frame *f = wr_top_frame(&l->stack);
    char pb[4096];
    if (f && wr_frame_has_source(f))
      snprintf(buf, len, "the heap block allocated in %s at %s:%d", f->function,
               wr_display_path(f->file, pb, sizeof pb), f->line);
    else
      snprintf(buf, len, "the heap block at %s", l->address);
  } else if (l->present && (strcmp(l->kind, "stack") == 0 || strcmp(l->kind, "tls") == 0) &&
             l->has_thread) {
    snprintf(buf, len, "the %s variable of %s at %s",
             strcmp(l->kind, "tls") == 0 ? "thread-local" : "stack",
             wr_thread_short(l->thread, tb), r->accesses[0].address);
  } else {
    snprintf(buf, len, "the memory at %s", r->accesses[0].address);
  }
}

/* The runtime keeps, per thread, its most recent release and its most
 * recent acquire through a sync object (lock, unlock, cond, sem, barrier,
 * once); thread creation, join and atomics are not among them.  Which of
 * the two came later is not recorded. */
static const struct wr_sync *find_sync(const struct wr_report *r, long thread, const char *op) {
  for (size_t i = 0; i < r->nsyncs; i++)
    if (r->syncs[i].thread == thread && strcmp(r->syncs[i].op, op) == 0) return &r->syncs[i];
  return NULL;
}

/* "M1", "cond M3" (the runtime numbers every sync object as M<n>), or
 * "a barrier" when it gave no number. */
static void print_object(FILE *out, const struct wr_sync *s) {
  bool mutex = strcmp(s->object, "mutex") == 0;
  if (s->has_mutex)
    fprintf(out, "%s%sM%ld", mutex ? "" : s->object, mutex ? "" : " ", s->mutex);
  else
    fprintf(out, "%s %s", s->object[0] && strchr("aeiou", s->object[0]) ? "an" : "a", s->object);
}

static bool same_object(const struct wr_sync *a, const struct wr_sync *b) {
  return a->has_mutex && b->has_mutex && a->mutex == b->mutex;
}

static bool held_at(const struct wr_access *a, const struct wr_sync *s) {
  if (!s->has_mutex) return false;
  for (size_t i = 0; i < a->nlocks; i++)
    if (a->locks[i].mutex == s->mutex) return true;
  return false;
}

static void capitalized(FILE *out, const char *s) {
  fprintf(out, "%c%s", s[0] == 't' ? 'T' : s[0], s + 1);
}

/* The sentence: why the previous access is not ordered before the current.
 * Only what the report proves is said: a release is "after the access"
 * only when the access held that lock (so the unlock came later). */
static void missing_edge(FILE *out, const struct wr_report *r) {
  const struct wr_access *cur = &r->accesses[0], *prev = &r->accesses[1];
  char tp[32], tc[32];
  const char *p = wr_thread_short(prev->thread, tp), *c = wr_thread_short(cur->thread, tc);
  const char *pv = wr_access_verb(prev, false), *cv = wr_access_verb(cur, false);
  fputs("  ", out);
  capitalized(out, p);
  fprintf(out, "'s %s is not ordered before %s's %s: ", pv, c, cv);
  if (!r->has_last_sync) {
    fputs("the log does not record the threads' synchronization (no \"last_sync\"), so the "
          "missing edge cannot be named.\n",
          out);
    return;
  }
  const struct wr_sync *rel = find_sync(r, prev->thread, "release");
  const struct wr_sync *acq = find_sync(r, cur->thread, "acquire");
  if (!rel) {
    fprintf(out, "%s released no lock or other sync object after the %s, so nothing %s "
                 "acquired can order the two.\n",
            p, pv, c);
    return;
  }
  if (held_at(prev, rel)) {
    fprintf(out, "%s released ", p);
    print_object(out, rel);
    fprintf(out, " after the %s, but ", pv);
    if (acq && same_object(acq, rel)) {
      fprintf(out, "%s's last acquire of ", c);
      print_object(out, rel);
      fputs(" came before that release, and it has not acquired it since.\n", out);
    } else {
      fprintf(out, "%s never acquired ", c);
      print_object(out, rel);
      fputs(".\n", out);
    }
    return;
  }
  fprintf(out, "%s held no lock at the %s, and nothing it released afterwards was then "
               "acquired by %s (%s's last release: ",
          p, pv, c, p);
  print_object(out, rel);
  fprintf(out, "; %s's last acquire: ", c);
  if (acq)
    print_object(out, acq);
  else
    fputs("none", out);
  fputs(").\n", out);
}

/* ---- the report ----------------------------------------------------------- */

static void print_access(FILE *out, const struct wr_report *r, const struct wr_access *a,
                         bool previous, const struct wr_output_opts *o) {
  char tb[32];
  const struct wr_frame *f = wr_top_frame(&a->stack);
  char sb[32];
  fprintf(out, "%s: %s%s by %s ", previous ? "Previous access" : "Current access",
          wr_access_verb(a, false), wr_of_size(a->size, sb), wr_thread_short(a->thread, tb));
  print_where(out, f);
  fputs(", holding ", out);
  print_held(out, r, a, false);
  fputs(".\n", out);
  if (f && o->context >= 0 && !wr_source_print(out, f->file, f->line, f->column, o->context, "  ") &&
      wr_frame_has_source(f))
    fputs("  (source not found; --source-root names where the sources are)\n", out);
  wr_print_stack(out, &a->stack, "    ");
  fputc('\n', out);
}

static void print_guard(FILE *out, const struct wr_set *set, const struct wr_report *r) {
  char key[2048], other[2048], name[4608], tb[32];
  struct sites ss = {0};
  variable_key(key, sizeof key, r, &r->accesses[0]);
  variable_name(name, sizeof name, r);
  for (size_t i = 0; i < r->naccesses && i < 2; i++) add_site(&ss, r, &r->accesses[i], true);
  bool other_reports = false; /* with another fingerprint, touching it */
  for (size_t i = 0; i < set->n; i++) {
    const struct wr_report *x = set->reports[i];
    for (size_t k = 0; k < x->naccesses; k++) {
      variable_key(other, sizeof other, x, &x->accesses[k]);
      if (strcmp(other, key) != 0) continue;
      add_site(&ss, x, &x->accesses[k], false);
      other_reports |= strcmp(x->fingerprint, r->fingerprint) != 0;
    }
  }

  /* The lock held at the most sites; ties go to the first seen. */
  const char *best = NULL;
  size_t best_n = 0;
  const struct site *best_site = NULL;
  size_t best_lock = 0;
  for (size_t i = 0; i < ss.n; i++)
    for (size_t k = 0; k < ss.s[i].nlocks; k++) {
      size_t n = 0;
      for (size_t j = 0; j < ss.n; j++) n += site_holds(&ss.s[j], ss.s[i].locks[k]);
      if (n > best_n) {
        best = ss.s[i].locks[k];
        best_n = n;
        best_site = &ss.s[i];
        best_lock = k;
      }
    }
  fprintf(out, "Guarding lock of %s: ", name);
  if (!best) {
    if (other_reports)
      fprintf(out, "unknown: none of the %zu access sites recorded in these logs holds a "
                   "lock.\n",
              ss.n);
    else
      fputs("unknown: neither access held a lock and no other report in these logs "
            "touches it.\n",
            out);
  } else {
    /* Name it as the report that holds it does. */
    const struct wr_report *br = best_site->r;
    long id = best_site->a->locks[best_lock].mutex;
    print_mutex(out, br, id);
    if (br != r) fputs(" (as numbered in the report at ", out);
    if (br != r) fprintf(out, "%s:%ld)", br->path, br->lineno);
    if (best_n == ss.n)
      fprintf(out, ", held at all %zu access sites", ss.n);
    else
      fprintf(out, " is likely: it is held at %zu of the %zu access sites recorded", best_n,
              ss.n);
    fputs(".\n", out);
    for (size_t i = 0; i < ss.n; i++) {
      if (site_holds(&ss.s[i], best)) continue;
      fprintf(out, "  Not held at: %s by %s ", wr_access_verb(ss.s[i].a, false),
              wr_thread_short(ss.s[i].a->thread, tb));
      print_where(out, wr_top_frame(&ss.s[i].a->stack));
      fputs(ss.s[i].in_chosen ? " (this report)\n" : "\n", out);
    }
    if (!other_reports)
      fputs("  No other report in these logs touches it: this is the guess of one side "
            "only.\n",
            out);
  }
  free_sites(&ss);
}

static void print_last_syncs(FILE *out, const struct wr_report *r) {
  char tb[32];
  fputs("Last synchronization:\n", out);
  for (size_t i = 0; i < r->naccesses && i < 2; i++) {
    long t = r->accesses[i].thread;
    if (i == 1 && t == r->accesses[0].thread) break;
    const char *name = wr_thread_short(t, tb);
    bool any = false;
    for (size_t k = 0; k < r->nsyncs; k++) {
      const struct wr_sync *s = &r->syncs[k];
      if (s->thread != t) continue;
      any = true;
      fputs("  ", out);
      capitalized(out, name);
      if (strcmp(s->op, "release") == 0 || strcmp(s->op, "acquire") == 0)
        fprintf(out, " last %sd ", s->op);
      else
        fprintf(out, " last did %s on ", s->op);
      print_object(out, s);
      fputc(' ', out);
      print_where(out, wr_top_frame(&s->stack));
      fputs(".\n", out);
    }
    if (!any) {
      fputs("  ", out);
      capitalized(out, name);
      fputs(r->has_last_sync ? " released or acquired no lock or other sync object.\n"
                             : ": not recorded.\n",
            out);
    }
  }
}

int wr_explain(FILE *out, FILE *diag, const struct wr_set *set, const struct wr_merged *m,
               const char *fp, const struct wr_output_opts *o) {
  const struct wr_unique *u = NULL;
  if (fp) {
    size_t len = strlen(fp), matches = 0;
    for (size_t i = 0; i < m->n; i++)
      if (len && strncmp(m->u[i].report->fingerprint, fp, len) == 0) {
        if (!matches++) u = &m->u[i];
      }
    if (matches != 1) {
      if (diag)
        fprintf(diag, "weft-report: error: %s report has fingerprint %s'%s'\n",
                matches ? "more than one" : "no", matches ? "prefix " : "", fp);
      return -1;
    }
  } else if (m->n) {
    u = &m->u[0];
  }
  if (!u) {
    fprintf(out, "weft-report: no reports in %zu log%s\n", o->logs, o->logs == 1 ? "" : "s");
    return 0;
  }
  const struct wr_report *r = u->report;
  if (r->naccesses < 2) {
    wr_text_report(out, u, 0, 0, o, true);
    return 0;
  }
  char name[4608];
  variable_name(name, sizeof name, r);
  fprintf(out, "%c%s on %s", r->kind[0] >= 'a' && r->kind[0] <= 'z' ? r->kind[0] - 'a' + 'A' : r->kind[0],
          r->kind + 1, name);
  if (r->location.present && r->location.size > 0)
    fprintf(out, " (%lld byte%s)", r->location.size, r->location.size == 1 ? "" : "s");
  fprintf(out, "\nFingerprint %s; seen %zu time%s in %zu process%s; first in %s:%ld.\n",
          r->fingerprint, u->count, u->count == 1 ? "" : "s", u->npids,
          u->npids == 1 ? "" : "es", r->path, r->lineno);
  if (r->truncated) fputs("(The runtime truncated this report: some parts are missing.)\n", out);
  if (m->n > 1 && !fp)
    fprintf(out, "(%zu other reports in these logs: pick one with --fingerprint.)\n", m->n - 1);
  fputc('\n', out);

  print_access(out, r, &r->accesses[0], false, o);
  print_access(out, r, &r->accesses[1], true, o);

  char tb[32];
  fputs("Locks:\n", out);
  for (size_t i = 0; i < 2; i++) {
    const struct wr_access *a = &r->accesses[i];
    const char *t = wr_thread_short(a->thread, tb);
    fprintf(out, "  %c%s held ", t[0] == 't' ? 'T' : t[0], t + 1);
    print_held(out, r, a, true);
    fprintf(out, " at its %s.\n", wr_access_verb(a, false));
  }
  print_guard(out, set, r);
  fputc('\n', out);
  print_last_syncs(out, r);
  fputc('\n', out);
  fputs("Missing happens-before edge:\n", out);
  missing_edge(out, r);
  return 0;
}
