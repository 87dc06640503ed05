/* The lock-order graph: which lock each thread acquired while holding
 * which others, and the lock-order inversions (cycles) that can really
 * deadlock.  Nothing here blocks or prints: a new cycle is handed to
 * report.c.  Real deadlocks are deadlock.c's; misuse is misuse.c's.
 *
 * Nodes are locks by report number (M<uid>): a lock destroyed or freed
 * and made again at the same address has a new uid, so it is a new node.
 * An edge A -> B says "B was acquired, blocking, while A was held"; it is
 * added from every held lock, not only the last one, so that each edge
 * keeps exactly the facts of one acquisition.  Each edge keeps up to
 * EDGE_INSTS *instances*: the thread, its place in the fork/join order,
 * the whole set of locks held (with modes) and both stacks.
 *
 * A cycle is reported only if one instance per edge can be chosen so
 * that the chosen instances could all be blocked at once:
 *  - they are made by pairwise different threads;
 *  - no two hold a common lock with at least one holding it exclusively
 *    (a gate lock makes them take turns);
 *  - no two are ordered by thread creation and join (fork/join order
 *    only: a lock or a condition variable orders two threads in one run
 *    and not in the next);
 *  - each waits for the next one's lock in a mode that conflicts with
 *    the mode the next one holds it in (read and read do not conflict).
 * When no such choice exists, the first two rules are dropped and the
 * cycle is reported as one whose orders were kept apart in this run (by
 * being one thread's, or by creation and join), unless
 * deadlock_concurrent_only is set.  That is what lockdep and the other
 * detectors report: the order is the bug, and the code paths that take
 * it one after the other in a test run side by side in production.  A
 * gate lock and read-read still rule a cycle out: they do in any run.
 * The search runs when an edge or instance is new: from the new edge's
 * target, breadth first, over edges with an instance compatible with the
 * new one, so the cycle found is the shortest through the new edge; then
 * the instances of its other edges are matched pairwise.  Each cycle (as
 * a sequence of locks) is reported once.  Trylocks add no edge into the
 * lock they take (sync.c): they cannot block.
 *
 * Cost.  An acquisition made while holding locks first probes the chain
 * cache, a lock-free set of (held lockset, lock, mode, thread, fork/join
 * position) fingerprints: a repeated acquisition order costs one probe.
 * On a miss the graph lock is taken.  The graph's strongly connected
 * components (the sets of locks already joined by some cycle) are kept
 * incrementally, with a topological order of the components (Pearce and
 * Kelly's algorithm, extended to merge the components a new edge closes
 * a cycle through).  An edge between components in order costs O(1); one
 * against the order reorders only the components between its ends, and
 * merges them if it closes a cycle.  Only an edge inside a component can
 * be on a cycle, and the search for one stays inside that component,
 * however large the rest of the graph is.
 *
 * Memory is bounded: the tables below are reserved address space, backed
 * as used.  When one fills, lock-order checking stops with one line. */
#include "internal.h"

#define NODE_BITS 20
#define MAX_NODES (1u << NODE_BITS)         /* 64 B each */
#define MAX_EDGES (1u << 20)                /* 32 B each */
#define MAX_INSTS (1u << 21)                /* 28 B each */
#define EDGE_INSTS 16                       /* instances kept per edge */
#define CHAIN_BITS 21                       /* chain cache: 16 MiB */
#define CHAIN_SLOTS (1u << CHAIN_BITS)
#define CHAIN_MAX (CHAIN_SLOTS / 4 * 3)
#define CYCLE_BITS 16                       /* cycles reported */
#define MAX_THREADS (1u << 20)              /* fork/join records: 28 B each */
#define HB_BUDGET (1u << 20)                /* steps per fork/join query */
#define MATCH_BUDGET (1u << 17)             /* steps matching a cycle's instances */
#define MAX_FOUND 4                         /* new cycles reported per acquisition */
#define NONE 0u                             /* index 0 of every table is unused */

typedef struct node {
  uint32_t uid;       /* M<uid> */
  uint32_t scc;       /* union-find parent; a root stands for its component */
  uint32_t ord;       /* a root's place in the topological order */
  uint32_t members;   /* a root's member list, through next_member ... */
  uint32_t last_member, size; /* ... its tail and length */
  uint32_t next_member;
  uint32_t out, in;   /* edge lists */
  uint32_t xout, xout_last, xin, xin_last; /* a root's edges leaving / entering
                                               its component (some may have
                                               become inner: dropped when met) */
  uint32_t mark, mark2; /* visit stamps of the current search */
  uint32_t prev;      /* breadth-first search: the edge that reached it */
} node;

