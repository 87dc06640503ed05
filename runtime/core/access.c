/* THE hot path: the __weft_read/write entry points and everything they
 * inline.  FastTrack over records of 8-byte granules (types.h):
 *
 *  - fast path (two loads, no store, no lock): the thread already holds
 *    a record of its epoch covering the bytes;
 *  - quick update (one CAS, no lock): the commonest change of history,
 *    the same bytes again after every recorded access was ordered before;
 *  - slow path (cell lock): check against every record the bytes have,
 *    then drop what the access supersedes and merge it in.
 *
 * Cost never depends on how the bytes of a granule were cut up before:
 * a partial, unaligned or vector access is one fast-path test per
 * granule it touches, and records merge by epoch and kind alone (the
 * site log keeps which statement touched which bytes).  Races are
 * reported after the update, never under a cell lock. */
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

/* ---- records and site words ------------------------------------------ */
#define REC_KEY(x) ((x) & ~(WT_R_MASK | WT_R_LOCK | WT_R_EXT)) /* epoch and kind */

WT_INLINE uint32_t site_word(wt_ctx ctx, uintptr_t addr, size_t size) {
  uint32_t shape;
  if (size <= 8) shape = (uint32_t)(addr & 7) | (uint32_t)(size - 1) << 3;
  else shape = 0x80u | (size < 128 ? (uint32_t)size : 0);
  return WT_SITE_CTX(ctx) | shape << WT_SITE_CTX_BITS;
}

/* Blocks: the pointer sits above the flag bits of word a. */
WT_INLINE wt_recs *ext_block(uint64_t a) {
  return (wt_recs *)(uintptr_t)((a >> WT_R_BITS) << 4);
}
WT_INLINE uint64_t ext_word(wt_recs *r) {
  return ((uint64_t)(uintptr_t)r >> 4) << WT_R_BITS | WT_R_EXT;
}
WT_INLINE uint32_t *ext_sites(wt_recs *r) { return (uint32_t *)(r->w + r->cap); }
WT_INLINE size_t block_bytes(uint32_t cap) { return sizeof(wt_recs) + cap * 12u; }
WT_INLINE uint32_t block_n(const wt_recs *r) {
  return atomic_load_explicit(&r->n, memory_order_relaxed);
}

/* Blocks are the allocator's power-of-two sizes, from 64 bytes (4
 * records) up to 16 KiB (1364), each filled to its capacity.  The cap
 * keeps blocks in the allocator's chunks, which are never unmapped, so
 * the fast path may read a block just freed (see ext_hit).  A granule
 * reaches it only with over a thousand concurrent readers: see
 * update_recs. */
#define BLOCK_MAX (16u << 10)
#define RECS_MAX ((BLOCK_MAX - sizeof(wt_recs)) / 12u)

static size_t block_size(uint32_t cap) {
  size_t b = 64;
  while (block_bytes(cap) > b) b <<= 1;
  return b;
}

static uint32_t block_cap_for(uint32_t n, size_t *bytes) {
  *bytes = block_size(n);
  return (uint32_t)((*bytes - sizeof(wt_recs)) / 12u);
}

/* Both words of a cell in one locked instruction (cmpxchg16b): one CAS
 * instead of two when a write replaces both records. */
typedef unsigned __int128 u128;
WT_INLINE bool cas_cell(wt_cell *c, uint64_t a, uint64_t b, uint64_t na, uint64_t nb) {
  u128 expected = (u128)b << 64 | a, desired = (u128)nb << 64 | na;
  return __atomic_compare_exchange_n((u128 *)(void *)c, &expected, desired, false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

/* ---- cell lock: a bit of word a ----------------------------------------- */
static uint64_t lock_cell(wt_cell *c) {
  wt_spins_held++;
  for (;;) {
    uint64_t a = LD(c->a);
    if (!(a & WT_R_LOCK) &&
        atomic_compare_exchange_weak_explicit(&c->a, &a, a | WT_R_LOCK, memory_order_acquire,
                                              memory_order_relaxed))
      return a;
    __builtin_ia32_pause();
  }
}

/* Publishes the new word a and drops the lock in one store. */
static void unlock_cell(wt_cell *c, uint64_t a) {
  atomic_store_explicit(&c->a, a & ~WT_R_LOCK, memory_order_release);
  wt_spins_held--;
}

/* A granule's records, copied out under its lock.  Inline records come
 * in order a, b; a block's in its order. */
typedef struct rec {
  uint64_t w;
  uint32_t site;
} rec;
#define LOCAL_RECS 32

typedef struct recs {
  rec *v;
  uint32_t n, cap;
  wt_recs *blk; /* the block they came from, or NULL */
  rec local[LOCAL_RECS];
} recs;

/* Drops the records whose bytes are all gone (empty masks). */
static void compact_recs(recs *rs) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < rs->n; i++)
    if (rs->v[i].w & WT_R_MASK) rs->v[k++] = rs->v[i];
  rs->n = k;
}

/* The copy's memory, when it outgrew the local array. */
static void recs_release(recs *rs) {
  if (rs->v != rs->local) wt_free(rs->v, rs->cap * sizeof(rec));
}

/* room: records the caller may add. */
static void load_recs(wt_cell *c, wt_cold *cold, uint64_t a, recs *rs, uint32_t room) {
  rs->v = rs->local;
  rs->cap = LOCAL_RECS;
  rs->n = 0;
  rs->blk = 0;
  if (a & WT_R_EXT) {
    wt_recs *b = ext_block(a);
    rs->blk = b;
    uint32_t n = block_n(b);
    if (n + room > LOCAL_RECS) {
      rs->cap = n + room;
      rs->v = wt_alloc(rs->cap * sizeof(rec));
    }
    uint32_t *sites = ext_sites(b);
    for (uint32_t i = 0; i < n; i++) rs->v[rs->n++] = (rec){LD(b->w[i]), sites[i]};
    return;
  }
  uint64_t x = a & ~WT_R_LOCK, y = LD(c->b);
  if (x & WT_R_MASK) rs->v[rs->n++] = (rec){x, LD(cold->a)};
  if (y & WT_R_MASK) rs->v[rs->n++] = (rec){y, LD(cold->b)};
}

/* Writes the records back and unlocks: inline when two fit, else into
 * the block (a new one if it has no room). */
