/* The context depot: call stacks plus held locks, interned as 32-bit ids,
 * and the lockset depot beside it.  Also the one libunwind call.
 * Nothing here symbolizes or prints; no locks are taken (both depots are
 * lock-free hash-consing tables), so any runtime path may intern.
 *
 * Context trie.  Node id -> (parent id, pc, lockset).  Id 0 is the empty
 * stack.  Every pc is a return address (or an access's return address
 * into instrumented code); printing subtracts one.  A lockset is attached
 * only to the leaf node of a context: interior (frame) nodes carry 0, so
 * the trie shares frames between contexts that differ only in the locks
 * held.  A context asked for without a pc (wt_ctx_current(t, 0)) while
 * locks are held is a leaf with pc 0: it carries the lockset and is not a
 * frame, so wt_ctx_frames skips it.
 *
 * A context is a stack and a lockset, nothing else: the size and offset
 * of an access live in the shadow (types.h, site words), so the number of
 * contexts grows with distinct (stack, lockset) pairs only.
 *
 * Capacity: 2^24 nodes (16 bytes each, 256 MiB of address space, backed
 * only as used) in a table of 2^25 slots, so probing never sees the table
 * more than half full; ids fit the shadow's 24-bit site words.  The last
 * 2^16 nodes are kept back: once the rest are used the depot prints one
 * line and interns each new context as its top frame alone, from that
 * reserve, so a report still shows the access site.  Only when the
 * reserve is gone too does a new context become WT_CTX_OVERFLOW, an
 * empty stack.  Contexts interned before keep working. */
#define UNW_LOCAL_ONLY
#include "internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <libunwind.h>
#include <link.h>

#define NODE_BITS 24
#define NODE_CAP (1u << NODE_BITS)
#define NODE_RESERVE (1u << 16) /* top frames only, once the rest is full */
#define SLOT_BITS (NODE_BITS + 1)
#define SLOT_MASK ((1u << SLOT_BITS) - 1)
#define WT_CTX_OVERFLOW 1u /* fixed, prints as an empty stack */

typedef struct node {
  uintptr_t pc;
  wt_ctx parent;
  wt_lockset ls;
} node;

/* Lockset depot: id -> (n, offset of n sorted items in `items`). */
#define LS_BITS 20 /* a million sets of held locks */
#define LS_CAP (1u << LS_BITS)
#define LS_SLOT_BITS (LS_BITS + 1)
#define LS_SLOT_MASK ((1u << LS_SLOT_BITS) - 1)
#define LS_ITEM_CAP (1u << 24)

typedef struct lsrec {
  uint32_t off, n;
} lsrec;

typedef struct depot {
  node *nodes;                /* [NODE_CAP] */
  _Atomic uint32_t *slots;    /* [1 << SLOT_BITS], node ids, 0 = empty */
  _Atomic uint32_t next;      /* next free node id */
  lsrec *ls;                  /* [LS_CAP] */
  uint32_t *items;            /* [LS_ITEM_CAP] */
  _Atomic uint32_t *ls_slots; /* [1 << LS_SLOT_BITS] */
  _Atomic uint32_t ls_next, items_next;
  _Atomic int warned_ctx, warned_ls;
} depot;

static depot *_Atomic the_depot;

/* Address space only: pages are backed when first written, and reads of
 * untouched pages see zeroes. */
