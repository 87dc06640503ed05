/* Merging: the reports of any number of logs become one list of unique
 * reports, keyed by fingerprint, each with how often and in which processes
 * it was seen.  The first report seen stands for the others (logs are read
 * in command-line order, a directory's files in name order, so the choice
 * is reproducible).  The fingerprint is taken as the runtime wrote it:
 * baselines and suppressions name it, so it must never be recomputed.
 * A process's "repeats" record says how often it found a report it
 * printed once: those finds count too.  A record whose report is not in
 * the logs (suppressed, or cut from the file) counts nothing. */
#include "report.h"

#include <stdlib.h>
#include <string.h>


/* FNV-1a over the hex digits: only spreads the table, never shown. */
static size_t hash(const char *fp) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *fp; fp++) h = (h ^ (unsigned char)*fp) * 0x100000001b3ull;
  return (size_t)h;
}

void wr_merge(const struct wr_set *set, struct wr_merged *m) {
  size_t slots = 16;
  while (slots < set->n * 2) slots *= 2;
  /* Slot i holds index+1 into m->u; 0 is empty. */
  size_t *table = wr_xrealloc(NULL, slots * sizeof *table);
  memset(table, 0, slots * sizeof *table);
  m->u = NULL;
  m->n = 0;
  size_t cap = 0;
  for (size_t i = 0; i < set->n; i++) {
    struct wr_report *r = set->reports[i];
    size_t s = hash(r->fingerprint) & (slots - 1);
    while (table[s] && strcmp(m->u[table[s] - 1].report->fingerprint, r->fingerprint) != 0)
      s = (s + 1) & (slots - 1);
    if (!table[s]) {
      if (m->n == cap) {
        cap = cap ? cap * 2 : 16;
        m->u = wr_xrealloc(m->u, cap * sizeof *m->u);
      }
      m->u[m->n] = (struct wr_unique){.report = r};
      table[s] = ++m->n;
    }
    struct wr_unique *u = &m->u[table[s] - 1];
    u->count++;
    bool seen = false;
    for (size_t k = 0; k < u->npids && !seen; k++) seen = u->pids[k] == r->pid;
    if (!seen) {
      /* Grows by powers of two: npids is the only size kept. */
      if ((u->npids & (u->npids - 1)) == 0)
        u->pids = wr_xrealloc(u->pids, (u->npids ? u->npids * 2 : 1) * sizeof *u->pids);
      u->pids[u->npids++] = r->pid;
    }
  }
  for (size_t i = 0; i < set->nrepeats; i++) {
    const struct wr_report *r = set->repeats[i];
    size_t s = hash(r->fingerprint) & (slots - 1);
    while (table[s] && strcmp(m->u[table[s] - 1].report->fingerprint, r->fingerprint) != 0)
      s = (s + 1) & (slots - 1);
    if (!table[s]) continue;
    struct wr_unique *u = &m->u[table[s] - 1];
    u->count += (size_t)(r->seen - 1);
    if (r->pairs > u->pairs) u->pairs = r->pairs;
  }
  free(table);
}

void wr_merged_free(struct wr_merged *m) {
  for (size_t i = 0; i < m->n; i++) free(m->u[i].pids);
  free(m->u);
  m->u = NULL;
  m->n = 0;
}
