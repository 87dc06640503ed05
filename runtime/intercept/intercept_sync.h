/* Shared by the synchronization interceptors (intercept/mutex.c,
 * intercept/rwlock.c, intercept/cond.c, intercept/barrier.c,
 * intercept/sem.c, intercept/once.c, intercept/c11.c): the sync.c calls
 * they make, wrapped so the user's errno survives them, and the
 * condition-wait bracket that also holds when the thread is cancelled,
 * and the order of the steps around a lock: misuse checks, the wait the
 * deadlock watchdog sees, the real call, the bookkeeping.  What an edge
 * means lives in sync.c, what is misuse in misuse.c. */
#ifndef WEFT_INTERCEPT_SYNC_H
#define WEFT_INTERCEPT_SYNC_H

#include "intercept.h"
#include <errno.h>
#include <threads.h> /* thrd_timedout: cnd_timedwait shares WT_COND_WAIT */
#include <pthread.h>

/* A pthread_mutex_t (or mtx_t) that is not a mutex: destroyed (glibc
 * sets its type word to -1) or never initialized (bits no initialization
 * sets).  misuse.c says why this is sound. */
#define WT_MUTEX_KIND_VALID (3 | 16 | 32 | 64 | 128 | 256 | 512)
WT_INLINE bool wt_mutex_bad(const volatile void *m) {
  return (((const volatile pthread_mutex_t *)m)->__data.__kind & ~WT_MUTEX_KIND_VALID) != 0;
}

/* The object as memory: init and destroy write its first byte; a lock,
 * an unlock and every release (post, signal, a barrier's arrival) read
 * it atomically, so uses never race with each other but race with an
 * init or destroy that nothing orders them with.  One byte, as
 * ThreadSanitizer does: it is the object's address that names it.  What
 * a thread does after its wait returns is not a use: POSIX lets another
 * thread destroy a barrier once its own wait has returned, and a
 * semaphore once it posted the unit its last waiter took. */
WT_INLINE void wt_i_touch(wt_thread *t, const volatile void *a, bool write, uintptr_t pc) {
  wt_access_range(t, (uintptr_t)a, 1, write, !write, pc);
}

/* Locks taken by the runtime's own helpers (libunwind) are skipped: they
 * would order every thread that unwinds and hide real races.
 * The bookkeeping may unwind the stack, and the unwinder probes memory
 * with system calls that set errno; the caller must see errno exactly as
 * the real function (or its own code, before the call) left it. */
WT_INLINE void wt_i_lock(wt_thread *t, const volatile void *a, int kind,
                         bool write, bool try_, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_i_touch(t, a, false, pc);
  wt_lock_post(t, (uintptr_t)a, kind, write, try_, pc);
  errno = e;
}
/* check: report an unlock of a lock not held (false when the caller has
 * reported the same mistake already). */
WT_INLINE void wt_i_unlock_checked(wt_thread *t, const volatile void *a, int kind,
                                   uintptr_t pc, bool check) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_i_touch(t, a, false, pc);
  if (kind == WT_SYNC_MUTEX && WT_UNLIKELY(wt_mutex_bad(a))) {
    if (check) wt_misuse_mutex_bad(t, a, pc);
  } else {
    uint32_t owner;
    int state = wt_unlock_pre(t, (uintptr_t)a, kind, pc, &owner);
    if (WT_UNLIKELY(state != WT_HELD_BY_ME && state != WT_HELD_STALE) && check)
      wt_misuse_unlock(t, a, kind, state, owner, pc);
  }
  errno = e;
}
WT_INLINE void wt_i_unlock(wt_thread *t, const volatile void *a, int kind,
                           uintptr_t pc) {
  wt_i_unlock_checked(t, a, kind, pc, true);
}
WT_INLINE void wt_i_acquire(wt_thread *t, const volatile void *a, int kind,
                            uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_hb_acquire(t, (uintptr_t)a, kind, pc);
  errno = e;
}
WT_INLINE void wt_i_release(wt_thread *t, const volatile void *a, int kind,
                            uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_i_touch(t, a, false, pc);
  wt_hb_release(t, (uintptr_t)a, kind, pc);
  errno = e;
}
/* init and destroy alike: whatever lives at a next is a new object. */
WT_INLINE void wt_i_forget(wt_thread *t, const volatile void *a, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_i_touch(t, a, true, pc);
  wt_sync_destroy(t, (uintptr_t)a);
  errno = e;
}

