/* One report per bug as a person sees it: a race whose two accesses are
 * at the same source lines (function, file, line of each top frame, in
 * either order) as a race printed before, on the same memory object, is
 * that report again and is counted, not printed.  A macro that expands
 * into hundreds of instructions on one line (a red-black tree, say) then
 * gives one report, not one per pair of instructions.
 *
 * The cheap filter in front (report.c) still drops a pair of pcs seen
 * before without symbolizing anything; what reaches here is a new pair,
 * symbolized once.  Each group keeps how often it was found (seen) and
 * at how many pairs of instructions (pairs); at exit the groups seen more
 * than once are listed with their fingerprints, which name the printed
 * report: a text note, or with report_format=json a "repeats" record in
 * the report log, where weft-report finds it.  dedup_by=pc keeps one report per pair of pcs instead.
 *
 * The memory object: a global's start, a heap block's allocation stack
 * (every node of one tree is the same object to a reader), the kind
 * alone for stacks, TLS and fds (a thread's own, whichever it is).
 *
 * Groups live in a fixed table; once it is full, new groups are not
 * made and their reports print as with dedup_by=pc.  Report lock held,
 * except wt_repeat_seen, which only counts. */
#include "internal.h"

#include <stdio.h>

#define GROUPS_MAX 4096
#define GROUP_SLOTS (2 * GROUPS_MAX) /* open addressing, half full at most */
#define WHERE_MAX 200

typedef struct group {
  uint64_t key, fingerprint;
  _Atomic uint32_t seen, pairs;
  int kind;
  char where[WHERE_MAX]; /* "file:line in function and file:line in function" */
} group;

static group *groups;            /* [GROUPS_MAX], index + 1 is a group's id */
static _Atomic uint32_t ngroups; /* published after the group is filled */
static uint32_t *slots;          /* [GROUP_SLOTS]: group id, 0 empty */

typedef struct top {
  wt_frame f;
  bool found;
} top;

static void take_top(const wt_frame *f, int k, void *arg) {
  top *t = arg;
  t->f = *f;
  t->found = true;
}

/* The source line of a stack's top frame, hashed; 0 when nothing is
 * known of it (no symbols), so such reports keep per-pc dedup. */
static uint64_t line_key(wt_ctx ctx, top *t) {
  t->found = false;
  wt_report_walk_stack(ctx, take_top, t, 1);
  if (!t->found || !t->f.file[0] || t->f.line <= 0) return 0;
  uint64_t h = wt_fnv1a(WT_FNV_BASIS, t->f.function, wt_strlen(t->f.function) + 1);
  h = wt_fnv1a(h, t->f.file, wt_strlen(t->f.file) + 1);
  return wt_fnv1a(h, &t->f.line, sizeof t->f.line) | 1;
}

static uint64_t object_key(const wt_report_loc *l) {
  switch (l->kind) {
  case WT_LOC_GLOBAL: return (uint64_t)l->start;
  case WT_LOC_HEAP: return (uint64_t)l->ctx << 1 | 1;
  default: return 0;
  }
}

static void describe(group *g, const top *a, const top *b) {
  wt_snprintf(g->where, sizeof g->where, "%s:%d in %s and %s:%d in %s", wt_base_name(a->f.file),
           a->f.line, a->f.function, wt_base_name(b->f.file), b->f.line, b->f.function);
}

bool wt_repeat_of_printed(const wt_report *r, uint32_t *id) {
  *id = 0;
  if (r->kind != WT_R_DATA_RACE || wt_opt_dedup_by != 0) return false;
  top a, b;
  uint64_t ka = line_key(r->cur.ctx, &a), kb = line_key(r->prev.ctx, &b);
  if (!ka || !kb) return false;
  if (ka > kb) {
    uint64_t k = ka;
    ka = kb;
    kb = k;
  }
  uint64_t key = wt_hash64(wt_hash64(wt_hash64(ka) + kb) + object_key(&r->loc)) | 1;
  if (!groups) {
    groups = wt_mmap_noreserve(GROUPS_MAX * sizeof *groups);
    slots = wt_mmap_noreserve(GROUP_SLOTS * sizeof *slots);
  }
  uint32_t i = (uint32_t)key & (GROUP_SLOTS - 1);
  for (; slots[i]; i = (i + 1) & (GROUP_SLOTS - 1)) {
    group *g = &groups[slots[i] - 1];
    if (g->key == key) {
      atomic_fetch_add_explicit(&g->seen, 1, memory_order_relaxed);
      atomic_fetch_add_explicit(&g->pairs, 1, memory_order_relaxed);
      *id = slots[i];
      return true;
    }
  }
  uint32_t n = atomic_load_explicit(&ngroups, memory_order_relaxed);
  if (n == GROUPS_MAX) return false;
  group *g = &groups[n];
  g->key = key;
  g->fingerprint = r->fingerprint;
  g->kind = r->kind;
  atomic_store_explicit(&g->seen, 1, memory_order_relaxed);
  atomic_store_explicit(&g->pairs, 1, memory_order_relaxed);
  describe(g, &a, &b);
  atomic_store_explicit(&ngroups, n + 1, memory_order_release);
  slots[i] = n + 1;
  *id = n + 1;
  return false;
}

void wt_repeat_seen(uint32_t id) {
  if (id && id <= GROUPS_MAX && groups)
    atomic_fetch_add_explicit(&groups[id - 1].seen, 1, memory_order_relaxed);
}

void wt_repeats_print_summary(void) {
  uint32_t n = atomic_load_explicit(&ngroups, memory_order_acquire);
  for (uint32_t i = 0; i < n; i++) {
    group *g = &groups[i];
    unsigned seen = atomic_load_explicit(&g->seen, memory_order_relaxed);
    unsigned pairs = atomic_load_explicit(&g->pairs, memory_order_relaxed);
    if (seen <= 1) continue;
    if (wt_opt_report_format == WT_FORMAT_JSON)
      wt_print_repeats_json(g->kind, g->fingerprint, seen, pairs);
    else
      wt_printf("weft: %s %016llx (%s) seen %u times at %u instruction pairs\n",
                wt_report_kind_name(g->kind), (unsigned long long)g->fingerprint, g->where,
                seen, pairs);
  }
}