enum { E_WILD = 2 };
typedef struct edge {
  uint32_t from, to;  /* nodes */
  uint32_t next_out, next_in;
  uint32_t xnext_out, xnext_in; /* the components' lists */
  uint32_t inst;      /* newest instance */
  uint16_t ninst, flags;
} edge;

/* One acquisition: `thread`, at fork/join position `pos`, holding the
 * lockset `held` (from-lock included), acquired the edge's target. */
typedef struct inst {
  uint32_t next;
  uint32_t thread, pos;
  wt_lockset held;
  wt_ctx from_ctx, to_ctx;
  uint16_t from_write, to_write;
} inst;

/* Fork/join order of threads, by uid; links are uid + 1 (0: none). */
typedef struct fj_rec {
  uint32_t fork_pos;   /* the parent's position when it created this one */
  uint32_t joiner, join_pos;
  uint32_t children, sibling; /* newest child first */
  uint32_t best;       /* query scratch: lowest position reached */
  uint32_t stamp;
} fj_rec;

static wt_spin g_lock;          /* the graph */
static wt_spin fj_lock;         /* fork/join records; taken after g_lock */
static _Atomic int disabled;
static _Atomic int ready;
static node *nodes;
static uint32_t *node_slots;
static edge *edges;
static uint32_t *edge_slots;
static inst *insts;
static uint32_t nnodes = 1, nedges = 1, ninsts = 1;
static _Atomic uint64_t *chain;
static _Atomic uint32_t nchain;
static uint64_t *cycles;
static uint32_t ncycles;
static fj_rec *fj;
static uint8_t *thread_seen;     /* threads that made an edge, by uid */
static uint32_t nthreads_seen;   /* a cycle never has more edges than that */
static uint32_t stamp, fj_stamp;
static uint32_t *scratch;       /* searches' work lists (under g_lock) */
static uint32_t scratch_cap;

/* Each thread's place in its own sequence of creates and joins. */
static __thread uint32_t fj_pos __attribute__((tls_model("initial-exec")));

static WT_NOINLINE void stop(const char *what) {
  if (!atomic_exchange_explicit(&disabled, 1, memory_order_relaxed))
    wt_printf("weft: %s full; lock-order inversions are no longer checked\n", what);
}

static WT_NOINLINE void setup(void) {
  wt_spin_lock(&g_lock);
  if (!atomic_load_explicit(&ready, memory_order_relaxed)) {
    nodes = wt_mmap_noreserve((size_t)MAX_NODES * sizeof(node));
    node_slots = wt_mmap_noreserve((size_t)MAX_NODES * 2 * sizeof(uint32_t));
    edges = wt_mmap_noreserve((size_t)MAX_EDGES * sizeof(edge));
    edge_slots = wt_mmap_noreserve((size_t)MAX_EDGES * 2 * sizeof(uint32_t));
    insts = wt_mmap_noreserve((size_t)MAX_INSTS * sizeof(inst));
    chain = wt_mmap_noreserve((size_t)CHAIN_SLOTS * sizeof(uint64_t));
    cycles = wt_mmap_noreserve(((size_t)1 << CYCLE_BITS) * sizeof(uint64_t));
    thread_seen = wt_mmap_noreserve(MAX_THREADS / 8);
    atomic_store_explicit(&ready, 1, memory_order_release);
  }
  wt_spin_unlock(&g_lock);
}

static fj_rec *fj_table(void) {
  if (!fj) fj = wt_mmap_noreserve((size_t)MAX_THREADS * sizeof(fj_rec));
  return fj;
}

/* ---- the chain cache (lock-free) ---------------------------------------- */
/* True if key was there; otherwise adds it (false when full, after
 * stopping the check). */
static bool chain_seen(uint64_t key, bool add) {
  uint32_t mask = CHAIN_SLOTS - 1;
  for (uint32_t i = (uint32_t)key & mask;; i = (i + 1) & mask) {
    uint64_t v = atomic_load_explicit(&chain[i], memory_order_relaxed);
    if (v == key) return true;
    if (v != 0) continue;
    if (!add) return false;
    if (atomic_fetch_add_explicit(&nchain, 1, memory_order_relaxed) >= CHAIN_MAX) {
      stop("lock-order chain cache");
      return false;
    }
    if (atomic_compare_exchange_strong_explicit(&chain[i], &v, key, memory_order_relaxed,
                                                memory_order_relaxed))
      return false;
    atomic_fetch_sub_explicit(&nchain, 1, memory_order_relaxed);
    if (v == key) return true;
  }
}

