/* The human summary: every unique report once, in the runtime's own text
 * layout (docs/reports.md) so people read one format, plus what merging
 * adds (how often, in which processes, where first seen) and the source
 * lines under each access's top frame.  Addresses are left out: in a
 * merged report they belong to one process only.  JUnit and diff reuse
 * this text; SARIF and explain have their own files. */
#include "report.h"

#include <string.h>

void wr_print_frame(FILE *out, const struct wr_frame *f, size_t index) {
  char buf[4096];
  fprintf(out, "#%zu %s", index, f->function);
  if (f->file[0]) {
    fprintf(out, " %s", wr_display_path(f->file, buf, sizeof buf));
    if (f->line > 0) {
      fprintf(out, ":%d", f->line);
      if (f->column > 0) fprintf(out, ":%d", f->column);
    }
  }
  if (f->module[0])
    fprintf(out, " (%s+0x%llx)", wr_basename(f->module), (unsigned long long)f->offset);
  else
    fputs(" (<unknown module>)", out);
}

void wr_print_stack(FILE *out, const struct wr_stack *s, const char *indent) {
  if (s->n == 0) fprintf(out, "%s<empty stack>\n", indent);
  for (size_t i = 0; i < s->n; i++) {
    fputs(indent, out);
    wr_print_frame(out, &s->frames[i], i);
    fputc('\n', out);
  }
}

/* Two accesses at one line (the same code in two threads, the commonest
 * race) show it once. */
static const struct wr_frame *last_shown;

static void print_source(FILE *out, const struct wr_stack *s, const struct wr_output_opts *o) {
  const struct wr_frame *f = wr_top_frame(s);
  if (!f || o->context < 0) return;
  if (last_shown && strcmp(last_shown->file, f->file) == 0 && last_shown->line == f->line &&
      wr_frame_has_source(f)) {
    fputs("      (the same source line as above)\n", out);
    return;
  }
  if (wr_source_print(out, f->file, f->line, f->column, o->context, "      ")) last_shown = f;
}

static void print_locks(FILE *out, const struct wr_access *a) {
  if (!a->nlocks) return;
  fputs(" (mutexes: ", out);
  for (size_t i = 0; i < a->nlocks; i++)
    fprintf(out, "%s%s M%ld", i ? ", " : "", a->locks[i].write ? "write" : "read",
            a->locks[i].mutex);
  fputc(')', out);
}

static void print_access(FILE *out, const struct wr_access *a, bool previous,
                         const struct wr_output_opts *o, bool sources) {
  char tb[32];
  const char *verb = wr_access_verb(a, !previous);
  char sb[32];
  fprintf(out, "  %s%s%s by %s", previous ? "Previous " : "", verb, wr_of_size(a->size, sb),
          wr_thread_name(a->thread, tb));
  print_locks(out, a);
  fputs(":\n", out);
  wr_print_stack(out, &a->stack, "    ");
  if (sources) print_source(out, &a->stack, o);
}

static void print_mutexes(FILE *out, const struct wr_report *r) {
  for (size_t i = 0; i < r->nmutexes; i++) {
    const struct wr_mutex *m = &r->mutexes[i];
    if (m->destroyed)
      fprintf(out, "  Mutex M%ld is already destroyed. It was created at:\n", m->id);
    else
      fprintf(out, "  Mutex M%ld created at:\n", m->id);
    wr_print_stack(out, &m->stack, "    ");
  }
}

static void print_location(FILE *out, const struct wr_location *l) {
  char tb[32];
  if (!l->present) return;
  if (strcmp(l->kind, "global") == 0) {
    fprintf(out, "  Location is global '%s'", l->name[0] ? l->name : "??");
    if (l->size >= 0) fprintf(out, " of size %lld", l->size);
    if (l->module[0] && l->offset[0])
      fprintf(out, " (%s+%s)", wr_basename(l->module), l->offset);
    fputc('\n', out);
  } else if (strcmp(l->kind, "heap") == 0) {
    fputs(l->freed ? "  Location is freed heap block" : "  Location is heap block", out);
    if (l->size >= 0) fprintf(out, " of size %lld", l->size);
    if (l->has_thread) {
      fprintf(out, " allocated by %s:\n", wr_thread_name(l->thread, tb));
      wr_print_stack(out, &l->stack, "    ");
    } else {
      fputc('\n', out);
    }
  } else if (strcmp(l->kind, "stack") == 0 || strcmp(l->kind, "tls") == 0) {
    fprintf(out, "  Location is %s", strcmp(l->kind, "tls") == 0 ? "TLS" : "stack");
    if (l->has_thread) fprintf(out, " of %s", wr_thread_name(l->thread, tb));
    fputs(".\n", out);
  } else {
    fprintf(out, "  Location is %s", l->kind);
    if (l->size >= 0) fprintf(out, " of size %lld", l->size);
    fputs(".\n", out);
  }
}

