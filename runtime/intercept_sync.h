/* Shared by the synchronization interceptors (intercept_mutex.c,
 * intercept_rwlock.c, intercept_cond.c, intercept_barrier.c,
 * intercept_sem.c, intercept_once.c, intercept_c11.c): the sync.c calls
 * they make, wrapped so the user's errno survives them, and the
 * condition-wait bracket that also holds when the thread is cancelled.
 * What an edge means lives in sync.c; misuse checks (unlocking a mutex
 * not held, destroying a locked one) belong there too, not here. */
#ifndef WEFT_INTERCEPT_SYNC_H
#define WEFT_INTERCEPT_SYNC_H

#include "intercept.h"
#include <errno.h>
#include <pthread.h>

/* Locks taken by the runtime's own helpers (libunwind) are skipped: they
 * would order every thread that unwinds and hide real races.
 * The bookkeeping may unwind the stack, and the unwinder probes memory
 * with system calls that set errno; the caller must see errno exactly as
 * the real function (or its own code, before the call) left it. */
WT_INLINE void wt_i_lock(wt_thread *t, const volatile void *a, int kind,
                         bool write, bool try_, uintptr_t pc) {
  if (WT_UNLIKELY(t->in_rt)) return;
  int e = errno;
  wt_lock_post(t, (uintptr_t)a, kind, write, try_, pc);
  errno = e;
}
WT_INLINE void wt_i_unlock(wt_thread *t, const volatile void *a, int kind,
                           uintptr_t pc) {
  if (WT_UNLIKELY(t->in_rt)) return;
  int e = errno;
  wt_unlock_pre(t, (uintptr_t)a, kind, pc);
  errno = e;
}
WT_INLINE void wt_i_acquire(wt_thread *t, const volatile void *a, int kind,
                            uintptr_t pc) {
  if (WT_UNLIKELY(t->in_rt)) return;
  int e = errno;
  wt_hb_acquire(t, (uintptr_t)a, kind, pc);
  errno = e;
}
WT_INLINE void wt_i_release(wt_thread *t, const volatile void *a, int kind,
                            uintptr_t pc) {
  if (WT_UNLIKELY(t->in_rt)) return;
  int e = errno;
  wt_hb_release(t, (uintptr_t)a, kind, pc);
  errno = e;
}
/* init and destroy alike: whatever lives at a next is a new object. */
WT_INLINE void wt_i_forget(wt_thread *t, const volatile void *a) {
  if (WT_UNLIKELY(t->in_rt)) return;
  int e = errno;
  wt_sync_destroy(t, (uintptr_t)a);
  errno = e;
}

/* An acquisition: the real call, then the lock is held when `ok` (an
 * expression of the result r) says so.  Timed and try variants differ
 * from the plain one only in parameters, `try_` and `ok`. */
#define WT_LOCK_INTERCEPTOR(name, params, args, obj, kind, write, try_, ok)  \
  int name params {                                                          \
    WT_REAL_DECL(int, name, params);                                         \
    wt_thread *t = wt_enter();                                               \
    int r = WT_REAL(name) args;                                              \
    if (ok) wt_i_lock(t, (obj), (kind), (write), (try_), WT_PC());           \
    return r;                                                                \
  }

/* A condition wait gives the mutex up inside and holds it again when it
 * returns, whatever the result.  It is also a cancellation point: a
 * thread cancelled in it holds the mutex again before its cleanup
 * handlers run, and those usually unlock it, so the re-acquisition must
 * be recorded on that path too or the unlock would look like misuse.
 * `call` is the real wait; `mx` the mutex (pthread_mutex_t or mtx_t,
 * both kept as WT_SYNC_MUTEX).  Leaves the result in `res`. */
typedef struct wt_cond_wait {
  wt_thread *t;
  const volatile void *mtx;
  uintptr_t pc;
} wt_cond_wait;

static inline void wt_cond_wait_cancelled(void *arg) {
  wt_cond_wait *w = arg;
  wt_i_lock(w->t, w->mtx, WT_SYNC_MUTEX, true, false, w->pc);
}

#define WT_COND_WAIT(res, thr, cv, mx, where, call)                          \
  do {                                                                        \
    wt_cond_wait w_ = {.t = (thr), .mtx = (mx), .pc = (where)};               \
    wt_i_unlock(w_.t, w_.mtx, WT_SYNC_MUTEX, w_.pc);                          \
    pthread_cleanup_push(wt_cond_wait_cancelled, &w_);                        \
    (res) = (call);                                                           \
    pthread_cleanup_pop(0);                                                   \
    wt_i_lock(w_.t, w_.mtx, WT_SYNC_MUTEX, true, false, w_.pc);               \
    wt_i_acquire(w_.t, (cv), WT_SYNC_COND, w_.pc);                            \
  } while (0)

#endif
