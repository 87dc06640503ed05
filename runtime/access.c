/* THE hot path: the __weft_read/write entry points and everything they
 * inline.  FastTrack over byte-precise shadow cells (types.h):
 *
 *  - fast path (two loads, no store, no lock): the thread touches bytes
 *    it already touched in the same epoch, so the cell says it all;
 *  - slow path (cell lock): check against the last write and the reads,
 *    then record this access.  A cell whose bytes stop sharing one
 *    history is expanded to eight byte cells, and folded back when they
 *    agree again.  Nothing is evicted, so no race is forgotten.
 *
 * Races found under a cell lock are reported after it is released. */
#include "shadow.h"

wt_cell *_Atomic *wt_dir;

#define LD(x) atomic_load_explicit(&(x), memory_order_relaxed)
#define ST(x, v) atomic_store_explicit(&(x), (v), memory_order_relaxed)

/* ---- shadow pages ---------------------------------------------------- */
#define SHADOW_PAGE_BYTES (WT_CELLS_PER_PAGE * (sizeof(wt_cell) + sizeof(wt_cold)))
#define REGION_BYTES (SHADOW_PAGE_BYTES << 12) /* 48 MiB of address space */

static wt_spin region_lock;
static char *region_bump, *region_end;
static size_t shadow_pages; /* under region_lock */

void wt_shadow_init(void) {
  wt_dir = wt_mmap_noreserve((1ul << (WT_ADDR_BITS - WT_PAGE_SHIFT)) * sizeof(void *));
}

wt_cell *wt_shadow_page_slow(uintptr_t addr) {
  wt_cell *_Atomic *slot = &wt_dir[addr >> WT_PAGE_SHIFT];
  wt_spin_lock(&region_lock);
  wt_cell *p = atomic_load_explicit(slot, memory_order_relaxed);
  if (!p) {
    if (region_bump + SHADOW_PAGE_BYTES > region_end) {
      region_bump = wt_mmap_noreserve(REGION_BYTES);
      region_end = region_bump + REGION_BYTES;
    }
    p = (wt_cell *)region_bump;
    region_bump += SHADOW_PAGE_BYTES;
    atomic_store_explicit(slot, p, memory_order_release);
    shadow_pages++;
  }
  wt_spin_unlock(&region_lock);
  return p;
}

/* print_stats: shadow pages handed out (backed once touched). */
size_t wt_shadow_bytes(void) {
  wt_spin_lock(&region_lock);
  size_t n = shadow_pages;
  wt_spin_unlock(&region_lock);
  return n * SHADOW_PAGE_BYTES;
}

/* ---- cell lock: a bit of w ---------------------------------------------- */
static uint64_t lock_cell(wt_cell *c) {
  wt_spins_held++;
  for (;;) {
    uint64_t w = LD(c->w);
    if (!(w & WT_M_LOCK) &&
        atomic_compare_exchange_weak_explicit(&c->w, &w, w | WT_M_LOCK, memory_order_acquire,
                                              memory_order_relaxed))
      return w | WT_M_LOCK;
    __builtin_ia32_pause();
  }
}

static void unlock_cell(wt_cell *c) {
  atomic_store_explicit(&c->w, LD(c->w) & ~WT_M_LOCK, memory_order_release);
  wt_spins_held--;
}

/* ---- one access, seen from the slow path ------------------------------ */
typedef struct op {
  wt_thread *t;
  uintptr_t pc, addr;
  size_t size;
  bool write, atomic, have_ctx;
  wt_ctx ctx;
  int nraces;
  struct {
    wt_epoch e;
    wt_ctx ctx;
    bool write, atomic;
    uintptr_t granule;
    uint32_t hmask; /* bytes of the granule the previous history covers */
    uint32_t mask;  /* of those, the bytes this access touched */
  } race[2];
} op_t;

/* One uniform history: a whole cell with its cold twin, or a byte cell. */
typedef struct hist {
  _Atomic uint64_t *w, *r;
  _Atomic uint32_t *wstack, *rstack;
} hist;

static wt_ctx op_ctx(op_t *op) {
  if (!op->have_ctx) {
    op->ctx = wt_ctx_access(op->t, op->pc, op->addr, op->size);
    op->have_ctx = true;
  }
  return op->ctx;
}

