/* The site log: which statement touched which bytes, when a shadow
 * record holds bytes from several.
 *
 * A record (types.h) merges the accesses of one epoch and kind to a
 * granule whatever statement made them, so that the shadow's size and
 * cost never depend on how code cuts a granule up; the record keeps the
 * site of its first access.  Whenever another site joins it, its thread
 * appends (granule, bytes, clock, site) here.  Only a race report reads
 * the log: the previous access's site is the newest entry of its thread
 * and epoch covering the racing byte, or else the record's own.
 *
 * One ring per thread slot, made on the slot's first entry, never freed
 * (slots are reused, and an entry names its epoch's clock, so a new
 * owner's entries never pass for an old one's).  A ring holds the last
 * RING entries; when a report needs one older than that, the site shown
 * is the record's and the report says the stack is approximate.  Memory:
 * RING * 24 bytes (192 KiB) per slot that ever merged sites.
 *
 * Appends are the owner's plain stores followed by a release of the head;
 * a reader checks the head again after reading an entry, so an entry
 * overwritten meanwhile is never trusted. */
#include "internal.h"

#define RING (1u << 13)

typedef struct entry {
  _Atomic uint64_t gm;    /* granule >> 3 << 8 | bytes */
  _Atomic uint64_t clock; /* the epoch's clock (the ring names its slot) */
  _Atomic uint32_t site;
  uint32_t pad;
} entry;

typedef struct ring {
  _Atomic uint64_t head; /* entries ever appended */
  entry e[RING];
} ring;

static ring *_Atomic rings[WT_MAX_SLOTS + 1];

static WT_NOINLINE ring *ring_create(uint32_t slot) {
  ring *r = wt_mmap(sizeof(ring));
  atomic_store_explicit(&rings[slot], r, memory_order_release);
  return r;
}

/* Called by the owning thread only, so a slot's ring has one writer. */
void wt_sitelog_add(const wt_thread *t, uintptr_t granule, uint32_t bytes, uint32_t site) {
  uint32_t slot = t->slot;
  if (slot > WT_MAX_SLOTS) return;
  ring *r = atomic_load_explicit(&rings[slot], memory_order_relaxed);
  if (WT_UNLIKELY(!r)) r = ring_create(slot);
  uint64_t h = atomic_load_explicit(&r->head, memory_order_relaxed);
  entry *e = &r->e[h % RING];
  atomic_store_explicit(&e->gm, (uint64_t)(granule >> 3) << 8 | (bytes & 0xff),
                        memory_order_relaxed);
  atomic_store_explicit(&e->clock, WT_EPOCH_CLOCK(t->epoch), memory_order_relaxed);
  atomic_store_explicit(&e->site, site, memory_order_relaxed);
  atomic_store_explicit(&r->head, h + 1, memory_order_release);
}

/* The site of the last access to the byte at addr by epoch e that the
 * log holds.  WT_SITELOG_NONE: no other site joined in that epoch (the
 * record's own site is exact); WT_SITELOG_LOST: the ring no longer goes
 * back to the epoch's start, so the record's site is approximate. */
int wt_sitelog_find(wt_epoch e, uintptr_t addr, uint32_t *site) {
  uint32_t slot = WT_EPOCH_SLOT(e);
  uint64_t clock = WT_EPOCH_CLOCK(e);
  ring *r = slot <= WT_MAX_SLOTS ? atomic_load_explicit(&rings[slot], memory_order_acquire) : 0;
  if (!r) return WT_SITELOG_NONE;
  uint64_t want = (uint64_t)(addr >> 3), bit = 1ull << (addr & 7);
  uint64_t h = atomic_load_explicit(&r->head, memory_order_acquire);
  for (uint64_t k = 0; k < RING && k < h; k++) {
    const entry *x = &r->e[(h - 1 - k) % RING];
    uint64_t gm = atomic_load_explicit(&x->gm, memory_order_relaxed);
    uint64_t c = atomic_load_explicit(&x->clock, memory_order_relaxed);
    uint32_t s = atomic_load_explicit(&x->site, memory_order_relaxed);
    atomic_thread_fence(memory_order_acquire);
    /* Overwritten while read: everything older is gone too. */
    if (atomic_load_explicit(&r->head, memory_order_relaxed) - (h - 1 - k) > RING)
      return WT_SITELOG_LOST;
    if (c < clock) return WT_SITELOG_NONE; /* entries are in clock order */
    if (c == clock && (gm >> 8) == want && (gm & bit)) {
      *site = s;
      return WT_SITELOG_FOUND;
    }
  }
  return h > RING ? WT_SITELOG_LOST : WT_SITELOG_NONE;
}