/* ---- nodes and edges (under g_lock) ------------------------------------- */
static uint32_t node_get(uint32_t uid) {
  uint32_t mask = MAX_NODES * 2 - 1;
  for (uint32_t i = (uint32_t)wt_hash64(uid) & mask;; i = (i + 1) & mask) {
    uint32_t n = node_slots[i];
    if (n == NONE) {
      if (nnodes >= MAX_NODES) return NONE;
      n = nnodes++;
      nodes[n] = (node){.uid = uid, .scc = n, .ord = n, .members = n, .last_member = n,
                        .size = 1};
      node_slots[i] = n;
      return n;
    }
    if (nodes[n].uid == uid) return n;
  }
}

static uint32_t find(uint32_t n);

static uint32_t edge_get(uint32_t a, uint32_t b, bool *fresh) {
  uint32_t mask = MAX_EDGES * 2 - 1;
  *fresh = false;
  for (uint32_t i = (uint32_t)wt_hash64((uint64_t)a << 32 | b) & mask;; i = (i + 1) & mask) {
    uint32_t e = edge_slots[i];
    if (e == NONE) {
      if (nedges >= MAX_EDGES) return NONE;
      e = nedges++;
      edges[e] = (edge){.from = a, .to = b, .next_out = nodes[a].out, .next_in = nodes[b].in};
      nodes[a].out = e;
      nodes[b].in = e;
      uint32_t ra = find(a), rb = find(b);
      if (ra != rb) {
        if (nodes[ra].xout) edges[nodes[ra].xout_last].xnext_out = e;
        else nodes[ra].xout = e;
        nodes[ra].xout_last = e;
        if (nodes[rb].xin) edges[nodes[rb].xin_last].xnext_in = e;
        else nodes[rb].xin = e;
        nodes[rb].xin_last = e;
      }
      edge_slots[i] = e;
      *fresh = true;
      return e;
    }
    if (edges[e].from == a && edges[e].to == b) return e;
  }
}

static bool same_inst(const inst *x, const inst *y) {
  return x->thread == y->thread && x->pos == y->pos && x->held == y->held &&
         x->from_write == y->from_write && x->to_write == y->to_write;
}

/* Adds x to e; NONE if it is not new (or nothing can be stored).  Past
 * EDGE_INSTS instances the edge turns wild: its last instance then stands
 * for any thread, holding nothing, ordered with nothing, which can only
 * add reports, never hide one. */
static uint32_t inst_add(uint32_t e, const inst *x, bool check_all) {
  edge *ed = &edges[e];
  if (ed->flags & E_WILD) return NONE;
  for (uint32_t i = ed->inst; i != NONE; i = insts[i].next) {
    if (same_inst(&insts[i], x)) return NONE;
    if (!check_all) break;
  }
  if (ninsts >= MAX_INSTS) return NONE;
  uint32_t i = ninsts++;
  insts[i] = *x;
  insts[i].next = ed->inst;
  ed->inst = i;
  if (++ed->ninst > EDGE_INSTS) ed->flags |= E_WILD;
  return i;
}

static bool wild(uint32_t e, uint32_t i) {
  return (edges[e].flags & E_WILD) && edges[e].inst == i;
}

static uint32_t *scratch_grow(uint32_t keep) {
  uint32_t cap = scratch_cap * 2;
  uint32_t *s = wt_alloc((size_t)cap * sizeof(uint32_t));
  __builtin_memcpy(s, scratch, (size_t)keep * sizeof(uint32_t));
  wt_free(scratch, (size_t)scratch_cap * sizeof(uint32_t));
  scratch = s;
  scratch_cap = cap;
  return s;
}

static uint32_t *scratch_get(uint32_t n) {
  if (n > scratch_cap) {
    uint32_t cap = scratch_cap ? scratch_cap : 1024;
    while (cap < n) cap *= 2;
    uint32_t *s = wt_alloc((size_t)cap * sizeof(uint32_t));
    if (scratch) wt_free(scratch, (size_t)scratch_cap * sizeof(uint32_t));
    scratch = s;
    scratch_cap = cap;
  }
  return scratch;
}