/* Did epoch e happen before the thread's present?  Its own slot always
 * did: a thread's accesses are program-ordered. */
WT_INLINE bool unordered(const wt_thread *t, wt_epoch e) {
  uint32_t s = WT_EPOCH_SLOT(e);
  if (s == t->slot) return false;
  uint64_t known = s < t->nclk ? t->clk[s] : 0;
  return known < WT_EPOCH_CLOCK(e);
}

/* hmask: the history's bytes; mask: those this access touched. */
static void note_race(op_t *op, uintptr_t granule, uint32_t hmask, uint32_t mask, wt_epoch e,
                      wt_ctx ctx, bool write, bool atomic) {
  for (int i = 0; i < op->nraces; i++)
    if (op->race[i].e == e && op->race[i].write == write) {
      if (op->race[i].granule == granule) { /* another byte of it */
        op->race[i].hmask |= hmask;
        op->race[i].mask |= mask;
      }
      return;
    }
  if (op->nraces == 2) return;
  int i = op->nraces++;
  op->race[i].e = e;
  op->race[i].ctx = ctx;
  op->race[i].write = write;
  op->race[i].atomic = atomic;
  op->race[i].granule = granule;
  op->race[i].hmask = hmask;
  op->race[i].mask = mask;
}

/* Does the byte at addr still carry the history (e, ctx)? */
static bool byte_has(uintptr_t addr, wt_epoch e, wt_ctx ctx, bool write) {
  wt_cell *c = wt_shadow_cell(addr);
  if (!c) return false;
  uint32_t bit = 1u << (addr & 7);
  wt_cold *cold = wt_shadow_cold(c, addr);
  uint64_t w = lock_cell(c), hw, hr;
  uint32_t ws, rs;
  if (w & WT_M_EXPANDED) {
    wt_bcell *b = &((wt_bcell *)(uintptr_t)LD(c->r))[addr & 7];
    hw = LD(b->w), hr = LD(b->r), ws = LD(b->wstack), rs = LD(b->rstack);
  } else {
    hw = w, hr = LD(c->r), ws = LD(cold->wstack), rs = LD(cold->rstack);
  }
  unlock_cell(c);
  if (!(hw & bit) || (hw & WT_M_RSET && !write)) return false;
  return write ? WT_CELL_EPOCH(hw) == e && ws == ctx : WT_CELL_EPOCH(hr) == e && rs == ctx;
}

/* Where the previous access was.  Its context knows its size and the
 * offset of its start in a granule, and it covered the first racing byte
 * b.  Up to 8 bytes that leaves one possible start.  A longer access (a
 * range, a vector) starts where the bytes before b stop carrying its
 * history, walking back at most its size.  Past the size the context can
 * hold, only the part in this granule is shown, as ThreadSanitizer shows
 * every access. */
static void previous_extent(const op_t *op, int i, uintptr_t *addr, uint32_t *size) {
  uint32_t shape = wt_ctx_shape(op->race[i].ctx), sz = WT_SHAPE_SIZE(shape);
  uintptr_t g = op->race[i].granule;
  uint32_t hm = op->race[i].hmask ? op->race[i].hmask : 1;
  uintptr_t b = g + (uint32_t)__builtin_ctz(op->race[i].mask ? op->race[i].mask : hm);
  if (sz >= 1 && sz <= 8) {
    uintptr_t back = (b - WT_SHAPE_OFFSET(shape)) & 7;
    if (back < sz) {
      *addr = b - back;
      *size = sz;
      return;
    }
    /* The context is a sibling's from the same site (one history for a
     * loop's neighbouring elements): same size, aligned like it. */
    if ((sz & (sz - 1)) == 0) {
      *addr = b & ~(uintptr_t)(sz - 1);
      *size = sz;
      return;
    }
  } else if (sz > 8 && sz < WT_SHAPE_SIZE_MAX) {
    uintptr_t s = b;
    while (b - s < sz - 1 &&
           byte_has(s - 1, op->race[i].e, op->race[i].ctx, op->race[i].write))
      s--;
    if ((s & 7) == WT_SHAPE_OFFSET(shape)) { /* else later writes hid its start */
      *addr = s;
      *size = sz;
      return;
    }
  }
  uint32_t lo = (uint32_t)__builtin_ctz(hm), hi = 31 - (uint32_t)__builtin_clz(hm);
  *addr = g + lo;
  *size = hi - lo + 1;
}