static void store_recs(wt_cell *c, wt_cold *cold, recs *rs) {
  compact_recs(rs);
  uint32_t k = rs->n;
  wt_recs *b = rs->blk;
  uint64_t a;
  if (k <= 2) {
    if (b) wt_free(b, block_size(b->cap));
    ST(cold->a, k > 0 ? rs->v[0].site : 0);
    ST(cold->b, k > 1 ? rs->v[1].site : 0);
    ST(c->b, k > 1 ? rs->v[1].w : 0);
    a = k > 0 ? rs->v[0].w : 0;
  } else {
    if (!b || b->cap < k) {
      size_t bytes;
      uint32_t cap = block_cap_for(k, &bytes);
      wt_recs *nb = wt_alloc(bytes);
      nb->cap = cap;
      if (b) wt_free(b, block_size(b->cap));
      b = nb;
    }
    uint32_t *sites = ext_sites(b);
    for (uint32_t i = 0; i < k; i++) {
      ST(b->w[i], rs->v[i].w);
      sites[i] = rs->v[i].site;
    }
    ST(b->n, k);
    atomic_fetch_add_explicit(&b->seq, 1, memory_order_release);
    ST(c->b, 0);
    a = ext_word(b);
  }
  recs_release(rs);
  unlock_cell(c, a);
}

/* ---- one access, seen from the slow path ------------------------------ */
typedef struct op {
  wt_thread *t;
  uintptr_t pc, addr;
  uintptr_t fn; /* an interceptor's access: the function, its top frame */
  size_t size;
  bool write, atomic, have_site;
  uint32_t site;
  int nraces;
  struct {
    wt_epoch e;
    uint32_t site;
    bool write, atomic, freed;
    uintptr_t granule;
    uint32_t hmask; /* bytes of the granule the previous record covers */
    uint32_t mask;  /* of those, the bytes this access touched */
    uintptr_t lo, hi; /* the record's bytes seen by this access, all granules */
  } race[2];
} op_t;

/* The access, with no site yet (made on demand) and no race noted. */
static void op_init(op_t *op, wt_thread *t, uintptr_t addr, size_t size, bool write,
                    bool atomic, uintptr_t pc) {
  op->t = t;
  op->pc = pc;
  op->fn = 0;
  op->addr = addr;
  op->size = size;
  op->write = write;
  op->atomic = atomic;
  op->have_site = false;
  op->site = 0;
  op->nraces = 0;
}

static uint32_t op_site(op_t *op) {
  if (!op->have_site) {
    wt_ctx ctx = op->fn ? wt_ctx_access_in(op->t, op->pc, op->fn) : wt_ctx_current(op->t, op->pc);
    op->site = site_word(ctx, op->addr, op->size);
    op->have_site = true;
  }
  return op->site;
}

/* Does a record's site word name this access's context?  Asked when an
 * access widens a record, which is most of them: from the record's depot
 * node, so that the access's own context is made only when it differs. */
static bool site_same(op_t *op, uint32_t site) {
  if (op->have_site || op->fn) return WT_SITE_CTX(site) == WT_SITE_CTX(op_site(op));
  return wt_ctx_is_current(WT_SITE_CTX(site), op->t, op->pc);
}

/* The access's site word, taken from the record it replaces when that
 * came from the same context, as it does when the same code runs over
 * the same data again. */
static uint32_t site_like(op_t *op, uint32_t old) {
  if (!op->have_site && old && site_same(op, old)) {
    op->site = site_word(WT_SITE_CTX(old), op->addr, op->size);
    op->have_site = true;
  }
  return op_site(op);
}

/* Did epoch e happen before the thread's present?  Its own slot always
 * did: a thread's accesses are program-ordered. */
WT_INLINE bool unordered(const wt_thread *t, wt_epoch e) {
  uint32_t s = WT_EPOCH_SLOT(e);
  if (s == t->slot) return false;
  uint64_t known = s < t->nclk ? t->clk[s] : 0;
  return known < WT_EPOCH_CLOCK(e);
}

static void note_race(op_t *op, uintptr_t granule, uint64_t x, uint32_t site, uint32_t m) {
  wt_epoch e = WT_R_EPOCH(x);
  bool write = x & WT_R_WRITE;
  uint32_t hmask = (uint32_t)(x & WT_R_MASK);
  uintptr_t lo = granule + (uint32_t)__builtin_ctz(hmask);
  uintptr_t hi = granule + 32 - (uint32_t)__builtin_clz(hmask);
  bool freed = x & WT_R_FREED;
  for (int i = 0; i < op->nraces; i++)
    if (op->race[i].e == e && op->race[i].write == write && op->race[i].freed == freed) {
      if (op->race[i].granule == granule) { /* another record of the same access */
        op->race[i].hmask |= hmask;
        op->race[i].mask |= hmask & m;
      }
      /* A write over a range replaces the records it races with before
       * the report is made: what it saw of them is kept here. */
      if (hi > op->race[i].hi && lo <= op->race[i].hi) op->race[i].hi = hi;
      if (lo < op->race[i].lo) op->race[i].lo = lo;
      return;
    }
  if (op->nraces == 2) return;
  int i = op->nraces++;
  op->race[i].e = e;
  op->race[i].site = site;
  op->race[i].write = write;
  op->race[i].atomic = x & WT_R_ATOMIC;
  op->race[i].freed = freed;
  op->race[i].granule = granule;
  op->race[i].hmask = hmask;
  op->race[i].mask = hmask & m;
  op->race[i].lo = lo;
  op->race[i].hi = hi;
}

/* FastTrack against every record of the bytes m: a write races with
 * unordered reads and writes, a read with unordered writes; two atomics
 * never race.  Any access to bytes a free() left marked is a use after
 * free, ordered or not. */
static void check_recs(op_t *op, const recs *rs, uintptr_t granule, uint32_t m) {
  for (uint32_t i = 0; i < rs->n; i++) {
    uint64_t x = rs->v[i].w;
    if (!(x & m)) continue;
    if (x & WT_R_FREED) {
      note_race(op, granule, x, rs->v[i].site, m);
      continue;
    }
    if (!op->write && !(x & WT_R_WRITE)) continue;
    if (op->atomic && (x & WT_R_ATOMIC)) continue;
    if (unordered(op->t, WT_R_EPOCH(x))) note_race(op, granule, x, rs->v[i].site, m);
  }
}

/* Records the access.  A write supersedes every record of its bytes; a
 * read supersedes the reads it is ordered after, and needs nothing on
 * bytes its thread already accessed in this epoch.  False if nothing
 * changed. */
