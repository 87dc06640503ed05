/* The quarantine of freed heap blocks.  A block the program frees is kept
 * from glibc for a while, oldest out first, so that a use after the free
 * lands on memory that is still the freed block (its shadow says freed,
 * access.c) instead of on a new block or on glibc's own free lists, which
 * such a write would corrupt.  The blocks held add up to at most
 * quarantine_mb MiB (0: none is held).  The caller offers only blocks
 * whose every byte the free marked (intercept/alloc.c).
 *
 * Each entry keeps what a report says of the block: its size, and who
 * allocated it where.  A report looks blocks up by address (a scan: it
 * happens once per report).  One spin lock: a free is one push, and
 * every push past the bound pops the oldest entries, which go back to
 * glibc after the lock is dropped. */
#include "internal.h"

extern void __libc_free(void *);

#define SLOTS (1u << 16) /* entries at most, whatever their sizes */

typedef struct entry {
  uintptr_t p;
  size_t size;
  uint32_t thread_uid; /* the allocating thread */
  wt_ctx ctx;          /* the allocation */
} entry;

static entry *ring;
static uint32_t head, count; /* the oldest entry, and how many */
static size_t held;          /* bytes */
static _Atomic int lock;

static void q_lock(void) {
  wt_spins_held++;
  while (atomic_exchange_explicit(&lock, 1, memory_order_acquire)) __builtin_ia32_pause();
}

static void q_unlock(void) {
  atomic_store_explicit(&lock, 0, memory_order_release);
  wt_spins_held--;
}

static size_t bound(void) { return (size_t)wt_opt_quarantine_mb << 20; }

bool wt_quarantine_put(uintptr_t p, size_t size, uint32_t thread_uid, wt_ctx ctx) {
  size_t max = bound();
  if (max == 0) return false;
  void *out[8];
  int nout = 0;
  q_lock();
  if (!ring) ring = wt_mmap_noreserve(SLOTS * sizeof *ring);
  while (count > 0 && nout < 8 && (count == SLOTS || held + size > max)) {
    entry *e = &ring[head];
    out[nout++] = (void *)e->p;
    held -= e->size;
    head = (head + 1) % SLOTS;
    count--;
  }
  bool kept = count < SLOTS && held + size <= max;
  if (kept) {
    ring[(head + count) % SLOTS] = (entry){p, size, thread_uid, ctx};
    count++;
    held += size;
  }
  q_unlock();
  for (int i = 0; i < nout; i++) __libc_free(out[i]);
  return kept;
}

bool wt_quarantine_find(uintptr_t addr, wt_report_loc *out) {
  bool found = false;
  q_lock();
  for (uint32_t i = 0; ring && i < count; i++) {
    const entry *e = &ring[(head + i) % SLOTS];
    if (addr >= e->p && addr - e->p < (e->size ? e->size : 1)) {
      *out = (wt_report_loc){.kind = WT_LOC_HEAP, .start = e->p, .size = e->size,
                             .thread_uid = e->thread_uid, .ctx = e->ctx, .freed = 1};
      found = true;
    }
  }
  q_unlock();
  return found;
}

/* Around fork (intercept/thread.c), so the child never inherits it held. */
void wt_quarantine_fork_lock(bool take) {
  if (take) q_lock();
  else q_unlock();
}