static size_t readset_bytes(uint32_t cap) { return sizeof(wt_readset) + cap * sizeof(wt_read); }

static void free_readset(uint64_t w, uint64_t r) {
  if (w & WT_M_RSET) {
    wt_readset *rs = (wt_readset *)(uintptr_t)r;
    wt_free(rs, readset_bytes(rs->cap));
  }
}

/* A read joins the set of concurrent reads; reads it is ordered after
 * are dropped, since any race with them is also a race with this one. */
static wt_readset *readset_add(op_t *op, wt_readset *rs, wt_ctx ctx) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < rs->n; i++)
    if (unordered(op->t, rs->e[i].epoch)) rs->e[k++] = rs->e[i];
  rs->n = k;
  if (rs->n == rs->cap) {
    wt_readset *bigger = wt_alloc(readset_bytes(rs->cap * 2));
    bigger->cap = rs->cap * 2;
    bigger->n = rs->n;
    __builtin_memcpy(bigger->e, rs->e, rs->n * sizeof(wt_read));
    wt_free(rs, readset_bytes(rs->cap));
    rs = bigger;
  }
  rs->e[rs->n++] = (wt_read){op->t->epoch, ctx, op->atomic};
  return rs;
}

/* FastTrack on one uniform history covering the bytes m.  The caller
 * holds the cell lock; w's lock and expanded bits are kept as they are. */
static void state_apply(op_t *op, hist h, uintptr_t granule, uint32_t m) {
  wt_thread *t = op->t;
  wt_epoch e = t->epoch;
  uint64_t w = LD(*h.w), r = LD(*h.r);
  uint64_t flags = w & WT_M_ALL;
  uint32_t mask = (uint32_t)(flags & WT_M_MASK);
  wt_epoch we = WT_CELL_EPOCH(w);

  if (we && unordered(t, we) && !(op->atomic && (flags & WT_M_WATOMIC)))
    note_race(op, granule, mask, mask & m, we, LD(*h.wstack), true, flags & WT_M_WATOMIC);

  if (op->write) {
    if (flags & WT_M_RSET) {
      wt_readset *rs = (wt_readset *)(uintptr_t)r;
      for (uint32_t i = 0; i < rs->n; i++)
        if (unordered(t, rs->e[i].epoch) && !(op->atomic && rs->e[i].atomic))
          note_race(op, granule, mask, mask & m, rs->e[i].epoch, rs->e[i].stack, false, rs->e[i].atomic);
      free_readset(w, r);
    } else if (r && unordered(t, WT_CELL_EPOCH(r)) && !(op->atomic && (flags & WT_M_RATOMIC))) {
      note_race(op, granule, mask, mask & m, WT_CELL_EPOCH(r), LD(*h.rstack), false,
                flags & WT_M_RATOMIC);
    }
    flags &= ~(WT_M_WATOMIC | WT_M_RATOMIC | WT_M_RSET);
    if (op->atomic) flags |= WT_M_WATOMIC;
    ST(*h.wstack, op_ctx(op));
    ST(*h.r, 0);
    ST(*h.w, (e << WT_M_BITS) | flags | m);
    return;
  }
  if (flags & WT_M_RSET) {
    r = (uint64_t)(uintptr_t)readset_add(op, (wt_readset *)(uintptr_t)r, op_ctx(op));
  } else if (!r || !unordered(t, WT_CELL_EPOCH(r))) {
    if (WT_CELL_EPOCH(r) != e) {
      r = e << WT_M_BITS;
      ST(*h.rstack, op_ctx(op));
      flags = (flags & ~WT_M_RATOMIC) | (op->atomic ? WT_M_RATOMIC : 0);
    }
  } else {
    wt_readset *rs = wt_alloc(readset_bytes(4));
    rs->cap = 4;
    rs->n = 1;
    rs->e[0] = (wt_read){WT_CELL_EPOCH(r), LD(*h.rstack), !!(flags & WT_M_RATOMIC)};
    r = (uint64_t)(uintptr_t)readset_add(op, rs, op_ctx(op));
    flags = (flags & ~WT_M_RATOMIC) | WT_M_RSET;
  }
  ST(*h.r, r);
  ST(*h.w, (w & ~WT_M_ALL) | flags | m);
}