/* ---- the topological order (Pearce-Kelly) -------------------------------- */
static void sort64(uint64_t *a, uint32_t n) {
  for (uint32_t i = n / 2; i-- > 0;)
    for (uint32_t r = i, c; (c = 2 * r + 1) < n; r = c) {
      if (c + 1 < n && a[c + 1] > a[c]) c++;
      if (a[r] >= a[c]) break;
      uint64_t x = a[r]; a[r] = a[c]; a[c] = x;
    }
  for (uint32_t end = n; end-- > 1;) {
    uint64_t x = a[0]; a[0] = a[end]; a[end] = x;
    for (uint32_t r = 0, c; (c = 2 * r + 1) < end; r = c) {
      if (c + 1 < end && a[c + 1] > a[c]) c++;
      if (a[r] >= a[c]) break;
      x = a[r]; a[r] = a[c]; a[c] = x;
    }
  }
}

static uint32_t find(uint32_t n) {
  while (nodes[n].scc != n) {
    nodes[n].scc = nodes[nodes[n].scc].scc; /* path halving */
    n = nodes[n].scc;
  }
  return n;
}

/* Over the edges between components, forward or backward from component
 * `from`, the components whose place is in [lo, hi]; each is stamped
 * (mark, or mark2 when `second`) and added to list[*n...] as
 * ord << 32 | root.  The list doubles as the work queue. */
static void collect(uint32_t from, bool forward, uint32_t lo, uint32_t hi, bool second,
                    uint32_t stamp_, uint64_t **list, uint32_t *n, uint32_t *cap) {
  uint32_t start = *n;
  if (second) nodes[from].mark2 = stamp_;
  else nodes[from].mark = stamp_;
  (*list)[(*n)++] = (uint64_t)nodes[from].ord << 32 | from;
  for (uint32_t k = start; k < *n; k++) {
    uint32_t x = (uint32_t)(*list)[k];
    uint32_t *pp = forward ? &nodes[x].xout : &nodes[x].xin, last = NONE;
    for (uint32_t e = *pp; e != NONE; e = *pp) {
      uint32_t *next = forward ? &edges[e].xnext_out : &edges[e].xnext_in;
      uint32_t y = find(forward ? edges[e].to : edges[e].from);
      if (y == x) { /* inside the component since a merge: drop it */
        *pp = *next;
        *next = NONE;
        continue;
      }
      last = e;
      pp = next;
      uint32_t o = nodes[y].ord;
      if (o < lo || o > hi) continue;
      uint32_t *m = second ? &nodes[y].mark2 : &nodes[y].mark;
      if (*m == stamp_) continue;
      *m = stamp_;
      if (*n == *cap) {
        uint64_t *l = wt_alloc((size_t)*cap * 2 * sizeof(uint64_t));
        __builtin_memcpy(l, *list, (size_t)*cap * sizeof(uint64_t));
        wt_free(*list, (size_t)*cap * sizeof(uint64_t));
        *list = l;
        *cap *= 2;
      }
      (*list)[(*n)++] = (uint64_t)o << 32 | y;
    }
    if (forward) nodes[x].xout_last = last;
    else nodes[x].xin_last = last;
  }
}

static uint64_t *pk_list;
static uint32_t pk_cap;

/* Orders (and merges) components for the new edge e; true if e now lies
 * inside one component, i.e. on some cycle of the graph. */