static bool update_recs(op_t *op, recs *rs, uintptr_t granule, uint32_t m) {
  wt_thread *t = op->t;
  uint64_t key = t->epoch << WT_R_BITS | (op->write ? WT_R_WRITE : 0) |
                 (op->atomic ? WT_R_ATOMIC : 0);
  if (op->write) { /* the marks of a free stay, so every later use is reported */
    for (uint32_t i = 0; i < rs->n; i++)
      if (!(rs->v[i].w & WT_R_FREED)) rs->v[i].w &= ~(uint64_t)m;
  } else {
    for (uint32_t i = 0; i < rs->n; i++) {
      uint64_t x = rs->v[i].w;
      if (WT_R_EPOCH(x) == t->epoch && (!(x & WT_R_ATOMIC) || op->atomic))
        m &= ~(uint32_t)x;
    }
    if (!m) return false;
    for (uint32_t i = 0; i < rs->n; i++) {
      uint64_t x = rs->v[i].w;
      if (!(x & WT_R_WRITE) && (x & m) && !unordered(t, WT_R_EPOCH(x)))
        rs->v[i].w &= ~(uint64_t)m;
    }
  }
  uint32_t site = op_site(op);
  for (uint32_t i = 0; i < rs->n; i++)
    if (REC_KEY(rs->v[i].w) == key) {
      if (!(rs->v[i].w & WT_R_MASK)) rs->v[i].site = site; /* emptied: starts anew */
      else if (WT_SITE_CTX(rs->v[i].site) != WT_SITE_CTX(site))
        wt_sitelog_add(t, granule, m, site);
      rs->v[i].w |= m;
      return true;
    }
  /* Reuse an emptied slot, else append (load_recs left room for one). */
  for (uint32_t i = 0; i < rs->n; i++)
    if (!(rs->v[i].w & WT_R_MASK)) {
      rs->v[i] = rs->v[0];
      rs->v[0] = (rec){key | m, site};
      return true;
    }
  /* The one bound: a full block (over a thousand readers of one granule
   * not ordered with each other) does not record this read; a write
   * supersedes every record of its bytes, so it never gets here. */
  if (rs->n >= RECS_MAX) return true; /* the reads it superseded are gone all the same */
  /* The newest first: inline, it lands in word a, where the thread's next
   * accesses widen it with one CAS and drop what it covers. */
  rs->v[rs->n++] = rs->v[0];
  rs->v[0] = (rec){key | m, site};
  return true;
}

/* The locked path: any number of records. */
static WT_NOINLINE void granule_slow(op_t *op, wt_cell *c, uintptr_t granule, uint32_t m) {
  wt_cold *cold = wt_shadow_cold(c, granule);
  recs rs;
  uint64_t a = lock_cell(c);
  load_recs(c, cold, a, &rs, 1);
  check_recs(op, &rs, granule, m);
  if (update_recs(op, &rs, granule, m)) {
    store_recs(c, cold, &rs);
  } else {
    recs_release(&rs);
    unlock_cell(c, a);
  }
}

/* Site words are stored under the cell lock only.  A lock-free path
 * that stored one beside its CAS left a window in which a published
 * record was paired with another record's site (a record moving from
 * word a to word b, or a site stored into a word "still empty" that
 * another thread had just filled): a locker copying the cell into a
 * block meanwhile kept the wrong site for good, and a report then showed
 * another thread's stack as the previous access (race/sem_trywait.c).
 * So a lock-free update goes ahead only if each word's record keeps the
 * site its word already has, swapping the two records when that makes
 * them fit (their order matters to speed only). */
static bool sites_fit(recs *rs, uint32_t k, uint32_t sa, uint32_t sb) {
  if ((k < 1 || rs->v[0].site == sa) && (k < 2 || rs->v[1].site == sb)) return true;
  if (k == 2 && rs->v[1].site == sa && rs->v[0].site == sb) {
    rec r = rs->v[0];
    rs->v[0] = rs->v[1];
    rs->v[1] = r;
    return true;
  }
  return false;
}

/* The same for a cell whose records stay inline, with no lock: the two
 * words change together by one 16-byte CAS, which a locker's CAS on word
 * a makes fail.  False if the cell is locked, has a block, would need
 * one, would need a site word changed, or keeps changing under it: the
 * locked path takes over. */
static WT_NOINLINE bool granule_lockfree(op_t *op, wt_cell *c, uintptr_t granule,
                                         uint32_t m) {
  wt_cold *cold = wt_shadow_cold(c, granule);
  for (int tries = 0; tries < 4; tries++) {
    uint64_t a = LD(c->a), b = LD(c->b);
    if (a & (WT_R_LOCK | WT_R_EXT)) return false;
    recs rs;
    rs.v = rs.local;
    rs.n = 0;
    uint32_t sa = LD(cold->a), sb = LD(cold->b);
    if (a & WT_R_MASK) rs.v[rs.n++] = (rec){a, sa};
    if (b & WT_R_MASK) rs.v[rs.n++] = (rec){b, sb};
    int nraces = op->nraces;
    check_recs(op, &rs, granule, m);
    if (!update_recs(op, &rs, granule, m)) return true;
    compact_recs(&rs);
    uint32_t k = rs.n;
    if (k > 2) {
      op->nraces = nraces; /* the locked path checks again */
      return false;
    }
    /* Site words change only under the cell lock (see sites_fit): a
     * record whose word keeps its site goes by CAS, in either order. */
    if (!sites_fit(&rs, k, sa, sb)) {
      op->nraces = nraces; /* the locked path checks again */
      return false;
    }
    if (cas_cell(c, a, b, k > 0 ? rs.v[0].w : 0, k > 1 ? rs.v[1].w : 0)) return true;
    op->nraces = nraces;
  }
  return false;
}

/* Does the byte at addr still carry a record of epoch e and this kind
 * that began at the same site? */
static bool byte_has(uintptr_t addr, wt_epoch e, uint32_t site, bool write) {
  wt_cell *c = wt_shadow_cell(addr);
  if (!c) return false;
  uint64_t bit = 1ull << (addr & 7);
  recs rs;
  uint64_t a = lock_cell(c);
  load_recs(c, wt_shadow_cold(c, addr), a, &rs, 0);
  bool found = false;
  for (uint32_t i = 0; i < rs.n && !found; i++)
    found = (rs.v[i].w & bit) && WT_R_EPOCH(rs.v[i].w) == e &&
            !!(rs.v[i].w & WT_R_WRITE) == write &&
            WT_SITE_CTX(rs.v[i].site) == WT_SITE_CTX(site);
  recs_release(&rs);
  unlock_cell(c, a);
  return found;
}

/* Where the previous access was.  Its site word knows its shape, and it
 * covered the first racing byte b.  Up to 8 bytes that leaves one
 * possible start; a record merged from a loop's neighbouring elements
 * holds the last one's shape, so the sibling at b is shown, same size
 * and aligned like it.  A longer access starts where the bytes before b
 * stop carrying its record, at most its size back; past 127 bytes the
 * record's bytes around b are walked both ways. */
