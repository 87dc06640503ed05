/* Interceptors of pthread barriers: every arriving thread releases into
 * the barrier and every leaving thread acquires from it, so all work
 * before a cycle happens before all work after it.  The barrier keeps one
 * clock for all its cycles: a thread that leaves late may also acquire
 * what a faster one released on arriving at the next cycle, which hides
 * races within a cycle (docs/interceptors.md says when, and the fix).
 * misuse.c counts the threads of the current round, so that destroying
 * a barrier they are blocked in is reported (and refused with EBUSY). */
#include "intercept_sync.h"

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a,
                         unsigned count) {
  WT_REAL_DECL(int, pthread_barrier_init,
               (pthread_barrier_t *, const pthread_barrierattr_t *, unsigned));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC())) {
    int e = errno;
    bool busy = wt_misuse_barrier_reinit(t, b, WT_PC());
    errno = e;
    if (busy) return EBUSY;
  }
  wt_i_forget(t, b, WT_PC());
  int r = WT_REAL(pthread_barrier_init)(b, a, count);
  if (r == 0 && !wt_i_skip(t, WT_PC())) {
    wt_misuse_barrier_init(b, count);
    /* Numbered from here, so reports name it and show this stack. */
    wt_sync_get(t, (uintptr_t)b, WT_SYNC_BARRIER, WT_PC());
  }
  return r;
}

int pthread_barrier_destroy(pthread_barrier_t *b) {
  WT_REAL_DECL(int, pthread_barrier_destroy, (pthread_barrier_t *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC())) {
    int e = errno;
    bool busy = wt_misuse_barrier_destroy(t, b, WT_PC());
    errno = e;
    if (busy) return EBUSY;
    if (wt_misuse_dead(t, b, 3, WT_SYNC_BARRIER, WT_PC())) return EINVAL;
  }
  wt_i_forget(t, b, WT_PC());
  int r = WT_REAL(pthread_barrier_destroy)(b);
  if (r == 0 && !wt_i_skip(t, WT_PC())) wt_misuse_mark_destroyed(t, b, 3, WT_PC());
  return r;
}

/* Release before blocking: the last thread to arrive frees the others
 * inside the real call, and they must find every clock already there. */
int pthread_barrier_wait(pthread_barrier_t *b) {
  WT_REAL_DECL(int, pthread_barrier_wait, (pthread_barrier_t *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC()) && wt_misuse_dead(t, b, 3, WT_SYNC_BARRIER, WT_PC())) return EINVAL;
  wt_i_release(t, b, WT_SYNC_BARRIER, WT_PC());
  if (!wt_i_skip(t, WT_PC())) wt_misuse_barrier_arrive(b);
  /* glibc's fourth word is FUTEX_SHARED (128) for a process-shared one:
   * only a private barrier's wait is noted for the watchdog. */
  bool noted = !wt_i_skip(t, WT_PC()) && ((const volatile unsigned *)b)[3] == 0 &&
               wt_wait_begin(t, WT_WAIT_BARRIER, (uintptr_t)b, false, WT_PC());
  int r = WT_REAL(pthread_barrier_wait)(b);
  if (noted) wt_wait_end(t);
  if (r == 0 || r == PTHREAD_BARRIER_SERIAL_THREAD)
    wt_i_acquire(t, b, WT_SYNC_BARRIER, WT_PC());
  return r;
}