static bool order_insert(uint32_t e) {
  uint32_t sa = find(edges[e].from), sb = find(edges[e].to);
  if (sa == sb) return true;
  uint32_t lb = nodes[sb].ord, ub = nodes[sa].ord;
  if (ub < lb) return false;
  if (!pk_list) {
    pk_cap = 1024;
    pk_list = wt_alloc(pk_cap * sizeof(uint64_t));
  }
  /* F: reachable from b's component, up to a's place (a included). */
  uint32_t nf = 0, mf = ++stamp, mb = ++stamp;
  collect(sb, true, lb, ub, false, mf, &pk_list, &nf, &pk_cap);
  bool cycle = nodes[sa].mark == mf;
  /* B: reaching a's component, down to b's place. */
  uint32_t nall = nf;
  collect(sa, false, lb, ub, true, mb, &pk_list, &nall, &pk_cap);
  /* The new order of these components, in the order numbers they used:
   * those that reach a (and are not reached from b) at the bottom, each
   * moving down, then, if e closes a cycle, the merged component of
   * those that are both, then those reached from b at the top, each
   * moving up.  Among each group the old order stays.  A cycle frees the
   * numbers of the merged components but one; gaps do not matter. */
  uint64_t *pool = wt_alloc((size_t)nall * sizeof(uint64_t));
  uint32_t npool = 0;
  for (uint32_t i = 0; i < nall; i++)
    if (i < nf || nodes[(uint32_t)pk_list[i]].mark != mf) pool[npool++] = pk_list[i] >> 32;
  sort64(pool, npool);
  sort64(pk_list, nf);
  sort64(pk_list + nf, nall - nf);
  uint32_t low = 0, high = npool;
  for (uint32_t i = nf; i < nall; i++) {
    uint32_t x = (uint32_t)pk_list[i];
    if (nodes[x].mark == mf) continue; /* both: merged below */
    nodes[x].ord = (uint32_t)pool[low++];
  }
  for (uint32_t i = nf; i-- > 0;) {
    uint32_t x = (uint32_t)pk_list[i];
    if (nodes[x].mark2 == mb) continue;
    nodes[x].ord = (uint32_t)pool[--high];
  }
  if (cycle) {
    /* Every component both reached from b and reaching a becomes one,
     * rooted at the largest (so finds stay short). */
    uint32_t root = sa;
    for (uint32_t i = 0; i < nf; i++) {
      uint32_t x = (uint32_t)pk_list[i];
      if (nodes[x].mark2 == mb && nodes[x].size > nodes[root].size) root = x;
    }
    for (uint32_t i = 0; i < nf; i++) {
      uint32_t x = (uint32_t)pk_list[i];
      if (x == root || nodes[x].mark2 != mb) continue;
      nodes[nodes[root].last_member].next_member = nodes[x].members;
      nodes[root].last_member = nodes[x].last_member;
      nodes[root].size += nodes[x].size;
      nodes[x].scc = root;
      if (nodes[x].xout) {
        if (nodes[root].xout) edges[nodes[root].xout_last].xnext_out = nodes[x].xout;
        else nodes[root].xout = nodes[x].xout;
        nodes[root].xout_last = nodes[x].xout_last;
      }
      if (nodes[x].xin) {
        if (nodes[root].xin) edges[nodes[root].xin_last].xnext_in = nodes[x].xin;
        else nodes[root].xin = nodes[x].xin;
        nodes[root].xin_last = nodes[x].xin_last;
      }
    }
    nodes[root].ord = (uint32_t)pool[--high];
  }
  wt_free(pool, (size_t)nall * sizeof(uint64_t));
  return cycle;
}

/* ---- fork/join order (under fj_lock) ------------------------------------- */
static bool fj_known(uint32_t uid) { return uid < MAX_THREADS; }

static uint32_t *fjq;             /* fj_before's queue */
static uint32_t fjq_cap;

static void fj_push(uint32_t y, uint32_t *tail) {
  if (*tail == fjq_cap) {
    uint32_t cap = fjq_cap ? fjq_cap * 2 : 1024;
    uint32_t *q = wt_alloc((size_t)cap * sizeof(uint32_t));
    if (fjq) {
      __builtin_memcpy(q, fjq, (size_t)*tail * sizeof(uint32_t));
      wt_free(fjq, (size_t)fjq_cap * sizeof(uint32_t));
    }
    fjq = q;
    fjq_cap = cap;
  }
  fjq[(*tail)++] = y;
}

/* Does (ta at position pa) happen before (tb at pb) through thread
 * creation and join alone?  Breadth first over threads, keeping the
 * lowest position reached in each (a thread reached at position p knows
 * everything after p).  Unknown or too costly: no. */
static bool fj_before(uint32_t ta, uint32_t pa, uint32_t tb, uint32_t pb) {
  if (ta == tb) return pa <= pb;
  if (!fj_known(ta) || !fj_known(tb)) return false;
  fj_rec *f = fj_table();
  uint32_t s = ++fj_stamp;
  uint32_t head = 0, tail = 0, steps = 0;
  f[ta].stamp = s;
  f[ta].best = pa;
  fj_push(ta, &tail);
  while (head < tail) {
    uint32_t x = fjq[head++];
    uint32_t p = f[x].best;
    if (x == tb) {
      if (p <= pb) return true;
      continue;
    }
    /* Children created at or after p (newest first), then the joiner. */
    for (uint32_t c = f[x].children; c != 0; c = f[c - 1].sibling) {
      uint32_t y = c - 1;
      if (f[y].fork_pos < p) break;
      if (++steps > HB_BUDGET) return false;
      if (f[y].stamp == s && f[y].best == 0) continue;
      f[y].stamp = s;
      f[y].best = 0;
      fj_push(y, &tail);
    }
    if (f[x].joiner != 0) {
      uint32_t y = f[x].joiner - 1, at = f[x].join_pos;
      if (++steps > HB_BUDGET) return false;
      if (f[y].stamp != s || f[y].best > at) {
        f[y].stamp = s;
        f[y].best = at;
        fj_push(y, &tail);
      }
    }
  }
  return false;
}

