/* THE hot path: the __weft_read/write entry points and everything they
 * inline.  FastTrack over byte-precise shadow cells (types.h):
 *
 *  - fast path (no store, no lock): the thread touches bytes it already
 *    touched in the same epoch, so the cell already says everything;
 *  - slow path (cell lock): check against the last write and the reads,
 *    then record this access.  A cell whose bytes stop sharing one
 *    history is expanded to eight byte cells, and folded back when they
 *    agree again.  Nothing is evicted, so no race is forgotten.
 *
 * Races found under a cell lock are reported after it is released. */
#include "shadow.h"

wt_cell *_Atomic *wt_dir;

/* ---- shadow pages ---------------------------------------------------- */
#define SHADOW_PAGE_BYTES (WT_CELLS_PER_PAGE * sizeof(wt_cell)) /* 16 KiB */
#define REGION_BYTES (64ul << 20)

static wt_spin region_lock;
static char *region_bump, *region_end;

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
  }
  wt_spin_unlock(&region_lock);
  return p;
}

/* ---- cell lock ------------------------------------------------------- */
static uint32_t lock_cell(wt_cell *c) {
  for (;;) {
    uint32_t m = atomic_load_explicit(&c->meta, memory_order_relaxed);
    if (!(m & WT_M_LOCK) &&
        atomic_compare_exchange_weak_explicit(&c->meta, &m, m | WT_M_LOCK,
                                              memory_order_acquire, memory_order_relaxed))
      return m;
    __builtin_ia32_pause();
  }
}

static void unlock_cell(wt_cell *c, uint32_t meta) {
  atomic_store_explicit(&c->meta, meta & ~WT_M_LOCK, memory_order_release);
}

#define LD(x) atomic_load_explicit(&(x), memory_order_relaxed)
#define ST(x, v) atomic_store_explicit(&(x), (v), memory_order_relaxed)

/* ---- one access, seen from the slow path ------------------------------ */
typedef struct op {
  wt_thread *t;
  uintptr_t pc, addr;
  size_t size;
  bool write, atomic, have_ctx;
  wt_ctx ctx;
  int nraces;
  struct { wt_epoch e; wt_ctx ctx; bool write, atomic; uintptr_t addr; uint32_t size; } race[2];
} op_t;