#define WALK_MAX (64u << 10)
static void previous_extent(const op_t *op, int i, uint32_t record_site, uintptr_t *addr,
                            uint32_t *size) {
  uint32_t site = op->race[i].site, shape = site >> WT_SITE_CTX_BITS;
  uintptr_t g = op->race[i].granule;
  uint32_t hm = op->race[i].hmask ? op->race[i].hmask : 1;
  uintptr_t b = g + (uint32_t)__builtin_ctz(op->race[i].mask ? op->race[i].mask : hm);
  wt_epoch e = op->race[i].e;
  bool w = op->race[i].write;
  if (!(shape & 0x80)) {
    uint32_t off = shape & 7, sz = (shape >> 3 & 7) + 1;
    uintptr_t back = (b - off) & 7;
    if (back < sz) {
      *addr = b - back;
      *size = sz;
      return;
    }
    if ((sz & (sz - 1)) == 0) {
      *addr = b & ~(uintptr_t)(sz - 1);
      *size = sz;
      return;
    }
  } else {
    uint32_t sz = shape & 0x7f, limit = sz ? sz - 1 : WALK_MAX;
    uintptr_t s = op->race[i].lo <= b ? op->race[i].lo : b;
    uintptr_t end = op->race[i].hi > b ? op->race[i].hi : b + 1;
    while (b - s < limit && byte_has(s - 1, e, record_site, w)) s--;
    if (sz) {
      *addr = s;
      *size = sz;
      return;
    }
    while (end - b < WALK_MAX && byte_has(end, e, record_site, w)) end++;
    *addr = s;
    *size = (uint32_t)(end - s);
    return;
  }
  uint32_t lo = (uint32_t)__builtin_ctz(hm), hi = 31 - (uint32_t)__builtin_clz(hm);
  *addr = g + lo;
  *size = hi - lo + 1;
}

/* The previous access's own site: the site log's, where another
 * statement joined its record. */
static bool resolve_site(op_t *op, int i) {
  uint32_t hm = op->race[i].hmask ? op->race[i].hmask : 1;
  uintptr_t b = op->race[i].granule +
                (uint32_t)__builtin_ctz(op->race[i].mask ? op->race[i].mask : hm);
  uint32_t s;
  int r = wt_sitelog_find(op->race[i].e, b, &s);
  if (r == WT_SITELOG_FOUND) op->race[i].site = s;
  return r == WT_SITELOG_LOST;
}

/* A record published by a CAS gets its site word just after; a racing
 * access that read the word in between saw the one before.  By the time
 * the report is made the store has long landed: the record, if still
 * there, gives its site again. */
static void refresh_site(op_t *op, int i) {
  wt_cell *c = wt_shadow_cell(op->race[i].granule);
  if (!c) return;
  recs rs;
  uint64_t a = lock_cell(c);
  load_recs(c, wt_shadow_cold(c, op->race[i].granule), a, &rs, 0);
  for (uint32_t k = 0; k < rs.n; k++)
    if (WT_R_EPOCH(rs.v[k].w) == op->race[i].e &&
        !!(rs.v[k].w & WT_R_WRITE) == op->race[i].write &&
        (rs.v[k].w & op->race[i].hmask)) {
      op->race[i].site = rs.v[k].site;
      break;
    }
  recs_release(&rs);
  unlock_cell(c, a);
}

static void report_races(op_t *op) {
  for (int i = 0; i < op->nraces; i++) {
    refresh_site(op, i);
    uint32_t record_site = op->race[i].site;
    bool approximate = resolve_site(op, i);
    wt_report_access cur = {
        .addr = op->addr, .size = (uint32_t)op->size, .write = op->write,
        .atomic = op->atomic, .thread_uid = op->t->uid,
        .ctx = WT_SITE_CTX(op_site(op)), .pc = op->pc};
    wt_report_access prev = {
        .write = op->race[i].write, .atomic = op->race[i].atomic,
        .ctx = WT_SITE_CTX(op->race[i].site),
        .thread_uid = wt_thread_uid_at(WT_EPOCH_SLOT(op->race[i].e),
                                       WT_EPOCH_CLOCK(op->race[i].e))};
    prev.approximate = approximate;
    prev.freed = op->race[i].freed;
    previous_extent(op, i, record_site, &prev.addr, &prev.size);
    wt_report_race(op->t, &cur, &prev);
  }
}

/* ---- fast path ---------------------------------------------------------
 * A hit needs no store: a record of this epoch already covers the bytes
 * (for a read, any plain record of the epoch will do: a later access
 * that races with this read races with it too), and for a write no other
 * record shares them. */
WT_INLINE bool rec_hit(uint64_t x, uint64_t key, uint64_t ignore, uint32_t m) {
  return (x & ~(WT_R_MASK | ignore)) == key && (x & m) == m;
}

static WT_NOINLINE bool ext_hit(const wt_cell *c, uint64_t a, uint64_t e13, uint32_t m,
                                bool write);

/* Inline records only: the entries' test, which calls nothing. */
WT_INLINE bool inline_hit(const wt_cell *c, uint64_t e13, uint32_t m, bool write) {
  uint64_t a = LD(c->a), b = LD(c->b);
  if (write) {
    uint64_t key = e13 | WT_R_WRITE;
    if (rec_hit(a, key, 0, m)) return !(b & m);
    if (rec_hit(b, key, 0, m)) return !(a & (WT_R_LOCK | WT_R_EXT)) && !(a & m);
    return false;
  }
  return rec_hit(a, e13, WT_R_WRITE, m) || rec_hit(b, e13, WT_R_WRITE, m);
}

WT_INLINE bool fast_hit(const wt_cell *c, uint64_t e13, uint32_t m, bool write) {
  if (inline_hit(c, e13, m, write)) return true;
  uint64_t a = LD(c->a);
  return WT_UNLIKELY(a & WT_R_EXT) && ext_hit(c, a, e13, m, write);
}

/* The same test over a block, read without the lock: the block changes
 * only under it, and is freed only after word a stops pointing at it, so
 * a that has not moved since vouches for what was read. */
static bool ext_hit(const wt_cell *c, uint64_t a, uint64_t e13, uint32_t m, bool write) {
  const wt_recs *r = ext_block(a);
  uint32_t n = block_n(r);
  if (n > r->cap || n > RECS_MAX) return false; /* freed meanwhile */
  bool hit = false;
  uint32_t others = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint64_t x = LD(r->w[i]);
    if (write ? rec_hit(x, e13 | WT_R_WRITE, 0, m) : rec_hit(x, e13, WT_R_WRITE, m)) {
      hit = true;
      if (!write) break;
    } else {
      others |= (uint32_t)x;
    }
  }
  if (write && (others & m)) hit = false;
  return hit && atomic_load_explicit(&c->a, memory_order_acquire) == a;
}

/* ---- quick update ------------------------------------------------------
 * Without the cell lock, one CAS.  Records an access supersedes may stay
 * behind on the bytes it covers: a later access that races with such a
 * record races with the newer one too, so keeping it is never wrong and
 * costs only room, which the locked path reclaims.
 *  - A write whose thread's record of this epoch is in word a or b widens
 *    it; a write replaces records that lie within its bytes and are all
 *    ordered before it.  Either way the CAS on word a (or on b, then a
 *    check that a has not moved, as below) publishes it.
 *  - A read widens its thread's read record of this epoch in word b, or
 *    replaces an ordered read record there within its bytes, or fills an
 *    empty b, next to a write record it does not race with: it CASes b
 *    and then checks that a did not move under it (a writer that locked
 *    meanwhile may not have seen the read), else it redoes the access on
 *    the locked path.
 * A site that joins a record is noted in the site log; a new record's
 * site word is stored only when it changed, which it rarely does. */