static void print_threads(FILE *out, const struct wr_report *r) {
  char pb[32];
  for (size_t i = 0; i < r->nthreads; i++) {
    const struct wr_thread *t = &r->threads[i];
    if (t->id == 0) continue;
    fprintf(out, "  Thread T%ld", t->id);
    if (t->tid >= 0 || t->running >= 0) {
      fputs(" (", out);
      if (t->tid >= 0) fprintf(out, "tid=%lld%s", t->tid, t->running >= 0 ? ", " : "");
      if (t->running >= 0) fputs(t->running ? "running" : "finished", out);
      fputc(')', out);
    }
    if (t->has_parent) {
      fprintf(out, " created by %s at:\n", wr_thread_name(t->parent, pb));
    } else if (!t->stack.n) { /* the runtime's words for a thread no interceptor saw made */
      fputs(" was not created through an interceptor.\n", out);
      continue;
    } else {
      fputs(" created at:\n", out);
    }
    wr_print_stack(out, &t->stack, "    ");
  }
}

static void print_cycle(FILE *out, const struct wr_report *r, const struct wr_output_opts *o,
                        bool sources) {
  char tb[32];
  for (size_t i = 0; i < r->ncycle; i++) {
    const struct wr_cycle_edge *e = &r->cycle[i];
    long next = r->cycle[(i + 1) % r->ncycle].mutex;
    fprintf(out, "  Mutex M%ld acquired", e->mutex);
    if (e->has_thread) fprintf(out, " by %s", wr_thread_name(e->thread, tb));
    fputs(" at:\n", out);
    wr_print_stack(out, &e->held, "    ");
    fprintf(out, "  then, holding it, M%ld acquired at:\n", next);
    wr_print_stack(out, &e->acquire, "    ");
    if (sources) print_source(out, &e->acquire, o);
  }
}

void wr_text_report(FILE *out, const struct wr_unique *u, size_t index, size_t total,
                    const struct wr_output_opts *o, bool sources) {
  const struct wr_report *r = u->report;
  char buf[4096];
  last_shown = NULL;
  if (total) fprintf(out, "[%zu/%zu] ", index, total);
  fprintf(out, "%s in %s", r->kind, r->summary.function);
  if (r->summary.file[0]) {
    fprintf(out, " at %s", wr_display_path(r->summary.file, buf, sizeof buf));
    if (r->summary.line > 0) fprintf(out, ":%d", r->summary.line);
    if (r->summary.line > 0 && r->summary.column > 0) fprintf(out, ":%d", r->summary.column);
  }
  fputc('\n', out);
  fprintf(out, "  Fingerprint: %s; seen %zu time%s", r->fingerprint, u->count,
          u->count == 1 ? "" : "s");
  if (u->pairs > 1) fprintf(out, " at %lld instruction pairs", u->pairs);
  fprintf(out, " in %zu process%s (pid%s", u->npids, u->npids == 1 ? "" : "es",
          u->npids == 1 ? "" : "s");
  for (size_t i = 0; i < u->npids && i < 8; i++) fprintf(out, "%s%lld", i ? ", " : " ", u->pids[i]);
  if (u->npids > 8) fputs(", ...", out);
  fprintf(out, "); first in %s:%ld\n", r->path, r->lineno);
  if (r->truncated) fputs("  [report truncated by the runtime: some parts are missing]\n", out);
  for (size_t i = 0; i < r->naccesses; i++) print_access(out, &r->accesses[i], i > 0, o, sources);
  print_cycle(out, r, o, sources);
  for (size_t i = 0; i < r->nstacks; i++) {
    fprintf(out, "  Stack %zu:\n", i + 1);
    wr_print_stack(out, &r->stacks[i], "    ");
    if (sources) print_source(out, &r->stacks[i], o);
  }
  print_mutexes(out, r);
  print_location(out, &r->location);
  print_threads(out, r);
}

void wr_text_summary(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o) {
  size_t total = 0;
  for (size_t i = 0; i < m->n; i++) {
    wr_text_report(out, &m->u[i], i + 1, m->n, o, true);
    fputc('\n', out);
    total += m->u[i].count;
  }
  if (m->n == 0)
    fprintf(out, "weft-report: no reports in %zu log%s\n", o->logs, o->logs == 1 ? "" : "s");
  else
    fprintf(out, "weft-report: %zu unique report%s (%zu in all) in %zu log%s\n", m->n,
            m->n == 1 ? "" : "s", total, o->logs, o->logs == 1 ? "" : "s");
}
