/* Baselines: the set of fingerprints a project already knows about, so CI
 * fails only on new reports.  A baseline is either a previous JSON Lines
 * log (any line starting with '{' says so) or a list of fingerprints, one
 * per line, with '#' comments, as `weft-report baseline` writes it.  The
 * list names functions and file base names in comments, never paths or
 * line numbers: it is committed, and must not churn with unrelated edits
 * or differ between machines. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void add(struct wr_baseline *b, const char *fp) {
  if (b->n == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 64;
    b->fps = realloc(b->fps, b->cap * sizeof *b->fps);
    if (!b->fps) {
      fputs("weft-report: error: out of memory\n", stderr);
      exit(2);
    }
  }
  for (int i = 0; i < 16; i++)
    b->fps[b->n][i] = (char)(fp[i] >= 'A' && fp[i] <= 'F' ? fp[i] - 'A' + 'a' : fp[i]);
  b->fps[b->n][16] = '\0';
  b->n++;
}

static int by_fp(const void *a, const void *b) { return strcmp(a, b); }

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && strchr(" \t\r\n", s[n - 1])) s[--n] = '\0';
  return s;
}

/* 1: a JSON Lines log; 0: a fingerprint list; -1: unreadable. */
static int sniff(const char *path, const struct wr_load_opts *o) {
  FILE *f = fopen(path, "r");
  if (!f) {
    if (o->diag) fprintf(o->diag, "weft-report: error: %s: %s\n", path, strerror(errno));
    return -1;
  }
  int c, kind = 0;
  bool line_start = true, comment = false;
  while ((c = fgetc(f)) != EOF) {
    if (c == '\n') {
      line_start = true;
      comment = false;
      continue;
    }
    if (comment || c == ' ' || c == '\t' || c == '\r') continue;
    if (line_start && c == '#') {
      comment = true;
      continue;
    }
    kind = c == '{';
    break;
  }
  fclose(f);
  return kind;
}

int wr_baseline_load(struct wr_baseline *b, const char *path, const struct wr_load_opts *o) {
  int kind = sniff(path, o);
  if (kind < 0) return -1;
  if (kind == 1) {
    struct wr_set set = {0};
    int status = wr_load_path(&set, path, o);
    for (size_t i = 0; status == 0 && i < set.n; i++) add(b, set.reports[i]->fingerprint);
    wr_set_free(&set);
    if (status != 0) return -1;
  } else {
    FILE *f = fopen(path, "r");
    if (!f) {
      if (o->diag) fprintf(o->diag, "weft-report: error: %s: %s\n", path, strerror(errno));
      return -1;
    }
    char line[512];
    long lineno = 0;
    int status = 0;
    while (status == 0 && fgets(line, sizeof line, f)) {
      lineno++;
      size_t len = strlen(line);
      if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f)) {
        if (o->diag)
          fprintf(o->diag, "weft-report: error: %s:%ld: line too long for a baseline\n", path,
                  lineno);
        status = -1;
        break;
      }
      char *hash = strchr(line, '#');
      if (hash) *hash = '\0';
      char *fp = trim(line);
      if (!*fp) continue;
      if (strlen(fp) != 16 || strspn(fp, "0123456789abcdefABCDEF") != 16 ||
          wr_utf8_check(fp, strlen(fp)) != strlen(fp)) {
        if (o->diag) {
          fprintf(o->diag,
                  "weft-report: error: %s:%ld: expected a fingerprint (16 hexadecimal "
                  "digits)",
                  path, lineno);
          if (wr_utf8_check(fp, strlen(fp)) == strlen(fp)) fprintf(o->diag, ", got '%.40s'", fp);
          fputc('\n', o->diag);
        }
        status = -1;
        break;
      }
      add(b, fp);
    }
    if (status == 0 && ferror(f)) {
      if (o->diag) fprintf(o->diag, "weft-report: error: %s: read error\n", path);
      status = -1;
    }
    fclose(f);
    if (status != 0) return -1;
  }
  if (b->n) qsort(b->fps, b->n, sizeof *b->fps, by_fp);
  return 0;
}

long wr_baseline_find(const struct wr_baseline *b, const char *fp) {
  if (!b->n) return -1;
  char(*at)[17] = bsearch(fp, b->fps, b->n, sizeof *b->fps, by_fp);
  if (!at) return -1;
  /* The first of equal entries, so a duplicated line counts once. */
  while (at > b->fps && strcmp(at[-1], fp) == 0) at--;
  return (long)(at - b->fps);
}

void wr_baseline_free(struct wr_baseline *b) {
  free(b->fps);
  memset(b, 0, sizeof *b);
}

static int by_report_fp(const void *a, const void *b) {
  const struct wr_unique *x = a, *y = b;
  return strcmp(x->report->fingerprint, y->report->fingerprint);
}

/* "function (file.c)": what a person finds the report by. */
static void site(char *buf, size_t len, const char *function, const char *file) {
  if (file[0])
    snprintf(buf, len, "%.250s (%.250s)", function, wr_basename(file));
  else
    snprintf(buf, len, "%.250s", function);
}

void wr_baseline_write(FILE *out, const struct wr_merged *m) {
  fputs("# weft baseline: reports already known, one fingerprint per line.\n"
        "# `weft-report diff --baseline <this file> <logs>` fails only on reports\n"
        "# whose fingerprint is not listed here.  Written by `weft-report baseline`.\n",
        out);
  /* Sorted, so regenerating it yields a small diff whatever the order the
   * tests ran in. */
  struct wr_unique *sorted = malloc((m->n ? m->n : 1) * sizeof *sorted);
  if (!sorted) {
    fputs("weft-report: error: out of memory\n", stderr);
    exit(2);
  }
  if (m->n) memcpy(sorted, m->u, m->n * sizeof *sorted);
  qsort(sorted, m->n, sizeof *sorted, by_report_fp);
  for (size_t i = 0; i < m->n; i++) {
    const struct wr_report *r = sorted[i].report;
    char a[600], b[600];
    site(a, sizeof a, r->summary.function, r->summary.file);
    fprintf(out, "%s  # %s in ", r->fingerprint, r->kind);
    /* A race names both sides, which tells apart two races of one
     * function; in name order, since which side came first varies. */
    const struct wr_frame *f = r->naccesses > 1 ? wr_top_frame(&r->accesses[1].stack) : NULL;
    if (f) {
      site(b, sizeof b, f->function, f->file);
      fprintf(out, "%s and %s\n", strcmp(a, b) <= 0 ? a : b, strcmp(a, b) <= 0 ? b : a);
    } else {
      fprintf(out, "%s\n", a);
    }
  }
  free(sorted);
}