/* Destroying a lock: a held one is reported and, if the real call fails
 * (a locked mutex gives EBUSY), stays what it was. */
#define WT_LOCK_DESTROY(t, obj, kind, pc, call)                              \
  do {                                                                        \
    if (!wt_i_skip((t), (pc)) && (kind) == WT_SYNC_MUTEX &&               \
        WT_UNLIKELY(wt_mutex_bad(obj))) {                                     \
      int e_ = errno;                                                         \
      wt_misuse_mutex_bad((t), (obj), (pc));                                  \
      errno = e_;                                                             \
      return (call);                                                          \
    }                                                                         \
    int e_ = errno;                                                           \
    bool held_ = !wt_i_skip((t), (pc)) && wt_misuse_destroy((t), (obj), (kind), (pc));  \
    errno = e_;                                                               \
    if (!held_) {                                                             \
      wt_i_forget((t), (obj), (pc));                                          \
      return (call);                                                          \
    }                                                                         \
    int r_ = (call);                                                          \
    if (r_ == 0) wt_i_forget((t), (obj), (pc));                               \
    return r_;                                                                \
  } while (0)

/* How an acquisition may wait: blocking calls can wait forever (the
 * deadlock watchdog sees them); timed ones cannot, but still order locks;
 * trylocks neither wait nor order. */
enum { WT_LOCK_BLOCK, WT_LOCK_TIMED, WT_LOCK_TRY };

/* Before the real acquisition.  0: leave this call alone (runtime code,
 * or a mutex that is not one: reported); 1: record it if it succeeds;
 * 2: the same, and the thread is now noted as waiting. */
WT_INLINE int wt_i_lock_pre(wt_thread *t, const volatile void *a, int kind, bool write,
                            int how, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return 0;
  if (kind == WT_SYNC_MUTEX && WT_UNLIKELY(wt_mutex_bad(a))) {
    int e = errno;
    wt_misuse_mutex_bad(t, a, pc);
    errno = e;
    return 0;
  }
  if (how != WT_LOCK_BLOCK) return 1;
  uint32_t reported = 0;
  bool again = false;
  for (uint32_t i = 0; i < t->nheld && !again; i++) again = t->held[i].sync->addr == (uintptr_t)a;
  if (WT_UNLIKELY(again)) {
    int e = errno;
    if (wt_misuse_relock(t, a, kind, write, pc)) {
      reported = WT_WAIT_REPORTED;
      wt_watchdog_start();
    }
    errno = e;
  }
  return wt_wait_begin(t, WT_WAIT_LOCK | reported, (uintptr_t)a, write, pc) ? 2 : 1;
}

/* An acquisition: the checks, the real call, then the lock is held when
 * `ok` (an expression of the result r) says so.  Timed and try variants
 * differ from the plain one only in parameters, `how` and `ok`. */
#define WT_LOCK_INTERCEPTOR(name, params, args, obj, kind, write, how, ok)    \
  WT_LOCK_INTERCEPTOR_PRE(name, params, args, obj, kind, write, how, ok, (void)0)
/* A timed one, whose timeout parameter is `ts`: an out-of-range tv_nsec
 * is misuse (wt_misuse_timeout). */
#define WT_TIMED_LOCK_INTERCEPTOR(name, params, args, obj, kind, write, ok)   \
  WT_LOCK_INTERCEPTOR_PRE(name, params, args, obj, kind, write, WT_LOCK_TIMED, ok, \
                          wt_misuse_timeout(t, (obj), (kind), ts, WT_PC()))
#define WT_LOCK_INTERCEPTOR_PRE(name, params, args, obj, kind, write, how, ok, pre) \
  int name params {                                                          \
    WT_REAL_DECL(int, name, params);                                         \
    wt_thread *t = wt_enter();                                               \
    pre;                                                                     \
    int st_ = wt_i_lock_pre(t, (obj), (kind), (write), (how), WT_PC());      \
    int r = WT_REAL(name) args;                                              \
    if (st_ == 2) wt_wait_end(t);                                            \
    if (st_ && (ok))                                                         \
      wt_i_lock(t, (obj), (kind), (write), (how) == WT_LOCK_TRY, WT_PC());   \
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
  const volatile void *mtx, *cv;
  uintptr_t pc;
  bool noted; /* a wait the watchdog sees (wt_wait_begin) */
} wt_cond_wait;