void wt_lockgraph_created(wt_thread *parent, uint32_t child_uid) {
  if (!fj_known(child_uid) || !fj_known(parent->uid)) return;
  wt_spin_lock(&fj_lock);
  fj_rec *f = fj_table();
  f[child_uid].fork_pos = fj_pos;
  f[child_uid].sibling = f[parent->uid].children;
  f[parent->uid].children = child_uid + 1;
  wt_spin_unlock(&fj_lock);
  fj_pos++;
}

void wt_lockgraph_joined(wt_thread *joiner, uint32_t child_uid) {
  fj_pos++;
  if (!fj_known(child_uid) || !fj_known(joiner->uid)) return;
  wt_spin_lock(&fj_lock);
  fj_rec *f = fj_table();
  f[child_uid].joiner = joiner->uid + 1;
  f[child_uid].join_pos = fj_pos;
  wt_spin_unlock(&fj_lock);
}

/* ---- instance compatibility ---------------------------------------------- */
static uint32_t *ls_a, *ls_b;
static uint32_t ls_cap;

/* Do two sets of held locks share a lock that one of them holds
 * exclusively?  Items are uid << 1 | write, sorted. */
static bool gates_conflict(wt_lockset a, wt_lockset b) {
  if (a == 0 || b == 0) return false;
  for (;;) {
    uint32_t na = wt_lockset_items(a, ls_a, ls_cap);
    uint32_t nb = wt_lockset_items(b, ls_b, ls_cap);
    if (na == ls_cap || nb == ls_cap) {
      uint32_t cap = ls_cap ? ls_cap * 4 : 256;
      if (ls_a) {
        wt_free(ls_a, ls_cap * sizeof(uint32_t));
        wt_free(ls_b, ls_cap * sizeof(uint32_t));
      }
      ls_a = wt_alloc(cap * sizeof(uint32_t));
      ls_b = wt_alloc(cap * sizeof(uint32_t));
      ls_cap = cap;
      continue;
    }
    for (uint32_t i = 0, j = 0; i < na && j < nb;) {
      uint32_t ua = ls_a[i] >> 1, ub = ls_b[j] >> 1;
      if (ua < ub) i++;
      else if (ub < ua) j++;
      else {
        /* Items of one uid sit together, read before write. */
        uint32_t wa = 0, wb = 0;
        for (; i < na && ls_a[i] >> 1 == ua; i++) wa |= ls_a[i] & 1;
        for (; j < nb && ls_b[j] >> 1 == ua; j++) wb |= ls_b[j] & 1;
        if (wa | wb) return true;
      }
    }
    return false;
  }
}

/* Could instances x (of edge ex) and y (of edge ey) be blocked at once,
 * by threads that ran at the same time, or (relaxed) by threads running
 * the same code paths in another run? */
static bool compatible(bool relaxed, uint32_t ex, uint32_t x, uint32_t ey, uint32_t y) {
  if (wild(ex, x) || wild(ey, y)) return true;
  const inst *a = &insts[x], *b = &insts[y];
  if (a->thread == b->thread && !relaxed) return false;
  if (gates_conflict(a->held, b->held)) return false;
  if (relaxed) return true;
  wt_spin_lock(&fj_lock);
  bool ordered = fj_before(a->thread, a->pos, b->thread, b->pos) ||
                 fj_before(b->thread, b->pos, a->thread, a->pos);
  wt_spin_unlock(&fj_lock);
  return !ordered;
}

/* x waits for the lock y holds: they conflict unless both are shared. */
static bool blocks(uint32_t x, uint32_t y) {
  return insts[x].to_write || insts[y].from_write;
}

/* ---- the search ---------------------------------------------------------- */
typedef struct cycle {
  bool relaxed; /* the second pass: instances of one thread, or ordered by
                   fork/join, may go together */
  uint32_t n;
  uint32_t e[WT_REPORT_CYCLE];  /* edges, e[0] the new one */
  uint32_t i[WT_REPORT_CYCLE];  /* the chosen instances */
} cycle;

static uint32_t match_steps;