static wt_ctx op_ctx(op_t *op) {
  if (!op->have_ctx) {
    op->ctx = wt_ctx_current(op->t, op->pc);
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

static void note_race(op_t *op, uintptr_t granule, uint32_t mask, wt_epoch e,
                      wt_ctx ctx, bool write, bool atomic) {
  if (op->nraces == 2) return;
  for (int i = 0; i < op->nraces; i++)
    if (op->race[i].e == e && op->race[i].write == write) return;
  int i = op->nraces++;
  op->race[i].e = e;
  op->race[i].ctx = ctx;
  op->race[i].write = write;
  op->race[i].atomic = atomic;
  op->race[i].addr = granule + (mask ? (uint32_t)__builtin_ctz(mask) : 0);
  op->race[i].size = (uint32_t)__builtin_popcount(mask);
}

static size_t readset_bytes(uint32_t cap) { return sizeof(wt_readset) + cap * sizeof(wt_read); }

static void free_reads(wt_cell *c, uint32_t meta) {
  if (meta & WT_M_RSET) {
    wt_readset *rs = (wt_readset *)(uintptr_t)LD(c->r);
    wt_free(rs, readset_bytes(rs->cap));
  }
}

/* A read joins the set of concurrent reads; reads it is ordered after
 * are dropped, since any race with them is also a race with this one. */
static wt_readset *readset_add(op_t *op, wt_readset *rs, wt_epoch e, wt_ctx ctx, bool atomic) {
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
  rs->e[rs->n++] = (wt_read){e, ctx, atomic};
  return rs;
}

/* FastTrack on one uniform history (a whole cell or one byte cell) that
 * covers the bytes m.  The caller holds the cell lock. */
static void state_apply(op_t *op, wt_cell *c, uintptr_t granule, uint32_t m) {
  wt_thread *t = op->t;
  wt_epoch e = t->epoch;
  uint32_t meta = LD(c->meta);
  uint32_t mask = meta & WT_M_MASK;
  wt_epoch w = LD(c->w);
  wt_epoch r = LD(c->r);

  if (w && unordered(t, w) && !(op->atomic && (meta & WT_M_WATOMIC)))
    note_race(op, granule, mask, w, LD(c->wstack), true, meta & WT_M_WATOMIC);

  if (op->write) {
    if (meta & WT_M_RSET) {
      wt_readset *rs = (wt_readset *)(uintptr_t)r;
      for (uint32_t i = 0; i < rs->n; i++)
        if (unordered(t, rs->e[i].epoch) && !(op->atomic && rs->e[i].atomic))
          note_race(op, granule, mask, rs->e[i].epoch, rs->e[i].stack, false, rs->e[i].atomic);
      free_reads(c, meta);
    } else if (r && unordered(t, r) && !(op->atomic && (meta & WT_M_RATOMIC))) {
      note_race(op, granule, mask, r, LD(c->rstack), false, meta & WT_M_RATOMIC);
    }
    ST(c->w, e);
    ST(c->wstack, op_ctx(op));
    ST(c->r, 0);
    ST(c->rstack, 0);
    meta &= ~(WT_M_WATOMIC | WT_M_RATOMIC | WT_M_RSET);
    if (op->atomic) meta |= WT_M_WATOMIC;
  } else if (meta & WT_M_RSET) {
    wt_readset *rs = readset_add(op, (wt_readset *)(uintptr_t)r, e, op_ctx(op), op->atomic);
    ST(c->r, (uint64_t)(uintptr_t)rs);
  } else if (!r || !unordered(t, r)) {
    if (r != e) {
      ST(c->r, e);
      ST(c->rstack, op_ctx(op));
      meta = (meta & ~WT_M_RATOMIC) | (op->atomic ? WT_M_RATOMIC : 0);
    }
  } else {
    wt_readset *rs = wt_alloc(readset_bytes(4));
    rs->cap = 4;
    rs->n = 1;
    rs->e[0] = (wt_read){r, LD(c->rstack), !!(meta & WT_M_RATOMIC)};
    rs = readset_add(op, rs, e, op_ctx(op), op->atomic);
    ST(c->r, (uint64_t)(uintptr_t)rs);
    ST(c->rstack, 0);
    meta = (meta & ~WT_M_RATOMIC) | WT_M_RSET;
  }
  ST(c->meta, (meta & ~WT_M_MASK) | mask | m | (LD(c->meta) & WT_M_LOCK));
}

/* Can the access join the cell's uniform history without expanding?
 * Only when the result is the same for every byte: a write covering all
 * bytes recorded so far, or the same epoch that wrote (or only read)
 * all of them.  Atomic histories are kept apart. */
static bool joins_uniform(op_t *op, wt_cell *c, uint32_t meta, uint32_t m) {
  uint32_t mask = meta & WT_M_MASK;
  if (mask == 0 || mask == m) return true;
  if (op->write && (m & mask) == mask) return true;
  if (op->atomic || (meta & (WT_M_RSET | WT_M_WATOMIC | WT_M_RATOMIC))) return false;
  wt_epoch e = op->t->epoch, w = LD(c->w), r = LD(c->r);
  if (op->write) return w == e && (r == 0 || r == e);
  return w == 0 && r == e;
}

static wt_cell *expand(wt_cell *c, uint32_t meta) {
  wt_cell *b = wt_alloc(8 * sizeof(wt_cell));
  uint32_t mask = meta & WT_M_MASK;
  for (int i = 0; i < 8; i++) {
    if (!(mask & (1u << i))) continue;
    ST(b[i].w, LD(c->w));
    ST(b[i].wstack, LD(c->wstack));
    ST(b[i].rstack, LD(c->rstack));
    uint64_t r = LD(c->r);
    if (meta & WT_M_RSET) {
      wt_readset *rs = (wt_readset *)(uintptr_t)r, *copy = wt_alloc(readset_bytes(rs->cap));
      __builtin_memcpy(copy, rs, readset_bytes(rs->cap));
      r = (uint64_t)(uintptr_t)copy;
    }
    ST(b[i].r, r);
    ST(b[i].meta, (meta & (WT_M_WATOMIC | WT_M_RATOMIC | WT_M_RSET)) | (1u << i));
  }
  free_reads(c, meta);
  ST(c->w, (uint64_t)(uintptr_t)b);
  ST(c->r, 0);
  return b;
}

/* Fold byte cells back into one history when they all agree. */
static uint32_t try_fold(wt_cell *c, wt_cell *b, uint32_t meta) {
  int first = -1;
  uint32_t mask = 0;
  for (int i = 0; i < 8; i++) {
    uint32_t bm = LD(b[i].meta);
    if (!(bm & WT_M_MASK)) continue;
    if (bm & WT_M_RSET) return meta;
    mask |= 1u << i;
    if (first < 0) { first = i; continue; }
    wt_cell *f = &b[first];
    if (LD(b[i].w) != LD(f->w) || LD(b[i].r) != LD(f->r) ||
        LD(b[i].wstack) != LD(f->wstack) || LD(b[i].rstack) != LD(f->rstack) ||
        ((bm ^ LD(f->meta)) & (WT_M_WATOMIC | WT_M_RATOMIC)))
      return meta;
  }
  if (first < 0) return meta;
  wt_cell *f = &b[first];
  ST(c->w, LD(f->w));
  ST(c->r, LD(f->r));
  ST(c->wstack, LD(f->wstack));
  ST(c->rstack, LD(f->rstack));
  wt_free(b, 8 * sizeof(wt_cell));
  return (LD(f->meta) & (WT_M_WATOMIC | WT_M_RATOMIC)) | mask | WT_M_LOCK;
}

static WT_NOINLINE void report_races(op_t *op, wt_cell *b) {
  for (int i = 0; i < op->nraces; i++) {
    wt_report_access cur = {
      .addr = op->addr, .size = (uint32_t)op->size, .write = op->write,
      .atomic = op->atomic, .thread_uid = op->t->uid, .ctx = op_ctx(op), .pc = op->pc};
    wt_report_access prev = {
      .addr = op->race[i].addr, .size = op->race[i].size, .write = op->race[i].write,
      .atomic = op->race[i].atomic, .ctx = op->race[i].ctx,
      .thread_uid = wt_thread_uid_at(WT_EPOCH_SLOT(op->race[i].e),
                                     WT_EPOCH_CLOCK(op->race[i].e))};
    wt_report_race(op->t, &cur, &prev);
  }
  (void)b;
}

/* Byte cells report one byte; widen to the run of neighbours that share
 * the racing write, which is the previous access as the program made it. */
static void widen_byte_races(op_t *op, wt_cell *b, uintptr_t granule) {
  for (int i = 0; i < op->nraces; i++) {
    if (!op->race[i].write || op->race[i].size != 1) continue;
    int at = (int)(op->race[i].addr - granule), lo = at, hi = at;
    while (lo > 0 && LD(b[lo - 1].w) == op->race[i].e) lo--;
    while (hi < 7 && LD(b[hi + 1].w) == op->race[i].e) hi++;
    op->race[i].addr = granule + (uintptr_t)lo;
    op->race[i].size = (uint32_t)(hi - lo + 1);
  }
}

static WT_NOINLINE void access_slow(op_t *op, wt_cell *c, uintptr_t granule, uint32_t m) {
  uint32_t meta = lock_cell(c);
  wt_cell *bytes = 0;
  if (!(meta & WT_M_EXPANDED) && joins_uniform(op, c, meta, m)) {
    state_apply(op, c, granule, m);
    meta = LD(c->meta);
  } else {
    if (meta & WT_M_EXPANDED) {
      bytes = (wt_cell *)(uintptr_t)LD(c->w);
    } else {
      bytes = expand(c, meta);
      meta = (meta & WT_M_LOCK) | WT_M_EXPANDED;
    }
    for (int i = 0; i < 8; i++)
      if (m & (1u << i)) state_apply(op, &bytes[i], granule, 1u << i);
    if (op->nraces) widen_byte_races(op, bytes, granule);
    meta = try_fold(c, bytes, meta);
  }
  unlock_cell(c, meta);
}

/* ---- the entry -------------------------------------------------------- */
WT_INLINE bool fast_path_hit(wt_cell *c, wt_epoch e, uint32_t m, bool write) {
  uint32_t meta = LD(c->meta);
  if ((m & ~meta & WT_M_MASK) ||
      (meta & (WT_M_LOCK | WT_M_EXPANDED | WT_M_RSET | WT_M_WATOMIC | WT_M_RATOMIC)))
    return false;
  wt_epoch w = LD(c->w), r = LD(c->r);
  if (write) return w == e && (r == 0 || r == e);
  return r == e || (w == e && r == 0);
}

static WT_NOINLINE void access_split(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                     bool atomic, uintptr_t pc);

WT_INLINE void access_one(wt_thread *t, uintptr_t addr, size_t size, bool write, bool atomic,
                          uintptr_t pc) {
  uintptr_t off = addr & (WT_GRANULE - 1);
  if (WT_UNLIKELY(off + size > WT_GRANULE)) {
    access_split(t, addr, size, write, atomic, pc);
    return;
  }
  wt_cell *c = wt_shadow_cell(addr);
  if (WT_UNLIKELY(!c)) return;
  uint32_t m = ((1u << size) - 1) << off;
  if (WT_LIKELY(!atomic && fast_path_hit(c, t->epoch, m, write))) return;
  op_t op = {.t = t, .pc = pc, .addr = addr, .size = size, .write = write, .atomic = atomic};
  access_slow(&op, c, addr - off, m);
  if (WT_UNLIKELY(op.nraces)) report_races(&op, 0);
}

/* Ranges: every granule the range touches, with the original range kept
 * for the report. */
static void access_granules(op_t *op) {
  uintptr_t a = op->addr, end = op->addr + op->size;
  while (a < end) {
    uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
    uintptr_t stop = granule + WT_GRANULE < end ? granule + WT_GRANULE : end;
    uint32_t m = (uint32_t)(((1u << (stop - a)) - 1) << (a - granule));
    wt_cell *c = wt_shadow_cell(a);
    if (!c) return;
    if (op->atomic || !fast_path_hit(c, op->t->epoch, m, op->write)) access_slow(op, c, granule, m);
    a = stop;
  }
}

void wt_access_range(wt_thread *t, uintptr_t addr, size_t size, bool write, bool atomic,
                     uintptr_t pc) {
  if (!size || t->ignore) return;
  op_t op = {.t = t, .pc = pc, .addr = addr, .size = size, .write = write, .atomic = atomic};
  access_granules(&op);
  if (op.nraces) report_races(&op, 0);
}

static WT_NOINLINE void access_split(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                     bool atomic, uintptr_t pc) {
  wt_access_range(t, addr, size, write, atomic, pc);
}

#define DEFINE_ACCESS(size)                                                   \
  void __weft_read##size(void *addr) {                                        \
    wt_thread *t = wt_cur;                                                    \
    if (WT_UNLIKELY(!t || t->ignore)) return;                                 \
    access_one(t, (uintptr_t)addr, size, false, false, WT_PC());              \
  }                                                                           \
  void __weft_write##size(void *addr) {                                       \
    wt_thread *t = wt_cur;                                                    \
    if (WT_UNLIKELY(!t || t->ignore)) return;                                 \
    access_one(t, (uintptr_t)addr, size, true, false, WT_PC());               \
  }
