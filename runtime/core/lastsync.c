/* Each thread's most recent release and most recent acquire through a
 * sync object (lock, unlock, cond, sem, barrier, once), kept so that a
 * race report can say which happens-before edge is missing ("T1 released
 * M0 after its write, T2 never acquired it").  sync.c notes them; reports
 * read them, for running and finished threads alike.  Thread creation,
 * join and atomics are not noted here.
 *
 * Kept by thread uid in a two-level table that never moves or shrinks,
 * so the owner thread writes with one relaxed store and a reporting
 * thread reads without a lock.  An event is one 64-bit word (sync uid,
 * kind + 1, context), so a reader never sees half of one.  Contexts are
 * below 2^24 (the depot's capacity), which leaves 8 bits for the kind.
 * Past 2^24 threads, later threads' events are not kept. */
#include "internal.h"

#define CHUNK_BITS 12
#define CHUNK (1u << CHUNK_BITS)
#define NCHUNKS 4096u

typedef struct entry { _Atomic uint64_t ev[2]; } entry; /* [0] acquire, [1] release */
static entry *_Atomic chunks[NCHUNKS];

static entry *slot(uint32_t uid, bool create) {
  uint32_t c = uid >> CHUNK_BITS;
  if (c >= NCHUNKS) return 0;
  entry *e = atomic_load_explicit(&chunks[c], memory_order_acquire);
  if (WT_UNLIKELY(!e)) {
    if (!create) return 0;
    entry *fresh = wt_mmap(CHUNK * sizeof(entry));
    if (atomic_compare_exchange_strong_explicit(&chunks[c], &e, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
      e = fresh;
    else
      wt_munmap(fresh, CHUNK * sizeof(entry));
  }
  return &e[uid & (CHUNK - 1)];
}

void wt_last_sync_note(const wt_thread *t, bool release, uint32_t sync_uid,
                       uint32_t sync_kind, wt_ctx ctx) {
  entry *e = slot(t->uid, true);
  if (!e) return;
  uint64_t w = (uint64_t)sync_uid << 32 | (uint64_t)((sync_kind + 1) & 0xff) << 24 |
               (ctx & 0xffffffu);
  atomic_store_explicit(&e->ev[release], w, memory_order_relaxed);
}

bool wt_last_sync_get(uint32_t thread_uid, bool release, wt_report_sync *out) {
  entry *e = slot(thread_uid, false);
  uint64_t w = e ? atomic_load_explicit(&e->ev[release], memory_order_relaxed) : 0;
  if (!(w >> 24 & 0xff)) return false;
  *out = (wt_report_sync){.thread_uid = thread_uid, .release = release,
                          .sync_uid = (uint32_t)(w >> 32),
                          .sync_kind = (uint32_t)(w >> 24 & 0xff) - 1,
                          .ctx = (wt_ctx)(w & 0xffffffu)};
  return true;
}

const char *wt_sync_kind_name(uint32_t kind) {
  static const char *const names[] = {
      [WT_SYNC_ATOMIC] = "atomic", [WT_SYNC_MUTEX] = "mutex",     [WT_SYNC_RWLOCK] = "rwlock",
      [WT_SYNC_SPIN] = "spinlock", [WT_SYNC_COND] = "cond",       [WT_SYNC_BARRIER] = "barrier",
      [WT_SYNC_SEM] = "sem",       [WT_SYNC_ONCE] = "once",       [WT_SYNC_THREAD] = "thread",
      [WT_SYNC_OTHER] = "other",   [WT_SYNC_FD] = "fd",
      [WT_SYNC_SIGNAL] = "signal",   [WT_SYNC_OMP_LOCK] = "omp_lock",
      [WT_SYNC_OMP_CRITICAL] = "omp_critical"};
  return kind < sizeof names / sizeof names[0] && names[kind] ? names[kind] : "other";
}