/* Can the access join the cell's uniform history without expanding?
 * Only when the result is the same for every byte: a write covering all
 * bytes recorded so far, or the same epoch that wrote (or only read) all
 * of them.  Atomic histories are kept apart. */
static bool joins_uniform(op_t *op, wt_cold *cold, uint64_t w, uint64_t r, uint32_t m) {
  uint32_t mask = (uint32_t)(w & WT_M_MASK);
  if (mask == 0 || mask == m) return true;
  if (op->write && (m & mask) == mask) return true;
  if (op->atomic || (w & (WT_M_RSET | WT_M_WATOMIC | WT_M_RATOMIC))) return false;
  /* Same epoch, other bytes: one history only if the same site made both
   * accesses (a loop over an array), or the report would show the other
   * statement as the previous access. */
  wt_epoch e = op->t->epoch, we = WT_CELL_EPOCH(w), re = WT_CELL_EPOCH(r);
  if (op->write)
    return we == e && (re == 0 || re == e) && wt_ctx_same_site(LD(cold->wstack), op_ctx(op));
  return we == 0 && re == e && wt_ctx_same_site(LD(cold->rstack), op_ctx(op));
}

static hist cell_hist(wt_cell *c, wt_cold *cold) {
  return (hist){&c->w, &c->r, &cold->wstack, &cold->rstack};
}
static hist byte_hist(wt_bcell *b) { return (hist){&b->w, &b->r, &b->wstack, &b->rstack}; }

static wt_bcell *expand(wt_cell *c, wt_cold *cold, uint64_t w) {
  wt_bcell *b = wt_alloc(8 * sizeof(wt_bcell));
  uint64_t r = LD(c->r);
  uint32_t mask = (uint32_t)(w & WT_M_MASK);
  uint64_t keep = (w & ~WT_M_ALL) | (w & (WT_M_WATOMIC | WT_M_RATOMIC | WT_M_RSET));
  for (int i = 0; i < 8; i++) {
    if (!(mask & (1u << i))) continue;
    uint64_t ri = r;
    if (w & WT_M_RSET) {
      wt_readset *rs = (wt_readset *)(uintptr_t)r, *copy = wt_alloc(readset_bytes(rs->cap));
      __builtin_memcpy(copy, rs, readset_bytes(rs->cap));
      ri = (uint64_t)(uintptr_t)copy;
    }
    ST(b[i].w, keep | (1u << i));
    ST(b[i].r, ri);
    ST(b[i].wstack, LD(cold->wstack));
    ST(b[i].rstack, LD(cold->rstack));
  }
  free_readset(w, r);
  ST(c->r, (uint64_t)(uintptr_t)b);
  ST(c->w, WT_M_LOCK | WT_M_EXPANDED);
  ST(cold->wstack, 0);
  ST(cold->rstack, 0);
  return b;
}

/* Fold byte cells back into one history when they all agree. */
static void try_fold(wt_cell *c, wt_cold *cold, wt_bcell *b) {
  int first = -1;
  uint32_t mask = 0;
  for (int i = 0; i < 8; i++) {
    uint64_t bw = LD(b[i].w);
    if (!(bw & WT_M_MASK)) continue;
    if (bw & WT_M_RSET) return;
    mask |= 1u << i;
    if (first < 0) {
      first = i;
      continue;
    }
    wt_bcell *f = &b[first];
    if (((bw ^ LD(f->w)) & ~WT_M_MASK) || LD(b[i].r) != LD(f->r) ||
        LD(b[i].wstack) != LD(f->wstack) || LD(b[i].rstack) != LD(f->rstack))
      return;
  }
  uint64_t w = WT_M_LOCK | mask, r = 0;
  if (first >= 0) {
    w |= LD(b[first].w) & ~WT_M_MASK;
    r = LD(b[first].r);
    ST(cold->wstack, LD(b[first].wstack));
    ST(cold->rstack, LD(b[first].rstack));
  }
  wt_free(b, 8 * sizeof(wt_bcell));
  ST(c->r, r);
  ST(c->w, w);
}

