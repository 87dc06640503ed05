/* Live heap blocks, so that a report can say "Location is heap block of
 * size N ... allocated by thread T1" with the allocation stack.  Only the
 * table lives here: when to add and remove is the allocation
 * interceptors' business, and nothing here reads the blocks themselves.
 *
 * A chained hash table keyed by block start, 2^20 buckets (8 MiB of
 * address space, backed as touched) guarded by 256 striped spin locks, so
 * add and remove are O(1) and threads rarely meet.  Finding the block
 * that contains an address is a scan of every bucket: it happens only
 * while a report is gathered. */
#include "internal.h"

#define BUCKET_BITS 20
#define NBUCKETS (1u << BUCKET_BITS)
#define NSTRIPES 256u

typedef struct block {
  struct block *next;
  uintptr_t p;
  size_t size;
  uint32_t thread_uid;
  wt_ctx ctx;
} block;

/* Freed nodes are kept per stripe for the next allocation under the same
 * stripe, so the steady state of malloc/free never reaches wt_alloc. */
typedef struct stripe {
  wt_spin lock;
  block *free;
  char pad[64 - sizeof(wt_spin) - sizeof(block *)];
} stripe;

static block **_Atomic buckets;
static stripe stripes[NSTRIPES];

static WT_NOINLINE block **buckets_create(void) {
  block **b = wt_mmap_noreserve(NBUCKETS * sizeof(block *));
  block **expected = 0;
  if (atomic_compare_exchange_strong_explicit(&buckets, &expected, b,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return b;
  wt_munmap(b, NBUCKETS * sizeof(block *));
  return expected;
}

WT_INLINE block **buckets_get(void) {
  block **b = atomic_load_explicit(&buckets, memory_order_acquire);
  return WT_LIKELY(b != 0) ? b : buckets_create();
}

/* Blocks are at least 16-byte aligned; the low bits carry nothing. */
WT_INLINE uint32_t bucket_of(uintptr_t p) {
  return (uint32_t)(((uint64_t)(p >> 4) * 0x9e3779b97f4a7c15ull) >> (64 - BUCKET_BITS));
}

WT_INLINE stripe *stripe_of(uint32_t bucket) { return &stripes[bucket % NSTRIPES]; }

/* A block already recorded at p (its free was not seen, or realloc
 * returned the same address) is updated rather than duplicated. */
void wt_heap_add(uintptr_t p, size_t size, uint32_t thread_uid, wt_ctx ctx) {
  block **b = buckets_get();
  uint32_t i = bucket_of(p);
  stripe *s = stripe_of(i);
  wt_spin_lock(&s->lock);
  for (block *k = b[i]; k; k = k->next)
    if (k->p == p) {
      k->size = size;
      k->thread_uid = thread_uid;
      k->ctx = ctx;
      wt_spin_unlock(&s->lock);
      return;
    }
  block *k = s->free;
  if (k) {
    s->free = k->next;
  } else {
    /* Not under the stripe lock: wt_alloc has its own. */
    wt_spin_unlock(&s->lock);
    k = wt_alloc(sizeof(block));
    wt_spin_lock(&s->lock);
  }
  *k = (block){.next = b[i], .p = p, .size = size, .thread_uid = thread_uid, .ctx = ctx};
  __atomic_store_n(&b[i], k, __ATOMIC_RELAXED); /* peeked at without the lock */
  wt_spin_unlock(&s->lock);
}

size_t wt_heap_remove(uintptr_t p, uint32_t *thread_uid, wt_ctx *ctx) {
  block **b = atomic_load_explicit(&buckets, memory_order_acquire);
  if (b == 0) return 0;
  uint32_t i = bucket_of(p);
  stripe *s = stripe_of(i);
  size_t size = 0;
  wt_spin_lock(&s->lock);
  for (block **pk = &b[i]; *pk; pk = &(*pk)->next) {
    block *k = *pk;
    if (k->p != p) continue;
    size = k->size;
    *thread_uid = k->thread_uid;
    *ctx = k->ctx;
    __atomic_store_n(pk, k->next, __ATOMIC_RELAXED);
    k->next = s->free;
    s->free = k;
    break;
  }
  wt_spin_unlock(&s->lock);
  return size;
}

/* Live blocks do not overlap, so the first block containing addr is the
 * one.  A zero-sized block contains no address. */
bool wt_heap_find(uintptr_t addr, wt_report_loc *out) {
  block **b = atomic_load_explicit(&buckets, memory_order_acquire);
  if (b == 0) return false;
  for (uint32_t i = 0; i < NBUCKETS; i++) {
    /* Racy peek first: almost every bucket is empty, and an empty bucket
     * in untouched address space must not cost a lock each. */
    if (__atomic_load_n(&b[i], __ATOMIC_RELAXED) == 0) continue;
    stripe *s = stripe_of(i);
    wt_spin_lock(&s->lock);
    for (block *k = b[i]; k; k = k->next)
      if (addr >= k->p && addr - k->p < k->size) {
        *out = (wt_report_loc){.kind = WT_LOC_HEAP, .start = k->p, .size = k->size,
                               .thread_uid = k->thread_uid, .ctx = k->ctx};
        wt_spin_unlock(&s->lock);
        return true;
      }
    wt_spin_unlock(&s->lock);
  }
  return false;
}

void wt_heap_fork_lock(bool lock) {
  for (unsigned i = 0; i < NSTRIPES; i++) {
    if (lock) wt_spin_lock(&stripes[i].lock);
    else wt_spin_unlock(&stripes[i].lock);
  }
}