WT_INLINE bool no_conflict(const wt_thread *t, uint64_t x, uint32_t m, bool write) {
  if (!(x & m)) return true;
  if (!write && !(x & WT_R_WRITE)) return true;
  return !unordered(t, WT_R_EPOCH(x));
}

/* A block's record of the thread's epoch, widened by a CAS: its other
 * records must not race with the access (a write also takes its bytes
 * from them, each by a CAS; one that fails leaves a harmless stale
 * record).  Valid if neither word a nor the block's seq moved, so no
 * locker rewrote the block over it meanwhile. */
static WT_NOINLINE bool ext_widen(op_t *op, wt_cell *c, uint64_t a, uint32_t m,
                                  uintptr_t granule) {
  wt_thread *t = op->t;
  bool write = op->write;
  wt_recs *r = ext_block(a);
  uint32_t seq = atomic_load_explicit(&r->seq, memory_order_acquire);
  if (atomic_load_explicit(&c->a, memory_order_acquire) != a) return false;
  uint32_t n = block_n(r);
  if (n > r->cap || n > RECS_MAX) return false;
  uint64_t key = t->epoch << WT_R_BITS | (write ? WT_R_WRITE : 0);
  uint32_t own = n;
  for (uint32_t i = 0; i < n; i++) {
    uint64_t x = LD(r->w[i]);
    if ((x & WT_R_FREED) && (x & m)) return false;
    if ((x & ~WT_R_MASK) == key && (x & WT_R_MASK)) {
      if (own == n) own = i;
    } else if (!no_conflict(t, x, m, write)) {
      return false;
    }
  }
  if (own == n) return false;
  uint64_t x = LD(r->w[own]);
  if ((x & ~WT_R_MASK) != key) return false;
  if ((x & m) != m) {
    if (!atomic_compare_exchange_strong_explicit(&r->w[own], &x, x | m, memory_order_acq_rel,
                                                 memory_order_relaxed))
      return false;
    if (!site_same(op, ext_sites(r)[own])) wt_sitelog_add(t, granule, m, op_site(op));
  }
  /* It supersedes other records on its bytes: a write every one, a read
   * the reads it is ordered after.  Each gives them up by a CAS; one that
   * fails leaves a stale record, which is harmless, but left everywhere
   * they would pile up, one per epoch. */
  for (uint32_t i = 0; i < n; i++) {
    uint64_t y = LD(r->w[i]);
    if (i == own || !(y & m)) continue;
    if (!write && ((y & WT_R_WRITE) || unordered(t, WT_R_EPOCH(y)))) continue;
    atomic_compare_exchange_strong_explicit(&r->w[i], &y, y & ~(uint64_t)m,
                                            memory_order_relaxed, memory_order_relaxed);
  }
  if (atomic_load_explicit(&c->a, memory_order_acquire) != a ||
      atomic_load_explicit(&r->seq, memory_order_acquire) != seq)
    return false;
  /* Once the thread's write record holds the whole granule it supersedes
   * every other record, and the cell goes back to that one record
   * inline, so its next accesses need no scan. */
  if (write && ((x | m) & WT_R_MASK) == WT_R_MASK) {
    uint64_t la = lock_cell(c);
    wt_recs *lr = (la & WT_R_EXT) ? ext_block(la) : 0;
    if (lr == r && LD(r->w[own]) == (key | WT_R_MASK)) {
      wt_cold *cold = wt_shadow_cold(c, granule);
      ST(cold->a, ext_sites(r)[own]);
      ST(c->b, 0);
      wt_free(r, block_size(r->cap));
      la = key | WT_R_MASK;
    }
    unlock_cell(c, la);
  }
  return true;
}

WT_INLINE bool quick_update(op_t *op, wt_cell *c, uintptr_t at, uint32_t m) {
  wt_thread *t = op->t;
  bool write = op->write;
  uint64_t a = LD(c->a);
  if (a & WT_R_LOCK) return false;
  if (a & WT_R_EXT) return ext_widen(op, c, a, m, at & ~(uintptr_t)(WT_GRANULE - 1));
  uint64_t b = LD(c->b);
  if ((a | b) & WT_R_FREED) return false; /* check_recs reports it */
  uint64_t e13 = t->epoch << WT_R_BITS;
  wt_cold *cold = wt_shadow_cold(c, at);
  uintptr_t granule = at & ~(uintptr_t)(WT_GRANULE - 1);
  if (write) {
    uint64_t key = e13 | WT_R_WRITE;
    if ((a & ~WT_R_MASK) == key) { /* widen own record in a */
      if (!no_conflict(t, b, m, true)) return false;
      /* b superseded by the widened record goes with the same CAS: a plain
       * store could wipe a record another thread's 16-byte CAS just put
       * there without changing a. */
      bool drop = b && !((uint32_t)b & ~(uint32_t)(a | m) & 0xff);
      if (drop ? !cas_cell(c, a, b, a | m, 0)
               : !atomic_compare_exchange_strong_explicit(&c->a, &a, a | m, memory_order_acq_rel,
                                                          memory_order_relaxed))
        return false;
      if (!site_same(op, LD(cold->a))) wt_sitelog_add(t, granule, m, op_site(op));
      return true;
    }
    if ((b & ~WT_R_MASK) == key) { /* widen own record in b */
      if (!no_conflict(t, a, m, true)) return false;
      if (!atomic_compare_exchange_strong_explicit(&c->b, &b, b | m, memory_order_acq_rel,
                                                   memory_order_relaxed))
        return false;
      if (!site_same(op, LD(cold->b))) wt_sitelog_add(t, granule, m, op_site(op));
      /* a superseded by it, and unmoved: drop it (a fails if locked). */
      if (a && !((uint32_t)a & ~(uint32_t)(b | m) & 0xff))
        return atomic_compare_exchange_strong_explicit(&c->a, &a, 0, memory_order_acq_rel,
                                                       memory_order_relaxed) ||
               atomic_load_explicit(&c->a, memory_order_acquire) == 0;
      return atomic_load_explicit(&c->a, memory_order_acquire) == a;
    }
    if (a && (((uint32_t)a & ~m & 0xff) || unordered(t, WT_R_EPOCH(a)))) return false;
    if (b && (((uint32_t)b & ~m & 0xff) || unordered(t, WT_R_EPOCH(b)))) return false;
    uint32_t old = LD(cold->a), site = site_like(op, old);
    /* Into an empty word the site goes first, so the record is never seen
     * without it; over another record, after (that one keeps its own). */
    if (!a && old != site) ST(cold->a, site);
    if (b ? !cas_cell(c, a, b, key | m, 0)
          : !atomic_compare_exchange_strong_explicit(&c->a, &a, key | m, memory_order_acq_rel,
                                                     memory_order_relaxed))
      return false;
    if (old != site) ST(cold->a, site);
    return true;
  }
  if (!no_conflict(t, a, m, false)) return false;
  uint64_t nb;
  if ((b & ~WT_R_MASK) == e13) { /* widen own read record */
    nb = b | m;
  } else {
    if (b && ((b & (WT_R_WRITE | WT_R_ATOMIC)) || ((uint32_t)b & ~m & 0xff) ||
              unordered(t, WT_R_EPOCH(b))))
      return false;
    nb = e13 | m;
  }
  uint32_t old = LD(cold->b);
  bool widen = b && nb == (b | m);
  uint32_t site = widen ? 0 : site_like(op, old);
  if (!b && old != site) ST(cold->b, site); /* as for a write, above */
  if (!atomic_compare_exchange_strong_explicit(&c->b, &b, nb, memory_order_acq_rel,
                                               memory_order_relaxed))
    return false;
  if (widen) {
    if (!site_same(op, old)) wt_sitelog_add(t, granule, m, op_site(op));
  } else if (old != site) {
    ST(cold->b, site);
  }
  return atomic_load_explicit(&c->a, memory_order_acquire) == a;
}

