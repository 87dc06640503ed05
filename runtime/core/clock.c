/* Vector clocks and the three happens-before primitives everything else
 * is built from: acquire (join into the thread), release (join into an
 * object, then tick) and release-store (overwrite the object, then tick).
 * A thread's own clock is also cached in its epoch, which the access path
 * compares against shadow cells. */
#include "internal.h"

void wt_vc_reserve(wt_vc *vc, uint32_t n) {
  if (n <= vc->cap) return;
  uint32_t cap = vc->cap ? vc->cap : 8;
  while (cap < n) cap *= 2;
  uint64_t *clk = wt_alloc(cap * sizeof(uint64_t));
  if (vc->n) __builtin_memcpy(clk, vc->clk, vc->n * sizeof(uint64_t));
  wt_free(vc->clk, vc->cap * sizeof(uint64_t));
  vc->clk = clk;
  vc->cap = cap;
}

void wt_vc_join(wt_vc *dst, const wt_vc *src) {
  if (src->n > dst->n) {
    wt_vc_reserve(dst, src->n);
    dst->n = src->n; /* entries past the old n are zero */
  }
  for (uint32_t i = 0; i < src->n; i++)
    if (src->clk[i] > dst->clk[i]) dst->clk[i] = src->clk[i];
}

void wt_vc_copy(wt_vc *dst, const wt_vc *src) {
  wt_vc_reserve(dst, src->n);
  if (src->n) __builtin_memcpy(dst->clk, src->clk, src->n * sizeof(uint64_t));
  for (uint32_t i = src->n; i < dst->n; i++) dst->clk[i] = 0;
  dst->n = src->n;
}

void wt_vc_clear(wt_vc *vc) {
  for (uint32_t i = 0; i < vc->n; i++) vc->clk[i] = 0;
  vc->n = 0;
}

void wt_vc_destroy(wt_vc *vc) {
  wt_free(vc->clk, vc->cap * sizeof(uint64_t));
  vc->clk = 0;
  vc->n = vc->cap = 0;
}

static void refresh(wt_thread *t) {
  t->clk = t->vc.clk;
  t->nclk = t->vc.n;
}

void wt_acquire(wt_thread *t, const wt_vc *src) {
  wt_vc_join(&t->vc, src);
  /* A slot's entry for this thread can only come from itself. */
  refresh(t);
}

/* A finished thread still runs glibc's teardown (key destructors may
 * unlock mutexes) but its slot's last clock is already published for
 * reuse, so it must not tick past it. */
/* Alone (wt_many_threads), a thread's releases need no new epoch: every
 * thread made later starts from its clock and is ordered after all it
 * did, so one epoch tells its accesses apart from nobody's, and stays
 * the epoch its records were made in (a hit in the access fast path).
 * The creation of the second thread ticks. */
void wt_tick(wt_thread *t) {
  if (WT_UNLIKELY(t->state != WT_T_RUNNING)) return;
  if (WT_UNLIKELY(!atomic_load_explicit(&wt_many_threads, memory_order_relaxed))) return;
  uint64_t c = ++t->vc.clk[t->slot];
  if (WT_UNLIKELY(c > WT_MAX_CLOCK))
    wt_die("thread T%u made more than %llu releases: its clock overflowed", t->uid,
           (unsigned long long)WT_MAX_CLOCK);
  t->epoch = WT_EPOCH(c, t->slot);
}

void wt_release(wt_thread *t, wt_vc *dst) {
  wt_vc_join(dst, &t->vc);
  wt_tick(t);
}

void wt_release_store(wt_thread *t, wt_vc *dst) {
  wt_vc_copy(dst, &t->vc);
  wt_tick(t);
}