static WT_NOINLINE depot *depot_create(void) {
  depot *d = wt_mmap(sizeof(depot));
  d->nodes = wt_mmap_noreserve((size_t)NODE_CAP * sizeof(node));
  d->slots = wt_mmap_noreserve(((size_t)SLOT_MASK + 1) * sizeof(uint32_t));
  d->ls = wt_mmap_noreserve((size_t)LS_CAP * sizeof(lsrec));
  d->items = wt_mmap_noreserve((size_t)LS_ITEM_CAP * sizeof(uint32_t));
  d->ls_slots = wt_mmap_noreserve(((size_t)LS_SLOT_MASK + 1) * sizeof(uint32_t));
  atomic_init(&d->next, 2);    /* 0: empty stack, 1: overflow */
  atomic_init(&d->ls_next, 1); /* 0: no locks */
  depot *expected = 0;
  if (atomic_compare_exchange_strong_explicit(&the_depot, &expected, d,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return d;
  /* Another thread won the race to create it. */
  wt_munmap(d->nodes, (size_t)NODE_CAP * sizeof(node));
  wt_munmap(d->slots, ((size_t)SLOT_MASK + 1) * sizeof(uint32_t));
  wt_munmap(d->ls, (size_t)LS_CAP * sizeof(lsrec));
  wt_munmap(d->items, (size_t)LS_ITEM_CAP * sizeof(uint32_t));
  wt_munmap(d->ls_slots, ((size_t)LS_SLOT_MASK + 1) * sizeof(uint32_t));
  wt_munmap(d, sizeof(depot));
  return expected;
}

WT_INLINE depot *depot_get(void) {
  depot *d = atomic_load_explicit(&the_depot, memory_order_acquire);
  return WT_LIKELY(d != 0) ? d : depot_create();
}


static wt_ctx intern_in(depot *d, wt_ctx parent, uintptr_t pc, wt_lockset ls, uint32_t cap);

/* The general nodes are used up: the context becomes its top frame and
 * lockset, from the reserve. */
static WT_NOINLINE wt_ctx ctx_full(depot *d, wt_ctx parent, uintptr_t pc, wt_lockset ls) {
  if (!atomic_exchange_explicit(&d->warned_ctx, 1, memory_order_relaxed))
    wt_printf("weft: context depot full (%u contexts); new stacks are "
              "reported by their top frame only\n", NODE_CAP - NODE_RESERVE);
  if (parent == 0 || pc == 0) return WT_CTX_OVERFLOW;
  return intern_in(d, 0, pc, ls, NODE_CAP);
}

/* Hash-consing by linear probing.  A node is written before its id is
 * published into a slot with a release CAS; slots never empty again, so
 * a key always lives in the first slot of its probe sequence that was
 * empty when it was first inserted, and two threads inserting the same
 * key meet at that slot.  The loser of that race drops its fresh id (a
 * node that is never published, the only waste). */
wt_ctx wt_ctx_intern(wt_ctx parent, uintptr_t pc, wt_lockset ls) {
  if (parent == 0 && pc == 0 && ls == 0) return 0;
  return intern_in(depot_get(), parent, pc, ls, NODE_CAP - NODE_RESERVE);
}

/* cap: the ids this insertion may take (the reserve is for ctx_full). */
static wt_ctx intern_in(depot *d, wt_ctx parent, uintptr_t pc, wt_lockset ls, uint32_t cap) {
  uint64_t h = wt_hash64(pc ^ ((uint64_t)parent << 32 | ls) * 0x9e3779b97f4a7c15ull);
  uint32_t i = (uint32_t)h & SLOT_MASK;
  uint32_t fresh = 0;
  for (;;) {
    uint32_t id = atomic_load_explicit(&d->slots[i], memory_order_acquire);
    if (id == 0) {
      if (fresh == 0) {
        if (atomic_load_explicit(&d->next, memory_order_relaxed) >= cap)
          return cap < NODE_CAP ? ctx_full(d, parent, pc, ls) : WT_CTX_OVERFLOW;
        fresh = atomic_fetch_add_explicit(&d->next, 1, memory_order_relaxed);
        if (fresh >= cap)
          return cap < NODE_CAP ? ctx_full(d, parent, pc, ls) : WT_CTX_OVERFLOW;
        d->nodes[fresh] = (node){.pc = pc, .parent = parent, .ls = ls};
      }
      if (atomic_compare_exchange_strong_explicit(&d->slots[i], &id, fresh,
                                                  memory_order_release,
                                                  memory_order_acquire))
        return fresh;
      /* Lost the slot: id is the winner, compare it like any other. */
    }
    const node *n = &d->nodes[id];
    if (n->pc == pc && n->parent == parent && n->ls == ls) return id;
    i = (i + 1) & SLOT_MASK;
  }
}

/* The shadow stack's nodes are interned lazily: a function that returns
 * before any access interns nothing.  stack_node[i] is the context of
 * stack_pc[0..i] for every i < nodes_valid, which may exceed the depth:
 * returning keeps the nodes, and function entry lowers nodes_valid only
 * when it writes a different pc at its depth.  nodes_valid only grows
 * here. */
WT_INLINE wt_ctx frames_node(wt_thread *t) {
  /* Frames past the arrays' size (at most WT_SHADOW_STACK_CAP) are
   * counted in depth but not kept. */
  uint32_t d = t->depth < t->stack_cap ? t->depth : t->stack_cap;
  uint32_t v = t->nodes_valid;
  /* The top node, kept beside the hot fields: stack_node is another
   * cache line, and this runs on every record made. */
  if (WT_LIKELY(t->top_depth == d && v >= d)) return t->top_node;
  if (WT_UNLIKELY(v < d)) {
    wt_ctx n = v ? t->stack_node[v - 1] : 0;
    for (uint32_t i = v; i < d; i++) {
      n = wt_ctx_intern(n, t->stack_pc[i], 0);
      t->stack_node[i] = n;
    }
    t->nodes_valid = d;
  }
  t->top_depth = d;
  t->top_node = d ? t->stack_node[d - 1] : 0;
  return t->top_node;
}

/* On the access slow path.  A small per-thread cache, two ways per set
 * by pc (an unrolled loop's dozens of sites would otherwise evict each
 * other in pairs), keyed by everything the leaf is made of, so a lock
 * taken or released since simply misses instead of needing every lockset
 * change to invalidate the cache.  A hit moves to the set's first way. */
static wt_ctx ctx_child(wt_thread *t, wt_ctx parent, uintptr_t pc, uint32_t word) {
  struct wt_ctx_cache *last = &t->ctx_last;
  if (last->pc == pc && last->node == parent && last->word == word && last->ctx != 0)
    return last->ctx;
  struct wt_ctx_cache *e =
      &t->ctx_cache[((uint32_t)((pc * 0x9e3779b97f4a7c15ull) >> 32) % WT_CTX_CACHE) & ~1u];
  if (e[0].pc == pc && e[0].node == parent && e[0].word == word && e[0].ctx != 0) {
    /* Taken from e[0], not read back from *last just stored: a load of
     * part of a wider store is a forwarding stall on some cores. */
    wt_ctx c = e[0].ctx;
    *last = e[0];
    return c;
  }
  struct wt_ctx_cache hit;
  if (e[1].pc == pc && e[1].node == parent && e[1].word == word && e[1].ctx != 0) {
    hit = e[1];
  } else {
    wt_ctx c = wt_ctx_intern(parent, pc, word);
    if (c == WT_CTX_OVERFLOW) return c;
    hit = (struct wt_ctx_cache){pc, parent, c, word};
  }
  e[1] = e[0];
  e[0] = hit;
  *last = hit;
  return hit.ctx;
}

static wt_ctx ctx_leaf(wt_thread *t, uintptr_t pc, uint32_t word) {
  wt_ctx parent = frames_node(t);
  if (pc == 0 && word == 0) return parent;
  return ctx_child(t, parent, pc, word);
}

wt_ctx wt_ctx_current(wt_thread *t, uintptr_t pc) { return ctx_leaf(t, pc, t->lockset); }

/* Would wt_ctx_current(t, pc) give ctx?  Answered from ctx's node,
 * without looking anything up. */
bool wt_ctx_is_current(wt_ctx ctx, wt_thread *t, uintptr_t pc) {
  depot *d = atomic_load_explicit(&the_depot, memory_order_acquire);
  if (!d || ctx <= WT_CTX_OVERFLOW || ctx >= NODE_CAP) return false;
  const node *n = &d->nodes[ctx];
  return n->pc == pc && n->ls == t->lockset && n->parent == frames_node(t);
}

/* An access made by an intercepted function fn called from pc: fn shows
 * as the top frame. */
wt_ctx wt_ctx_access_in(wt_thread *t, uintptr_t pc, uintptr_t fn) {
  wt_ctx caller = ctx_child(t, frames_node(t), pc, 0);
  return ctx_child(t, caller, fn + 1, t->lockset);
}

/* Deeper real stacks lose their outermost frames. */
#define UNWIND_MAX 128

/* An interceptor's frame is recorded as its function's address + 1, so
 * that it prints (pc - 1, like every frame) as the interceptor's name and
 * first line, one frame, whatever helpers were inlined into it where it
 * called the unwinder.  The start comes from the dynamic symbol table
 * (interceptors are exported to interpose); the symbol's size guards
 * against a static function taking a neighbour's name, and an unknown
 * start keeps the return address itself.  dladdr scans a symbol table,
 * so answers are kept: the runtime has few such call sites.  An entry is
 * one word (return address << 17 | distance to the start), so readers
 * never see half of one. */
#define FN_CACHE_BITS 6
static _Atomic uint64_t fn_cache[1u << FN_CACHE_BITS];

static uintptr_t interceptor_frame(uintptr_t ret) {
  uint32_t i = (uint32_t)(((uint64_t)ret * 0x9e3779b97f4a7c15ull) >> (64 - FN_CACHE_BITS));
  uint64_t e = atomic_load_explicit(&fn_cache[i], memory_order_relaxed);
  if (e != 0 && (e >> 17) == ret) return ret - (uintptr_t)(e & 0x1ffff) + 1;
  Dl_info info;
  const ElfW(Sym) *sym = 0;
  uintptr_t start = 0;
  if (dladdr1((void *)ret, &info, (void **)&sym, RTLD_DL_SYMENT) && info.dli_saddr && sym) {
    uintptr_t s = (uintptr_t)info.dli_saddr;
    if (ret > s && ret - 1 - s < sym->st_size) start = s;
  }
  if (start == 0) return ret;
  if (ret - start < (1u << 17) && (ret >> WT_ADDR_BITS) == 0)
    atomic_store_explicit(&fn_cache[i], (uint64_t)ret << 17 | (ret - start),
                          memory_order_relaxed);
  return start + 1;
}

/* The runtime's own frames are cut at the interceptor: the frame whose
 * return address is pc (the interceptor passes its own return address).
 * Matching on the pc rather than counting frames survives inlining and
 * tail calls in the runtime.  The interceptor stays as the top frame
 * (#0 pthread_create, then the program's caller), as ThreadSanitizer
 * shows it.  If pc is not found (an unwinder failure) the result is what
 * wt_ctx_current would give.  The unwinder probes memory with system
 * calls that may set errno; errno is kept. */
WT_NOINLINE wt_ctx wt_ctx_unwind(wt_thread *t, uintptr_t pc) {
  int saved_errno = errno;
  void *buf[UNWIND_MAX];
  /* libunwind takes its own mutexes and allocates; none of that is the
   * program's doing. */
  t->in_rt++;
  t->ignore++;
  int n = unw_backtrace(buf, UNWIND_MAX);
  t->ignore--;
  t->in_rt--;
  int top = -1;
  for (int i = 0; i < n; i++)
    if ((uintptr_t)buf[i] == pc) {
      top = i;
      break;
    }
  wt_ctx c;
  if (top < 0) {
    c = wt_ctx_current(t, pc);
  } else {
    c = 0;
    for (int i = n - 1; i > top; i--)
      if (buf[i]) c = wt_ctx_intern(c, (uintptr_t)buf[i], 0);
    if (top > 0) {
      c = wt_ctx_intern(c, pc, 0);
      c = wt_ctx_intern(c, interceptor_frame((uintptr_t)buf[top - 1]), t->lockset);
    } else {
      c = wt_ctx_intern(c, pc, t->lockset);
    }
  }
  errno = saved_errno;
  return c;
}

int wt_ctx_frames(wt_ctx ctx, uintptr_t *pcs, int max, wt_lockset *ls) {
  depot *d = atomic_load_explicit(&the_depot, memory_order_acquire);
  if (ls) *ls = 0;
  if (d == 0 || ctx == 0) return 0;
  uint32_t limit = atomic_load_explicit(&d->next, memory_order_relaxed);
  if (ctx >= limit || ctx >= NODE_CAP) return 0;
  if (ls) *ls = d->nodes[ctx].ls;
  int k = 0;
  while (ctx != 0 && ctx < NODE_CAP && k < max) {
    const node *n = &d->nodes[ctx];
    if (n->pc) pcs[k++] = n->pc;
    ctx = n->parent;
  }
  return k;
}

uint32_t wt_ctx_locks(wt_ctx ctx, uint32_t *items, uint32_t max) {
  wt_lockset ls = 0;
  uintptr_t pc;
  wt_ctx_frames(ctx, &pc, 1, &ls);
  return ls ? wt_lockset_items(ls, items, max) : 0;
}

/* ---- locksets ----------------------------------------------------------- */

static WT_NOINLINE wt_lockset ls_full(depot *d) {
  if (!atomic_exchange_explicit(&d->warned_ls, 1, memory_order_relaxed))
    wt_printf("weft: lockset depot full; new sets of held locks are not "
              "recorded in reports\n");
  return 0;
}

static bool ls_equal(const depot *d, uint32_t id, const uint32_t *items, uint32_t n) {
  const lsrec *r = &d->ls[id];
  if (r->n != n) return false;
  const uint32_t *have = &d->items[r->off];
  for (uint32_t i = 0; i < n; i++)
    if (have[i] != items[i]) return false;
  return true;
}

/* Same scheme as wt_ctx_intern.  The items must be sorted so that a set
 * has one representation; unsorted input (at most WT_MAX_HELD items) is
 * sorted here rather than trusted. */
wt_lockset wt_lockset_intern(const uint32_t *items, uint32_t n) {
  if (n == 0) return 0;
  uint32_t sorted[WT_MAX_HELD];
  for (uint32_t i = 1; i < n; i++) {
    if (items[i - 1] <= items[i]) continue;
    WT_CHECK(n <= WT_MAX_HELD);
    __builtin_memcpy(sorted, items, n * sizeof(uint32_t));
    for (uint32_t j = 1; j < n; j++) {
      uint32_t v = sorted[j], k = j;
      for (; k > 0 && sorted[k - 1] > v; k--) sorted[k] = sorted[k - 1];
      sorted[k] = v;
    }
    items = sorted;
    break;
  }
  depot *d = depot_get();
  uint64_t h = n;
  for (uint32_t i = 0; i < n; i++) h = wt_hash64(h ^ ((uint64_t)items[i] << 1 | 1));
  uint32_t i = (uint32_t)h & LS_SLOT_MASK;
  uint32_t fresh = 0;
  for (;;) {
    uint32_t id = atomic_load_explicit(&d->ls_slots[i], memory_order_acquire);
    if (id == 0) {
      if (fresh == 0) {
        if (atomic_load_explicit(&d->ls_next, memory_order_relaxed) >= LS_CAP ||
            atomic_load_explicit(&d->items_next, memory_order_relaxed) + n > LS_ITEM_CAP)
          return ls_full(d);
        fresh = atomic_fetch_add_explicit(&d->ls_next, 1, memory_order_relaxed);
        uint32_t off = atomic_fetch_add_explicit(&d->items_next, n, memory_order_relaxed);
        if (fresh >= LS_CAP || off + n > LS_ITEM_CAP || off + n < off) return ls_full(d);
        __builtin_memcpy(&d->items[off], items, n * sizeof(uint32_t));
        d->ls[fresh] = (lsrec){.off = off, .n = n};
      }
      if (atomic_compare_exchange_strong_explicit(&d->ls_slots[i], &id, fresh,
                                                  memory_order_release,
                                                  memory_order_acquire))
        return fresh;
    }
    if (ls_equal(d, id, items, n)) return id;
    i = (i + 1) & LS_SLOT_MASK;
  }
}

/* print_stats: contexts interned so far (ids 0 and 1 are fixed). */
uint32_t wt_ctx_depot_size(void) {
  depot *d = atomic_load_explicit(&the_depot, memory_order_acquire);
  if (d == 0) return 0;
  uint32_t n = atomic_load_explicit(&d->next, memory_order_relaxed);
  return (n < NODE_CAP ? n : NODE_CAP) - 2;
}

/* Copies at most max items; returns how many were copied. */
uint32_t wt_lockset_items(wt_lockset ls, uint32_t *items, uint32_t max) {
  depot *d = atomic_load_explicit(&the_depot, memory_order_acquire);
  if (d == 0 || ls == 0 || ls >= LS_CAP) return 0;
  if (ls >= atomic_load_explicit(&d->ls_next, memory_order_relaxed)) return 0;
  const lsrec *r = &d->ls[ls];
  uint32_t n = r->n < max ? r->n : max;
  __builtin_memcpy(items, &d->items[r->off], n * sizeof(uint32_t));
  return n;
}