/* ---- the entries ---------------------------------------------------------- */

/* Every granule the access touches, from the one at a on; the op is
 * made only when a granule needs the locked path. */
static WT_NOINLINE void access_span(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                    bool atomic, uintptr_t pc, wt_ctx ctx, bool have_ctx,
                                    uintptr_t fn) {
  uintptr_t a = addr, end = addr + size;
  if (end < addr) return;
  op_t op;
  op_init(&op, t, addr, size, write, atomic, pc);
  op.fn = fn;
  if (have_ctx) {
    op.site = site_word(ctx, addr, size);
    op.have_site = true;
  }
  uint64_t e13 = t->epoch << WT_R_BITS;
  while (a < end) {
    /* Whole granules of one shadow page: its cells follow one another, so
     * a run of hits (a buffer read again, as a search over a growing input
     * does) costs one directory lookup, not one per granule. */
    if (!(a & (WT_GRANULE - 1)) && end - a >= WT_GRANULE && !atomic) {
      wt_cell *c = wt_shadow_cell(a);
      if (!c) break;
      uintptr_t page_end = (a | (WT_PAGE_SIZE - 1)) + 1;
      uintptr_t stop = page_end < (end & ~(uintptr_t)(WT_GRANULE - 1))
                           ? page_end
                           : end & ~(uintptr_t)(WT_GRANULE - 1);
      while (a < stop && fast_hit(c, e13, 0xff, write)) a += WT_GRANULE, c++;
      if (a >= end) break;
      if (a == stop) continue; /* the next page, or the tail */
    }
    uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
    uintptr_t stop = granule + WT_GRANULE < end ? granule + WT_GRANULE : end;
    uint32_t m = (uint32_t)(((1u << (stop - a)) - 1) << (a - granule));
    wt_cell *c = wt_shadow_cell(a);
    if (!c) break;
    if (atomic || (!fast_hit(c, e13, m, write) &&
                   !quick_update(&op, c, a, m)))
      if (!granule_lockfree(&op, c, granule, m)) granule_slow(&op, c, granule, m);
    a = stop;
  }
  if (WT_UNLIKELY(op.nraces)) report_races(&op);
}

void wt_access_range(wt_thread *t, uintptr_t addr, size_t size, bool write, bool atomic,
                     uintptr_t pc) {
  if (!size || t->ignore) return;
  access_span(t, addr, size, write, atomic, pc, 0, false, 0);
}

void wt_access_range_ctx(wt_thread *t, uintptr_t addr, size_t size, bool write, uintptr_t pc,
                         wt_ctx ctx) {
  if (!size || t->ignore) return;
  access_span(t, addr, size, write, false, pc, ctx, true, 0);
}

void wt_access_range_in(wt_thread *t, uintptr_t addr, size_t size, bool write, uintptr_t pc,
                        void *fn) {
  if (!size || t->ignore) return;
  access_span(t, addr, size, write, false, pc, 0, false, (uintptr_t)fn);
}

/* Where the inline part gives up: five arguments in registers, so the
 * entries leave by a tail call and keep no frame of their own. */
static WT_NOINLINE void access_miss(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                    uintptr_t pc) {
  /* One granule with inline records: straight to the quick update (the
   * inline test has just failed), the span's loop only if that fails. */
  uintptr_t off = addr & (WT_GRANULE - 1);
  wt_cell *c;
  if (off + size <= WT_GRANULE && (c = wt_shadow_cell(addr)) != 0 &&
      !(LD(c->a) & (WT_R_EXT | WT_R_LOCK))) {
    op_t op;
    op_init(&op, t, addr, size, write, false, pc);
    if (quick_update(&op, c, addr, (uint32_t)(((1u << size) - 1) << off))) return;
  }
  access_span(t, addr, size, write, false, pc, 0, false, 0);
}

/* The entries: the common case, an access within one granule whose
 * record is this thread's in this epoch, is a handful of instructions
 * with no registers to save; everything else leaves by a tail call to
 * access_rest, which then finds the program's return address as its own
 * (so the pc costs nothing on the hit path). */