static bool same_bytes(const wt_bcell *a, const wt_bcell *b) {
  return !((LD(a->w) ^ LD(b->w)) & ~(uint64_t)WT_M_MASK) && LD(a->r) == LD(b->r) &&
         LD(a->wstack) == LD(b->wstack) && LD(a->rstack) == LD(b->rstack);
}

/* FastTrack byte by byte.  Neighbouring bytes that shared one history
 * before the access share the result too (the two halves of a 4-byte
 * field next to another thread's field), so it is computed once and
 * copied, unless a read set is involved: those are owned per byte. */
static void apply_bytes(op_t *op, wt_bcell *b, uintptr_t granule, uint32_t m) {
  wt_bcell before;
  int lead = -1;
  for (int i = 0; i < 8; i++) {
    if (!(m & (1u << i))) continue;
    if (lead >= 0 && same_bytes(&b[i], &before) && !(LD(b[lead].w) & WT_M_RSET) &&
        !(LD(before.w) & WT_M_RSET)) {
      ST(b[i].w, (LD(b[lead].w) & ~(uint64_t)WT_M_MASK) | (1u << i));
      ST(b[i].r, LD(b[lead].r));
      ST(b[i].wstack, LD(b[lead].wstack));
      ST(b[i].rstack, LD(b[lead].rstack));
      continue;
    }
    __builtin_memcpy(&before, &b[i], sizeof before);
    state_apply(op, byte_hist(&b[i]), granule, 1u << i);
    lead = i;
  }
}

static void granule_slow(op_t *op, wt_cell *c, uintptr_t granule, uint32_t m) {
  wt_cold *cold = wt_shadow_cold(c, granule);
  uint64_t w = lock_cell(c);
  if (!(w & WT_M_EXPANDED) && joins_uniform(op, cold, w, LD(c->r), m)) {
    state_apply(op, cell_hist(c, cold), granule, m);
  } else {
    wt_bcell *b = (w & WT_M_EXPANDED) ? (wt_bcell *)(uintptr_t)LD(c->r) : expand(c, cold, w);
    apply_bytes(op, b, granule, m);
    try_fold(c, cold, b);
  }
  unlock_cell(c);
}

static void report_races(op_t *op) {
  for (int i = 0; i < op->nraces; i++) {
    wt_report_access cur = {
        .addr = op->addr, .size = (uint32_t)op->size, .write = op->write,
        .atomic = op->atomic, .thread_uid = op->t->uid, .ctx = op_ctx(op), .pc = op->pc};
    wt_report_access prev = {
        .write = op->race[i].write,
        .atomic = op->race[i].atomic, .ctx = op->race[i].ctx,
        .thread_uid = wt_thread_uid_at(WT_EPOCH_SLOT(op->race[i].e),
                                       WT_EPOCH_CLOCK(op->race[i].e))};
    previous_extent(op, i, &prev.addr, &prev.size);
    wt_report_race(op->t, &cur, &prev);
  }
}

/* ---- the entries ---------------------------------------------------------- */
WT_INLINE bool fast_path_hit(const wt_cell *c, wt_epoch e, uint32_t m, bool write) {
  uint64_t w = LD(c->w), e13 = e << WT_M_BITS;
  if (m & ~w & WT_M_MASK) return false;
  if (write) {
    if ((w & ~(uint64_t)WT_M_MASK) != e13) return false;
    uint64_t r = LD(c->r);
    return r == 0 || r == e13;
  }
  if (w & (WT_M_ALL & ~(uint64_t)WT_M_MASK)) return false;
  uint64_t r = LD(c->r);
  return r == e13 || (r == 0 && (w & ~(uint64_t)WT_M_MASK) == e13);
}

/* Every granule the range touches, with the original range kept for the
 * report. */
static void access_range_op(op_t *op);