DEFINE_ACCESS(1)
DEFINE_ACCESS(2)
DEFINE_ACCESS(4)
DEFINE_ACCESS(8)

void __weft_read16(void *addr) {
  wt_thread *t = wt_cur;
  if (t && !t->ignore) wt_access_range(t, (uintptr_t)addr, 16, false, false, WT_PC());
}
void __weft_write16(void *addr) {
  wt_thread *t = wt_cur;
  if (t && !t->ignore) wt_access_range(t, (uintptr_t)addr, 16, true, false, WT_PC());
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
static void reset_cell_bytes(wt_cell *c, uint32_t drop) {
  uint32_t meta = lock_cell(c);
  if (meta & WT_M_EXPANDED) {
    wt_cell *b = (wt_cell *)(uintptr_t)LD(c->w);
    for (int i = 0; i < 8; i++)
      if (drop & (1u << i)) {
        free_reads(&b[i], LD(b[i].meta));
        __builtin_memset(&b[i], 0, sizeof(wt_cell));
      }
    meta = try_fold(c, b, meta);
    if ((meta & WT_M_EXPANDED) && !(LD(b[0].meta) | LD(b[1].meta) | LD(b[2].meta) |
                                     LD(b[3].meta) | LD(b[4].meta) | LD(b[5].meta) |
                                     LD(b[6].meta) | LD(b[7].meta))) {
      wt_free(b, 8 * sizeof(wt_cell));
      ST(c->w, 0);
      meta = WT_M_LOCK;
    }
  } else if ((meta & WT_M_MASK & ~drop) == 0) {
    free_reads(c, meta);
    ST(c->w, 0);
    ST(c->r, 0);
    ST(c->wstack, 0);
    ST(c->rstack, 0);
    meta = WT_M_LOCK;
  } else {
    meta &= ~drop; /* the other bytes keep their (uniform) history */
  }
  unlock_cell(c, meta);
}

void wt_shadow_reset(uintptr_t addr, size_t size) {
  uintptr_t end = addr + size;
  if (!wt_dir || end < addr || end > (1ul << WT_ADDR_BITS)) return;
  while (addr < end) {
    uintptr_t page_end = (addr | (WT_PAGE_SIZE - 1)) + 1;
    uintptr_t stop = page_end < end ? page_end : end;
    wt_cell *page = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
    if (page) {
      for (uintptr_t a = addr; a < stop;) {
        uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
        uintptr_t gend = granule + WT_GRANULE < stop ? granule + WT_GRANULE : stop;
        wt_cell *c = page + ((granule & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
        if (LD(c->meta) & (WT_M_MASK | WT_M_EXPANDED))
          reset_cell_bytes(c, (uint32_t)(((1u << (gend - a)) - 1) << (a - granule)));
        a = gend;
      }
    }
    addr = stop;
  }
}