/* Chooses instances for c->e[k..n) compatible with every one chosen. */
static bool match(cycle *c, uint32_t k) {
  if (k == c->n) return blocks(c->i[k - 1], c->i[0]);
  for (uint32_t y = edges[c->e[k]].inst; y != NONE; y = insts[y].next) {
    if (++match_steps > MATCH_BUDGET) return false;
    if (!blocks(c->i[k - 1], y)) continue;
    bool ok = true;
    for (uint32_t j = 0; j < k && ok; j++)
      ok = compatible(c->relaxed, c->e[j], c->i[j], c->e[k], y);
    if (!ok) continue;
    c->i[k] = y;
    if (match(c, k + 1)) return true;
  }
  return false;
}

/* Does edge f have an instance that could be blocked together with x? */
static bool usable(bool relaxed, uint32_t f, uint32_t ex, uint32_t x) {
  for (uint32_t y = edges[f].inst; y != NONE; y = insts[y].next)
    if (compatible(relaxed, ex, x, f, y)) return true;
  return false;
}

/* The shortest cycle through instance x of the new edge e, breadth first
 * from e's target back to its source; c->relaxed says which pass. */
static bool search(uint32_t e, uint32_t x, cycle *c) {
  uint32_t a = edges[e].from, b = edges[e].to;
  if (a == b) return false;
  /* A cycle through e stays inside e's component. */
  uint32_t comp = find(a);
  if (find(b) != comp) return false;
  /* Pairwise different threads: no longer than the threads there are. */
  uint32_t max_len = nthreads_seen < WT_REPORT_CYCLE && !c->relaxed ? nthreads_seen
                                                                    : WT_REPORT_CYCLE;
  uint32_t mark = ++stamp;
  uint32_t *q = scratch_get(1024);
  uint32_t head = 0, tail = 0, layer = 0, layer_end;
  nodes[b].mark = mark;
  nodes[b].prev = NONE;
  q[tail++] = b;
  layer_end = tail;
  bool found = false;
  while (head < tail && !found) {
    if (head == layer_end) {
      layer++;
      layer_end = tail;
    }
    /* Nodes of this layer are `layer` edges from b; with their out-edges
     * and e the cycle would have layer + 2 edges. */
    if (layer + 2 > max_len) break;
    uint32_t v = q[head++];
    for (uint32_t f = nodes[v].out; f != NONE && !found; f = edges[f].next_out) {
      uint32_t w = edges[f].to;
      if (nodes[w].mark == mark || find(w) != comp) continue;
      if (!usable(c->relaxed, f, e, x)) continue;
      nodes[w].mark = mark;
      nodes[w].prev = f;
      if (w == a) {
        found = true;
        break;
      }
      if (tail == scratch_cap) q = scratch_grow(tail);
      q[tail++] = w;
    }
  }
  if (!found) return false;
  /* Path b -> ... -> a, read backwards from a. */
  uint32_t path[WT_REPORT_CYCLE], n = 0;
  for (uint32_t v = a; v != b && n < WT_REPORT_CYCLE - 1; v = edges[nodes[v].prev].from)
    path[n++] = nodes[v].prev;
  c->n = n + 1;
  c->e[0] = e;
  c->i[0] = x;
  for (uint32_t k = 0; k < n; k++) c->e[k + 1] = path[n - 1 - k];
  match_steps = 0;
  if (match(c, 1)) return true;
  if (match_steps <= MATCH_BUDGET) return false;
  /* Too many combinations to try: report with any instances rather than
   * stay silent about a cycle that may be real. */
  for (uint32_t k = 1; k < c->n; k++) c->i[k] = edges[c->e[k]].inst;
  return true;
}

/* How the chosen instances were kept apart: one thread's, or not. */
static int cycle_apart(const cycle *c) {
  if (!c->relaxed) return WT_APART_NONE;
  for (uint32_t k = 1; k < c->n; k++)
    if (insts[c->i[k]].thread != insts[c->i[0]].thread) return WT_APART_FORK_JOIN;
  return WT_APART_ONE_THREAD;
}

/* Each cycle, as a sequence of locks from its lowest-numbered one, once
 * as kept apart and once as concurrent: a cycle first seen in one thread
 * is news again when two threads that ran together take it. */
static bool cycle_first_time(const cycle *c, uint32_t *start) {
  uint32_t lo = 0;
  for (uint32_t k = 1; k < c->n; k++)
    if (nodes[edges[c->e[k]].from].uid < nodes[edges[c->e[lo]].from].uid) lo = k;
  *start = lo;
  uint64_t h = c->n << 1 | (uint64_t)c->relaxed;
  for (uint32_t k = 0; k < c->n; k++)
    h = wt_hash64(h ^ nodes[edges[c->e[(lo + k) % c->n]].from].uid);
  if (h == 0) h = 1;
  uint32_t mask = (1u << CYCLE_BITS) - 1;
  for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
    if (cycles[i] == h) return false;
    if (cycles[i] == 0) {
      if (ncycles >= mask / 4 * 3) {
        stop("table of reported lock-order cycles");
        return false;
      }
      cycles[i] = h;
      ncycles++;
      return true;
    }
  }
}