/* An untimed wait on a process-private condition variable (glibc keeps
 * the process-shared flag in bit 0 of __wrefs; cnd_t is the same object)
 * can only be ended by another thread here: noted for the watchdog. */
WT_INLINE bool wt_i_cond_note(wt_thread *t, const volatile void *cv, uintptr_t pc) {
  if (wt_i_skip(t, pc) || (((const volatile pthread_cond_t *)cv)->__data.__wrefs & 1)) return false;
  return wt_wait_begin(t, WT_WAIT_COND, (uintptr_t)cv, false, pc);
}

/* Misuse checks of the wait (mutex not held, a second mutex): false if
 * the mutex was reported as not held. */
WT_INLINE bool wt_i_cond_begin(wt_thread *t, const volatile void *cv,
                               const volatile void *mx, bool forever, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return true;
  int e = errno;
  bool ok = wt_misuse_cond_begin(t, cv, mx, forever, pc);
  errno = e;
  return ok;
}
WT_INLINE void wt_i_cond_end(wt_thread *t, const volatile void *cv, bool timedout,
                              uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_misuse_cond_end(t, cv, timedout);
  errno = e;
}
/* A condition variable pthread_cond_destroy or cnd_destroy destroyed,
 * marked in glibc's second group-size word (int 7: a count of waiters,
 * never near the mark), which init and PTHREAD_COND_INITIALIZER clear;
 * or one never initialized (garbage glibc could wait on for ever).
 * True (reported): the call must fail. */
#define WT_COND_MARK_WORD 7
WT_INLINE bool wt_i_cond_dead(wt_thread *t, const volatile void *cv, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return false;
  int e = errno;
  bool dead = wt_misuse_dead(t, cv, WT_COND_MARK_WORD, WT_SYNC_COND, pc) ||
              wt_misuse_cond_uninit(t, cv, pc);
  errno = e;
  return dead;
}
/* Before the real signal or broadcast (misuse.c counts woken waiters). */
WT_INLINE void wt_i_cond_wake(wt_thread *t, const volatile void *cv, bool all, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return;
  int e = errno;
  wt_misuse_cond_wake(t, cv, all, pc);
  errno = e;
}
/* Before the real destroy: true if it must not run (threads blocked). */
WT_INLINE bool wt_i_cond_destroy(wt_thread *t, const volatile void *cv, uintptr_t pc) {
  if (wt_i_skip(t, pc)) return false;
  int e = errno;
  bool busy = wt_misuse_cond_destroy(t, cv, pc);
  errno = e;
  return busy;
}

static inline void wt_cond_wait_cancelled(void *arg) {
  wt_cond_wait *w = arg;
  if (w->noted) wt_wait_end(w->t);
  wt_i_lock(w->t, w->mtx, WT_SYNC_MUTEX, true, false, w->pc);
  wt_i_cond_end(w->t, w->cv, true, w->pc);
}

/* forever: the call has no timeout. */
#define WT_COND_WAIT(res, thr, cvar, mx, where, forever, call)               \
  do {                                                                        \
    wt_cond_wait w_ = {.t = (thr), .mtx = (mx), .cv = (cvar), .pc = (where)}; \
    bool ok_ = wt_i_cond_begin(w_.t, w_.cv, w_.mtx, (forever), w_.pc);       \
    wt_i_unlock_checked(w_.t, w_.mtx, WT_SYNC_MUTEX, w_.pc, ok_);             \
    w_.noted = (forever) && wt_i_cond_note(w_.t, w_.cv, w_.pc);               \
    pthread_cleanup_push(wt_cond_wait_cancelled, &w_);                        \
    (res) = (call);                                                           \
    pthread_cleanup_pop(0);                                                   \
    if (w_.noted) wt_wait_end(w_.t);                                          \
    wt_i_lock(w_.t, w_.mtx, WT_SYNC_MUTEX, true, false, w_.pc);               \
    wt_i_acquire(w_.t, (cvar), WT_SYNC_COND, w_.pc);                          \
    wt_i_cond_end(w_.t, w_.cv, (res) == ETIMEDOUT || (res) == thrd_timedout, w_.pc); \
  } while (0)

#endif