void wt_access_range(wt_thread *t, uintptr_t addr, size_t size, bool write, bool atomic,
                     uintptr_t pc) {
  if (!size || t->ignore) return;
  op_t op = {.t = t, .pc = pc, .addr = addr, .size = size, .write = write, .atomic = atomic};
  access_range_op(&op);
}

void wt_access_range_ctx(wt_thread *t, uintptr_t addr, size_t size, bool write, uintptr_t pc,
                         wt_ctx ctx) {
  if (!size || t->ignore) return;
  op_t op = {.t = t, .pc = pc, .addr = addr, .size = size, .write = write,
             .have_ctx = true, .ctx = ctx};
  access_range_op(&op);
}

/* The commonest change of history, without the cell lock: the same bytes
 * as last time, accessed after (ordered with) every access recorded, as
 * in a loop that runs again after a join or a lock hand-over.  One CAS
 * publishes the new epoch.  A write's CAS on w excludes lockers; a read
 * CASes r and then checks that w did not move under it (a writer that
 * locked meanwhile may not have seen the read), else it redoes the
 * access on the locked path.  The context is stored only when it
 * changed, which it rarely does: the same code touches the same data. */
/* at: an address in c's granule; addr, size: the whole access. */
WT_INLINE bool quick_update(wt_thread *t, wt_cell *c, uintptr_t at, uintptr_t addr, size_t size,
                            uint32_t m, bool write, uintptr_t pc) {
  uint64_t w = LD(c->w);
  if ((w & WT_M_ALL) != m) return false; /* other bytes, flags, or locked */
  wt_epoch we = WT_CELL_EPOCH(w);
  if (we && unordered(t, we)) return false;
  uint64_t r = LD(c->r);
  if (r && unordered(t, WT_CELL_EPOCH(r))) return false;
  uint64_t e13 = t->epoch << WT_M_BITS;
  /* Read the cold word before the CAS: a locked instruction holds back
   * later loads, and two cache misses in a row would cost twice. */
  wt_cold *cold = wt_shadow_cold(c, at);
  _Atomic uint32_t *stack = write ? &cold->wstack : &cold->rstack;
  uint32_t old_ctx = LD(*stack);
  wt_ctx ctx = wt_ctx_access(t, pc, addr, size);
  if (write) {
    if (!atomic_compare_exchange_strong_explicit(&c->w, &w, e13 | m, memory_order_acq_rel,
                                                 memory_order_relaxed))
      return false;
    if (r) ST(c->r, 0);
    if (old_ctx != ctx) ST(*stack, ctx);
    return true;
  }
  if (!atomic_compare_exchange_strong_explicit(&c->r, &r, e13, memory_order_acq_rel,
                                               memory_order_relaxed))
    return false;
  if (old_ctx != ctx) ST(*stack, ctx);
  return atomic_load_explicit(&c->w, memory_order_acquire) == w;
}

static void access_range_op(op_t *op) {
  wt_thread *t = op->t;
  bool write = op->write, atomic = op->atomic;
  uintptr_t a = op->addr, end = op->addr + op->size;
  if (end < op->addr) return;
  while (a < end) {
    uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
    uintptr_t stop = granule + WT_GRANULE < end ? granule + WT_GRANULE : end;
    uint32_t m = (uint32_t)(((1u << (stop - a)) - 1) << (a - granule));
    wt_cell *c = wt_shadow_cell(a);
    if (!c) break;
    if (atomic || (!fast_path_hit(c, t->epoch, m, write) &&
                   !quick_update(t, c, a, op->addr, op->size, m, write, op->pc)))
      granule_slow(op, c, granule, m);
    a = stop;
  }
  if (WT_UNLIKELY(op->nraces)) report_races(op);
}

WT_INLINE void access_one(uintptr_t addr, uint32_t size, bool write, uintptr_t pc) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t || t->ignore)) return;
  uintptr_t off = addr & (WT_GRANULE - 1);
  wt_cell *c;
  if (WT_LIKELY(off + size <= WT_GRANULE && (c = wt_shadow_cell(addr)) != 0)) {
    uint32_t m = ((1u << size) - 1) << off;
    if (WT_LIKELY(fast_path_hit(c, t->epoch, m, write))) return;
    if (quick_update(t, c, addr, addr, size, m, write, pc)) return;
  }
  wt_access_range(t, addr, size, write, false, pc);
}

