/* Atomic operations and fences, by memory order (C11 model):
 *  - a release store makes the location's clock the thread's clock; a
 *    release read-modify-write joins it (release sequences go on through
 *    RMWs); a relaxed store ends the release sequence;
 *  - acquire loads and RMWs join the location's clock into the thread;
 *  - relaxed loads remember the clock for a later acquire fence, and
 *    relaxed stores carry the clock of the last release fence.
 * Stores and RMWs hold the location's lock from atomic_begin to
 * atomic_end, so the clock and the value in memory change together for
 * every other thread: without that, two racing release stores could leave
 * one's value paired with the other's clock, a false report later. */
#include "internal.h"
#include "weft/abi.h"

static bool has_acquire(unsigned o) { return o == WEFT_MO_ACQUIRE || o == WEFT_MO_CONSUME ||
                                             o == WEFT_MO_ACQ_REL || o == WEFT_MO_SEQ_CST; }
static bool has_release(unsigned o) { return o == WEFT_MO_RELEASE || o == WEFT_MO_ACQ_REL ||
                                             o == WEFT_MO_SEQ_CST; }
static bool locks_across(unsigned f) { return WEFT_AF_OP(f) != WEFT_AF_LOAD; }

/* t->in_rt: a signal handler that interrupted the runtime (or the
 * runtime's own unwinder).  Its synchronization is not modelled: the
 * object's bucket or lock may be held by the very code it interrupted. */
void __weft_atomic_begin(void *addr, size_t size, unsigned flags) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t || t->in_rt)) return;
  if (!locks_across(flags)) return;
  t->atomic_alone = !atomic_load_explicit(&wt_many_threads, memory_order_relaxed);
  if (WT_UNLIKELY(t->atomic_alone)) return;
  wt_sync *s = wt_sync_get(t, (uintptr_t)addr, WT_SYNC_ATOMIC, WT_PC());
  wt_spin_lock(&s->lock);
  unsigned order = WEFT_AF_ORDER(flags);
  bool rmw = WEFT_AF_OP(flags) != WEFT_AF_STORE;
  /* The thread ticks in atomic_end, after its access is recorded: the
   * access itself happens before whatever acquires this release (a last
   * reference count's owner writes and frees the counter's memory). */
  if (has_release(order)) {
    if (rmw) wt_vc_join(&s->clock, &t->vc);
    else wt_vc_copy(&s->clock, &t->vc);
  } else if (t->has_fence_rel) {
    if (rmw) wt_vc_join(&s->clock, &t->fence_rel);
    else wt_vc_copy(&s->clock, &t->fence_rel);
  } else if (!rmw) {
    wt_vc_clear(&s->clock);
  }
  /* A failed cmpxchg releases nothing in C11, but its clock update above
   * is harmless only for joins; stores never fail, so this is sound. */
}

void __weft_atomic_end(void *addr, size_t size, unsigned flags) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t || t->in_rt)) return;
  uintptr_t pc = WT_PC();
  unsigned op = WEFT_AF_OP(flags);
  bool cas_ok = op != WEFT_AF_CMPXCHG || (flags & WEFT_AF_SUCCESS);
  unsigned order = cas_ok ? WEFT_AF_ORDER(flags) : WEFT_AF_FAIL_ORDER(flags);
  bool write = op != WEFT_AF_LOAD && cas_ok;
  /* Alone, the thread has no one to synchronize with (wt_many_threads):
   * no location clock is kept, so atomic_begin made none either. */
  if (WT_UNLIKELY(locks_across(flags)
                      ? t->atomic_alone
                      : !atomic_load_explicit(&wt_many_threads, memory_order_relaxed))) {
    wt_access_range(t, (uintptr_t)addr, size, write, true, pc);
    return;
  }
  wt_sync *s;
  if (locks_across(flags)) {
    s = wt_sync_find((uintptr_t)addr);
  } else {
    s = wt_sync_find((uintptr_t)addr);
    if (s) wt_spin_lock(&s->lock);
  }
  if (s) {
    if (has_acquire(order)) wt_acquire(t, &s->clock);
    else wt_vc_join(&t->fence_acq, &s->clock);
  }
  /* An 8-byte load of two 4-byte counters (libstdc++'s shared_ptr reads
   * its use and weak counts at once) reads what the RMWs on either half
   * released.  Only looked up once some 4-byte atomic lives there. */
  if (size == 8 && !((uintptr_t)addr & 7) &&
      atomic_load_explicit(&wt_sync_upper_halves, memory_order_relaxed)) {
    wt_sync *h = wt_sync_find((uintptr_t)addr + 4);
    if (h) {
      wt_spin_lock(&h->lock);
      if (has_acquire(order)) wt_acquire(t, &h->clock);
      else wt_vc_join(&t->fence_acq, &h->clock);
      wt_spin_unlock(&h->lock);
    }
  }
  /* The access is recorded before the location's lock is let go: a
   * thread whose load saw this value takes the lock in its own
   * atomic_end, so whatever it does next is checked against this access,
   * not the other way round (the report would name the wrong thread as
   * the current one). */
  wt_access_range(t, (uintptr_t)addr, size, write, true, pc);
  if (s) wt_spin_unlock(&s->lock);
  if (locks_across(flags) && has_release(WEFT_AF_ORDER(flags))) wt_tick(t);
}

void __weft_fence(unsigned order) {
  wt_thread *t = wt_cur;
  if (WT_UNLIKELY(!t || t->in_rt)) return;
  if (has_acquire(order)) wt_acquire(t, &t->fence_acq);
  if (has_release(order)) {
    wt_vc_copy(&t->fence_rel, &t->vc);
    t->has_fence_rel = 1;
    wt_tick(t);
  }
}