static void to_report(const cycle *c, uint32_t start, wt_report_edge *out) {
  for (uint32_t k = 0; k < c->n; k++) {
    uint32_t e = c->e[(start + k) % c->n], i = c->i[(start + k) % c->n];
    out[k] = (wt_report_edge){
        .thread_uid = insts[i].thread,
        .held_uid = nodes[edges[e].from].uid,
        .held_write = insts[i].from_write,
        .next_uid = nodes[edges[e].to].uid,
        .next_write = insts[i].to_write,
        .held_ctx = insts[i].from_ctx,
        .next_ctx = insts[i].to_ctx,
    };
  }
}

void wt_lockgraph_acquire(wt_thread *t, uint32_t uid, bool write, wt_ctx ctx) {
  if (!wt_opt_detect_deadlocks) return;
  if (WT_UNLIKELY(!atomic_load_explicit(&ready, memory_order_acquire))) setup();
  if (atomic_load_explicit(&disabled, memory_order_relaxed)) return;
  /* Without a lockset id (its depot is full) the key would not name the
   * held locks: no caching then. */
  bool cache = t->lockset != 0;
  uint64_t key = wt_hash64(wt_hash64(((uint64_t)t->lockset << 32) | (uid << 1 | write)) ^
                     ((uint64_t)t->uid << 32 | fj_pos));
  if (key == 0) key = 1;
  if (cache && chain_seen(key, false)) return;
  wt_report_edge found[MAX_FOUND][WT_REPORT_CYCLE];
  uint32_t nfound[MAX_FOUND], nreports = 0;
  int apart[MAX_FOUND];
  wt_spin_lock(&g_lock);
  uint32_t nb = node_get(uid);
  if (nb == NONE) stop("lock-order graph (nodes)");
  if (t->uid >= MAX_THREADS) nthreads_seen = ~0u;
  else if (!(thread_seen[t->uid / 8] & (1u << t->uid % 8))) {
    thread_seen[t->uid / 8] |= (uint8_t)(1u << t->uid % 8);
    if (nthreads_seen != ~0u) nthreads_seen++;
  }
  for (uint32_t h = 0; h < t->nheld && nb != NONE; h++) {
    const wt_held *held = &t->held[h];
    if (held->uid == uid) continue;
    uint32_t na = node_get(held->uid);
    bool fresh;
    uint32_t e = na == NONE ? NONE : edge_get(na, nb, &fresh);
    if (e == NONE) {
      stop("lock-order graph (edges)");
      break;
    }
    inst x = {.thread = t->uid, .pos = fj_pos, .held = t->lockset,
              .from_ctx = held->ctx, .to_ctx = ctx,
              .from_write = (uint16_t)held->write, .to_write = write};
    uint32_t xi = inst_add(e, &x, !cache);
    if (xi == NONE) {
      if (ninsts >= MAX_INSTS) {
        stop("lock-order graph (instances)");
        break;
      }
      continue;
    }
    /* Only an edge inside a component can be on a cycle. */
    bool inside = fresh ? order_insert(e) : find(na) == find(nb);
    if (!inside) continue;
    if (nreports == MAX_FOUND) continue;
    cycle c;
    uint32_t start;
    c.relaxed = false;
    bool hit = search(e, xi, &c);
    if (!hit && !wt_opt_deadlock_concurrent_only) {
      c.relaxed = true;
      hit = search(e, xi, &c);
    }
    if (hit && cycle_first_time(&c, &start)) {
      to_report(&c, start, found[nreports]);
      apart[nreports] = cycle_apart(&c);
      nfound[nreports++] = c.n;
    }
  }
  wt_spin_unlock(&g_lock);
  if (cache) chain_seen(key, true);
  for (uint32_t k = 0; k < nreports; k++)
    wt_report_lock_order(t, found[k], nfound[k], apart[k]);
}

void wt_lockgraph_fork_lock(bool lock) {
  if (lock) {
    wt_spin_lock(&g_lock);
    wt_spin_lock(&fj_lock);
  } else {
    wt_spin_unlock(&fj_lock);
    wt_spin_unlock(&g_lock);
  }
}