WT_INLINE bool access_hit1(uintptr_t addr, uint32_t size, bool write) {
  wt_thread *t = wt_cur;
  /* t->ignore is asked only on a miss: a hit records nothing anyway. */
  if (WT_UNLIKELY(!t)) return true;
  uintptr_t off = addr & (WT_GRANULE - 1);
  if (size == 16) {
    /* A vector at 8- or 16-byte alignment: two whole granules. */
    if (WT_UNLIKELY(off || (addr >> WT_ADDR_BITS) ||
                    (addr & (WT_PAGE_SIZE - 1)) > WT_PAGE_SIZE - 16))
      return false;
  } else if (WT_UNLIKELY(off + size > WT_GRANULE || (addr >> WT_ADDR_BITS))) {
    return false;
  }
  wt_cell *page = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
  if (WT_UNLIKELY(!page)) return false;
  wt_cell *c = page + ((addr & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
  uint64_t e13 = t->epoch << WT_R_BITS;
  if (size == 16) return inline_hit(c, e13, 0xff, write) && inline_hit(c + 1, e13, 0xff, write);
  return inline_hit(c, e13, ((1u << size) - 1) << off, write);
}

/* The commonest miss: every record of the granule is this thread's,
 * from an earlier epoch (an OpenMP loop, a pass of a pipeline: each
 * region or barrier starts a new epoch, and the same thread touches the
 * same data again).  Nothing can conflict, since a thread's accesses are
 * program-ordered; the record is renewed in place by plain stores, with
 * its site word kept when the same code makes the access again, as it
 * usually does.  Only records the new one covers are replaced; anything
 * else (bytes the old record has and this access has not, another
 * thread's record, a locked or extended cell, a new site) takes the full
 * path.  A thread racing on the granule meanwhile may have its record
 * overwritten: it races with this access, and the record this thread
 * had still showed it that. */
WT_INLINE bool own_slot(const wt_thread *t, uint64_t x) {
  return WT_EPOCH_SLOT(WT_R_EPOCH(x)) == t->slot;
}

/* *same: a context already found current for this access (or 0). */
WT_INLINE bool same_site(wt_thread *t, uint32_t old, uintptr_t pc, wt_ctx *same) {
  if (!old) return false;
  wt_ctx ctx = WT_SITE_CTX(old);
  if (ctx == *same) return true;
  if (!wt_ctx_is_current(ctx, t, pc)) return false;
  *same = ctx;
  return true;
}

WT_INLINE bool own_refresh(wt_thread *t, wt_cell *c, uintptr_t at, uint32_t m, bool write,
                           uintptr_t addr, uint32_t size, uintptr_t pc, wt_ctx *same) {
  uint64_t a = LD(c->a), b = LD(c->b);
  const uint64_t flags = WT_R_LOCK | WT_R_EXT | WT_R_FREED | WT_R_ATOMIC;
  if (((a | b) & flags) || (a && !own_slot(t, a)) || (b && !own_slot(t, b))) return false;
  uint64_t e13 = t->epoch << WT_R_BITS;
  wt_cold *cold = wt_shadow_cold(c, at);
  if (write) {
    /* The new write takes a; a read in b it covers goes. */
    if ((uint32_t)a & ~m & 0xff) return false;
    if (b && ((b & WT_R_WRITE) || ((uint32_t)b & ~m & 0xff))) return false;
    uint32_t old = LD(cold->a);
    if (!same_site(t, old, pc, same)) return false;
    ST(cold->a, site_word(WT_SITE_CTX(old), addr, size));
    ST(c->b, 0);
    ST(c->a, e13 | WT_R_WRITE | m);
    return true;
  }
  /* The new read takes b; a (a write, or nothing) stays. */
  if (a && !(a & WT_R_WRITE)) return false;
  if (b && ((b & WT_R_WRITE) || ((uint32_t)b & ~m & 0xff))) return false;
  uint32_t old = LD(cold->b);
  if (!same_site(t, old, pc, same)) return false;
  ST(cold->b, site_word(WT_SITE_CTX(old), addr, size));
  ST(c->b, e13 | m);
  return true;
}

/* The rest: the inline test granule by granule for an access across
 * granules on one shadow page, then anything else (a page not yet
 * shadowed, a missed test) goes to access_miss with the whole access, so
 * that a report names it as the program made it. */
WT_INLINE void access_rest(uintptr_t addr, uint32_t size, bool write, uintptr_t pc) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t || t->ignore)) return;
  uintptr_t off = addr & (WT_GRANULE - 1);
  wt_cell *page = 0;
  if (WT_LIKELY(!(addr >> WT_ADDR_BITS)))
    page = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
  if (WT_LIKELY(page != 0) && (addr & (WT_PAGE_SIZE - 1)) + size <= WT_PAGE_SIZE) {
    /* The first granule from off, whole ones, the last up to the end
     * (a vector at 8-byte alignment straddles two). */
    wt_cell *c = page + ((addr & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
    uintptr_t at = addr & ~(uintptr_t)(WT_GRANULE - 1);
    uint64_t e13 = t->epoch << WT_R_BITS;
    uint32_t end = (uint32_t)off + size, n = (end + WT_GRANULE - 1) / WT_GRANULE;
    uint32_t tail = end & (WT_GRANULE - 1);
    bool hit = true;
    wt_ctx same = 0;
    for (uint32_t i = 0; i < n && hit; i++) {
      uint32_t m = 0xff;
      if (i == 0) m &= 0xffu << off;
      if (i == n - 1 && tail) m &= (1u << tail) - 1;
      hit = inline_hit(c + i, e13, m, write) ||
            own_refresh(t, c + i, at + i * WT_GRANULE, m, write, addr, size, pc, &same);
    }
    if (WT_LIKELY(hit)) return;
  }
  access_miss(t, addr, size, write, pc);
}

/* musttail: the rest must be a tail call, or its return address would
 * be the entry's and every report would lose the access's line. */
#define DEFINE_ACCESS(size)                                                          \
  static WT_NOINLINE void rest_read##size(void *addr) {                              \
    access_rest((uintptr_t)addr, size, false, WT_PC());                              \
  }                                                                                  \
  static WT_NOINLINE void rest_write##size(void *addr) {                             \
    access_rest((uintptr_t)addr, size, true, WT_PC());                               \
  }                                                                                  \
  void __weft_read##size(void *addr) {                                               \
    if (WT_LIKELY(access_hit1((uintptr_t)addr, size, false))) return;                \
    __attribute__((musttail)) return rest_read##size(addr);                          \
  }                                                                                  \
  void __weft_write##size(void *addr) {                                              \
    if (WT_LIKELY(access_hit1((uintptr_t)addr, size, true))) return;                 \
    __attribute__((musttail)) return rest_write##size(addr);                         \
  }
DEFINE_ACCESS(1)
DEFINE_ACCESS(2)
DEFINE_ACCESS(4)
DEFINE_ACCESS(8)
DEFINE_ACCESS(16)

