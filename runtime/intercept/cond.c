/* Interceptors of pthread condition variables: signal and broadcast
 * release into the condition, a wait gives the mutex up, takes it back
 * and acquires from the condition (see WT_COND_WAIT).  Misuse checks
 * (waiting without the mutex) belong in sync.c, not here.
 *
 * glibc has two ABIs of every pthread_cond_* function: GLIBC_2.2.5 for
 * the old, smaller pthread_cond_t and GLIBC_2.3.2 for the current one.
 * User code is compiled against the current one, so that is the one to
 * call; which of the two an unversioned lookup finds has differed
 * between glibc releases, so the version is named.  clockwait only ever
 * had the current layout and first appeared in GLIBC_2.30. */
#include "intercept_sync.h"

#define COND_ABI "GLIBC_2.3.2"

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a) {
  WT_REAL_DECL_V(int, pthread_cond_init,
                 (pthread_cond_t *, const pthread_condattr_t *), COND_ABI);
  wt_thread *t = wt_enter();
  wt_i_forget(t, c, WT_PC());
  return WT_REAL(pthread_cond_init)(c, a);
}

int pthread_cond_destroy(pthread_cond_t *c) {
  WT_REAL_DECL_V(int, pthread_cond_destroy, (pthread_cond_t *), COND_ABI);
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  if (wt_i_cond_destroy(t, c, WT_PC())) return EBUSY;
  wt_i_forget(t, c, WT_PC());
  int r = WT_REAL(pthread_cond_destroy)(c);
  if (r == 0 && !wt_i_skip(t, WT_PC())) wt_misuse_mark_destroyed(t, c, WT_COND_MARK_WORD, WT_PC());
  return r;
}

/* Release before waking anyone: the woken thread acquires as soon as its
 * wait returns.  A signal that wakes nobody still leaves its clock in the
 * condition, so a later waiter is ordered after it; waiters recheck a
 * predicate under the mutex anyway, which the mutex already orders. */
int pthread_cond_signal(pthread_cond_t *c) {
  WT_REAL_DECL_V(int, pthread_cond_signal, (pthread_cond_t *), COND_ABI);
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  wt_i_release(t, c, WT_SYNC_COND, WT_PC());
  wt_i_cond_wake(t, c, false, WT_PC());
  return WT_REAL(pthread_cond_signal)(c);
}

int pthread_cond_broadcast(pthread_cond_t *c) {
  WT_REAL_DECL_V(int, pthread_cond_broadcast, (pthread_cond_t *), COND_ABI);
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  wt_i_release(t, c, WT_SYNC_COND, WT_PC());
  wt_i_cond_wake(t, c, true, WT_PC());
  return WT_REAL(pthread_cond_broadcast)(c);
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m) {
  WT_REAL_DECL_V(int, pthread_cond_wait, (pthread_cond_t *, pthread_mutex_t *),
                 COND_ABI);
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  int r;
  WT_COND_WAIT(r, t, c, m, WT_PC(), true, WT_REAL(pthread_cond_wait)(c, m));
  return r;
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                           const struct timespec *ts) {
  WT_REAL_DECL_V(int, pthread_cond_timedwait,
                 (pthread_cond_t *, pthread_mutex_t *, const struct timespec *),
                 COND_ABI);
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  wt_misuse_timeout(t, c, WT_SYNC_COND, ts, WT_PC());
  int r;
  WT_COND_WAIT(r, t, c, m, WT_PC(), false, WT_REAL(pthread_cond_timedwait)(c, m, ts));
  return r;
}

int pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m, clockid_t ck,
                           const struct timespec *ts) {
  WT_REAL_DECL_V(int, pthread_cond_clockwait,
                 (pthread_cond_t *, pthread_mutex_t *, clockid_t,
                  const struct timespec *),
                 "GLIBC_2.30");
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return EINVAL;
  wt_misuse_timeout(t, c, WT_SYNC_COND, ts, WT_PC());
  int r;
  WT_COND_WAIT(r, t, c, m, WT_PC(), false,
               WT_REAL(pthread_cond_clockwait)(c, m, ck, ts));
  return r;
}