#define DEFINE_ACCESS(size)                                                    \
  void __weft_read##size(void *addr) { access_one((uintptr_t)addr, size, false, WT_PC()); } \
  void __weft_write##size(void *addr) { access_one((uintptr_t)addr, size, true, WT_PC()); }
DEFINE_ACCESS(1)
DEFINE_ACCESS(2)
DEFINE_ACCESS(4)
DEFINE_ACCESS(8)

void __weft_read16(void *addr) {
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, 16, false, false, WT_PC());
}
void __weft_write16(void *addr) {
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, 16, true, false, WT_PC());
}
void __weft_read_range(void *addr, size_t size) {
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, size, false, false, WT_PC());
}
void __weft_write_range(void *addr, size_t size) {
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, size, true, false, WT_PC());
}

/* ---- shadow call stack ------------------------------------------------
 * A frame's depot node stays valid while the same pc returns to the same
 * depth (see stack.c), so a loop calling one function re-interns nothing. */
void __weft_func_entry(void *pc) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t)) return;
  uint32_t d = t->depth++;
  if (WT_UNLIKELY(d >= t->stack_cap)) {
    wt_thread_grow_stack(t);
    if (d >= t->stack_cap) return; /* past WT_SHADOW_STACK_CAP: counted only */
  }
  if (t->stack_pc[d] != (uintptr_t)pc) {
    t->stack_pc[d] = (uintptr_t)pc;
    if (t->nodes_valid > d) t->nodes_valid = d;
  }
}

void __weft_func_exit(void) {
  wt_thread *t = wt_cur;
  if (WT_LIKELY(t && t->depth)) t->depth--;
}

/* ---- resetting memory that starts a new life ---------------------------
 * Freed, unmapped or reused memory, and exited threads' stacks, forget
 * their history, so a new object at an old address starts clean. */
static void reset_granule(wt_cell *c, wt_cold *cold, uint32_t drop) {
  uint64_t w = lock_cell(c);
  if (w & WT_M_EXPANDED) {
    wt_bcell *b = (wt_bcell *)(uintptr_t)LD(c->r);
    for (int i = 0; i < 8; i++)
      if (drop & (1u << i)) {
        free_readset(LD(b[i].w), LD(b[i].r));
        __builtin_memset(&b[i], 0, sizeof(wt_bcell));
      }
    try_fold(c, cold, b); /* all bytes empty folds to an empty cell */
  } else if (((uint32_t)w & WT_M_MASK & ~drop) == 0) {
    free_readset(w, LD(c->r));
    ST(c->r, 0);
    ST(cold->wstack, 0);
    ST(cold->rstack, 0);
    ST(c->w, WT_M_LOCK);
  } else {
    ST(c->w, w & ~(uint64_t)drop); /* the other bytes keep their uniform history */
  }
  unlock_cell(c);
}

void wt_shadow_reset(uintptr_t addr, size_t size) {
  uintptr_t end = addr + size;
  if (!wt_dir || end < addr || end > (1ul << WT_ADDR_BITS)) return;
  while (addr < end) {
    uintptr_t page_end = (addr | (WT_PAGE_SIZE - 1)) + 1;
    uintptr_t stop = page_end < end ? page_end : end;
    wt_cell *page = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
    for (uintptr_t a = addr; page && a < stop;) {
      uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
      uintptr_t gend = granule + WT_GRANULE < stop ? granule + WT_GRANULE : stop;
      wt_cell *c = page + ((granule & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
      if (LD(c->w) & (WT_M_MASK | WT_M_EXPANDED))
        reset_granule(c, wt_shadow_cold(c, granule),
                      (uint32_t)(((1u << (gend - a)) - 1) << (a - granule)));
      a = gend;
    }
    addr = stop;
  }
}

/* Cell locks are held for a few hundred instructions and are not taken
 * here: a child forked while another thread held one finds that cell
 * locked for good.  Only the page allocator's lock is. */
void wt_shadow_fork_lock(bool lock) {
  if (lock) wt_spin_lock(&region_lock);
  else wt_spin_unlock(&region_lock);
}