/* Odd sizes and 32-byte vectors take the same tests. */
static WT_NOINLINE void rest_read_range(void *addr, size_t size) {
  if (size - 1 < 32) {
    access_rest((uintptr_t)addr, (uint32_t)size, false, WT_PC());
    return;
  }
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, size, false, false, WT_PC());
}
static WT_NOINLINE void rest_write_range(void *addr, size_t size) {
  if (size - 1 < 32) {
    access_rest((uintptr_t)addr, (uint32_t)size, true, WT_PC());
    return;
  }
  wt_thread *t = wt_cur;
  if (t) wt_access_range(t, (uintptr_t)addr, size, true, false, WT_PC());
}
void __weft_read_range(void *addr, size_t size) {
  if (size - 1 < WT_GRANULE && WT_LIKELY(access_hit1((uintptr_t)addr, (uint32_t)size, false)))
    return;
  __attribute__((musttail)) return rest_read_range(addr, size);
}
void __weft_write_range(void *addr, size_t size) {
  if (size - 1 < WT_GRANULE && WT_LIKELY(access_hit1((uintptr_t)addr, (uint32_t)size, true)))
    return;
  __attribute__((musttail)) return rest_write_range(addr, size);
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

/* ---- memory that starts a new life -------------------------------------
 * Freed, unmapped or reused memory, and exited threads' stacks, forget
 * their history, so a new object at an old address starts clean.  A
 * whole page is cleared by plain stores once its blocks are freed; its
 * cells' locks are not taken (a thread touching memory while it is
 * unmapped or reallocated is racing with that anyway, and at worst leaves
 * a record behind). */
static void reset_granule(wt_cell *c, wt_cold *cold, uint32_t drop) {
  recs rs;
  uint64_t a = lock_cell(c);
  load_recs(c, cold, a, &rs, 0);
  for (uint32_t i = 0; i < rs.n; i++) rs.v[i].w &= ~(uint64_t)drop;
  store_recs(c, cold, &rs);
}

/* Frees the page's blocks; the caller zeroes the page. */
static void reset_page_blocks(wt_cell *page) {
  wt_cold *cold = (wt_cold *)(page + WT_CELLS_PER_PAGE);
  for (uint32_t i = 0; i < WT_CELLS_PER_PAGE; i++) {
    uint64_t a = LD(page[i].a);
    if (a & (WT_R_EXT | WT_R_LOCK)) reset_granule(&page[i], &cold[i], 0xff);
  }
}

/* Shadow pages given back in runs: the pages of neighbouring memory are
 * usually neighbours too (handed out in the order first touched), so a
 * large unmapping takes a few system calls, not one per page. */
typedef struct { char *lo, *hi; } page_run;

static void run_flush(page_run *r) {
  if (r->hi != r->lo) wt_zero_pages(r->lo, (size_t)(r->hi - r->lo));
  r->lo = r->hi = 0;
}

static void run_add(page_run *r, wt_cell *page) {
  char *p = (char *)page;
  if (p != r->hi) {
    run_flush(r);
    r->lo = p;
  }
  r->hi = p + SHADOW_PAGE_BYTES;
}

/* The records of free's checked write, just made, get the freed mark: in
 * word a by one CAS when that is where the write landed (it supersedes
 * every record of its bytes, so it usually stands alone), else under the
 * cell lock. */
static void mark_granule_freed(wt_cell *c, wt_cold *cold, uint64_t key) {
  recs rs;
  uint64_t a = lock_cell(c);
  load_recs(c, cold, a, &rs, 0);
  bool changed = false;
  for (uint32_t i = 0; i < rs.n; i++)
    if (REC_KEY(rs.v[i].w) == key) {
      rs.v[i].w |= WT_R_FREED;
      changed = true;
    }
  if (changed) {
    store_recs(c, cold, &rs);
  } else {
    recs_release(&rs);
    unlock_cell(c, a);
  }
}

void wt_shadow_freed(wt_thread *t, uintptr_t addr, size_t size) {
  uintptr_t end = addr + size;
  if (!wt_dir || end < addr || end > (1ul << WT_ADDR_BITS) || t->ignore) return;
  uint64_t key = t->epoch << WT_R_BITS | WT_R_WRITE;
  for (uintptr_t a = addr; a < end;) {
    uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
    wt_cell *c = wt_shadow_cell(a);
    if (!c) break;
    uint64_t x = LD(c->a);
    if ((x & (WT_R_LOCK | WT_R_EXT)) || REC_KEY(x) != key ||
        !atomic_compare_exchange_strong_explicit(&c->a, &x, x | WT_R_FREED, memory_order_acq_rel,
                                                 memory_order_relaxed))
      mark_granule_freed(c, wt_shadow_cold(c, granule), key);
    a = granule + WT_GRANULE;
  }
}

/* give_back: the memory is gone (unmapped), so the shadow of its whole
 * pages goes back to the kernel, zeroed, rather than being zeroed in
 * place: a program that maps and unmaps files or large blocks at new
 * addresses would otherwise keep the shadow of every page it ever
 * touched resident.  Not for memory that stays (a heap block), where a
 * system call and refaults per page would cost more than the zeroing. */
static void shadow_reset(uintptr_t addr, size_t size, bool give_back) {
  uintptr_t end = addr + size;
  if (!wt_dir || end < addr || end > (1ul << WT_ADDR_BITS)) return;
  page_run run = {0, 0};
  while (addr < end) {
    uintptr_t page_start = addr & ~(WT_PAGE_SIZE - 1);
    uintptr_t page_end = page_start + WT_PAGE_SIZE;
    uintptr_t stop = page_end < end ? page_end : end;
    wt_cell *page = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
    if (page && addr == page_start && stop == page_end) {
      reset_page_blocks(page);
      if (give_back) run_add(&run, page);
      else __builtin_memset((void *)page, 0, SHADOW_PAGE_BYTES);
    } else {
      for (uintptr_t a = addr; page && a < stop;) {
        uintptr_t granule = a & ~(uintptr_t)(WT_GRANULE - 1);
        uintptr_t gend = granule + WT_GRANULE < stop ? granule + WT_GRANULE : stop;
        wt_cell *c = page + ((granule & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
        if (LD(c->a) || LD(c->b))
          reset_granule(c, wt_shadow_cold(c, granule),
                        (uint32_t)(((1u << (gend - a)) - 1) << (a - granule)));
        a = gend;
      }
    }
    addr = stop;
  }
  run_flush(&run);
}

void wt_shadow_reset(uintptr_t addr, size_t size) { shadow_reset(addr, size, false); }

void wt_shadow_unmapped(uintptr_t addr, size_t size) { shadow_reset(addr, size, true); }

/* A new heap block: its history is gone and it is written by its
 * allocating thread, with no check (it is fresh), by plain stores over
 * whole granules.  A partial last granule goes through the checked path. */
void wt_shadow_alloc(wt_thread *t, uintptr_t addr, size_t size, uintptr_t pc, wt_ctx ctx) {
  uintptr_t end = addr + size;
  if (!wt_dir || end < addr || end > (1ul << WT_ADDR_BITS)) return;
  uint64_t w = t->epoch << WT_R_BITS | WT_R_WRITE | WT_R_MASK;
  uint32_t site = site_word(ctx, addr, size);
  uintptr_t a = addr;
  if (a & (WT_GRANULE - 1)) { /* never for malloc's blocks: kept simple */
    wt_shadow_reset(addr, size);
    wt_access_range_ctx(t, addr, size, true, pc, ctx);
    return;
  }
  while (a + WT_GRANULE <= end) {
    wt_cell *c = wt_shadow_cell(a);
    uintptr_t page_end = (a | (WT_PAGE_SIZE - 1)) + 1;
    wt_cold *cold = wt_shadow_cold(c, a);
    for (; a + WT_GRANULE <= end && a < page_end; a += WT_GRANULE, c++, cold++) {
      uint64_t old = LD(c->a);
      if (WT_UNLIKELY(old & (WT_R_EXT | WT_R_LOCK))) reset_granule(c, cold, 0xff);
      if (LD(c->b)) ST(c->b, 0);
      if (LD(cold->a) != site) ST(cold->a, site);
      ST(c->a, w);
    }
  }
  if (a < end) {
    wt_shadow_reset(a, end - a);
    wt_access_range_ctx(t, a, end - a, true, pc, ctx);
  }
}

/* Cell locks are held for a few hundred instructions and are not taken
 * here: a child forked while another thread held one finds that cell
 * locked for good.  Only the page allocator's lock is. */
void wt_shadow_fork_lock(bool lock) {
  if (lock) wt_spin_lock(&region_lock);
  else wt_spin_unlock(&region_lock);
}
