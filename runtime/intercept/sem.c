/* Interceptors of POSIX semaphores: a post releases into the semaphore, a
 * wait that took a unit acquires from it.  The semaphore keeps one clock
 * for all posts, so a waiter is ordered after every earlier post, not
 * only the one whose unit it took: counting units per post would cost a
 * clock per unit for little gain.  sem_init and sem_destroy start a new
 * object; named semaphores (sem_open/sem_close) need nothing more, they
 * are waited on and posted through the same calls.  misuse.c counts
 * waiters and units of the semaphores sem_init made, so that destroying
 * one with a thread blocked for good in it is reported (and refused with
 * EBUSY). */
#include "intercept_sync.h"
#include <semaphore.h>

int sem_init(sem_t *s, int pshared, unsigned value) {
  WT_REAL_DECL(int, sem_init, (sem_t *, int, unsigned));
  wt_thread *t = wt_enter();
  /* Threads blocked in it: reported, and left alone rather than made
   * unwakeable (EBUSY: the error barriers get for the same mistake). */
  if (!wt_i_skip(t, WT_PC()) && wt_misuse_sem_reinit(t, s, WT_PC())) {
    errno = EBUSY;
    return -1;
  }
  wt_i_forget(t, s, WT_PC());
  int r = WT_REAL(sem_init)(s, pshared, value);
  if (r == 0 && !wt_i_skip(t, WT_PC())) {
    wt_misuse_sem_init(s, value);
    /* Numbered from here, so reports name it and show this stack. */
    wt_sync_get(t, (uintptr_t)s, WT_SYNC_SEM, WT_PC());
  }
  return r;
}

int sem_destroy(sem_t *s) {
  WT_REAL_DECL(int, sem_destroy, (sem_t *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC())) {
    int e = errno;
    bool busy = wt_misuse_sem_destroy(t, s, WT_PC());
    errno = e;
    if (busy) {
      errno = EBUSY;
      return -1;
    }
  }
  if (!wt_i_skip(t, WT_PC()) && wt_misuse_dead(t, s, 2, WT_SYNC_SEM, WT_PC())) {
    errno = EINVAL;
    return -1;
  }
  wt_i_forget(t, s, WT_PC());
  int r = WT_REAL(sem_destroy)(s);
  if (r == 0 && !wt_i_skip(t, WT_PC())) wt_misuse_mark_destroyed(t, s, 2, WT_PC());
  return r;
}

/* Before the real post: a waiter may return the moment the count rises. */
int sem_post(sem_t *s) {
  WT_REAL_DECL(int, sem_post, (sem_t *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC()) && wt_misuse_dead(t, s, 2, WT_SYNC_SEM, WT_PC())) {
    errno = EINVAL;
    return -1;
  }
  wt_i_release(t, s, WT_SYNC_SEM, WT_PC());
  if (!wt_i_skip(t, WT_PC())) wt_misuse_sem_post(s);
  return WT_REAL(sem_post)(s);
}

/* glibc keeps FUTEX_SHARED (128) in the word after the count for a
 * semaphore other processes may post (pshared, or named by sem_open), 0
 * for a private one.  Only a wait on a private one, with no timeout, is
 * noted for the watchdog: nothing outside the process can end it (a
 * signal handler can, which the watchdog checks for). */
static bool sem_private(const sem_t *s) { return ((const volatile int *)s)[2] == 0; }

/* A wait that failed (EAGAIN, ETIMEDOUT, EINTR) took no unit and so
 * saw no post.  `waits`: the call may block (all but trywait); `forever`:
 * with no timeout. */
#define SEM_WAIT(name, params, args, waits, forever, timeout)                 \
  int name params {                                                           \
    WT_REAL_DECL(int, name, params);                                          \
    wt_thread *t = wt_enter();                                                \
    if (!wt_i_skip(t, WT_PC()) && wt_misuse_dead(t, s, 2, WT_SYNC_SEM, WT_PC())) { \
      errno = EINVAL;                                                         \
      return -1;                                                              \
    }                                                                         \
    wt_misuse_timeout(t, s, WT_SYNC_SEM, (timeout), WT_PC());                 \
    bool note = !wt_i_skip(t, WT_PC());                                       \
    if (note && (waits)) wt_misuse_sem_wait_begin(s);                         \
    bool noted = note && (forever) && sem_private(s) &&                       \
                 wt_wait_begin(t, WT_WAIT_SEM, (uintptr_t)s, false, WT_PC()); \
    int r = WT_REAL(name) args;                                               \
    if (noted) wt_wait_end(t);                                                \
    if (note) {                                                               \
      int e = errno;                                                          \
      if (waits) wt_misuse_sem_wait_end(s, r == 0);                           \
      else if (r == 0) wt_misuse_sem_took(s);                                 \
      errno = e;                                                              \
    }                                                                         \
    if (r == 0) wt_i_acquire(t, s, WT_SYNC_SEM, WT_PC());                     \
    return r;                                                                 \
  }

SEM_WAIT(sem_wait, (sem_t *s), (s), true, true, NULL)
SEM_WAIT(sem_trywait, (sem_t *s), (s), false, false, NULL)
SEM_WAIT(sem_timedwait, (sem_t *s, const struct timespec *ts), (s, ts), true, false, ts)
SEM_WAIT(sem_clockwait, (sem_t *s, clockid_t c, const struct timespec *ts),
         (s, c, ts), true, false, ts)
