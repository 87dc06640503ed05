/* Interceptors of pthread mutexes and spin locks: each acquisition that
 * succeeded becomes wt_lock_post, each release is preceded by
 * wt_unlock_pre, init and destroy start a new object.  The steps around
 * each call are intercept_sync.h's; the edges live in sync.c and
 * lockgraph.c, the misuse checks in misuse.c, not here. */
#include "intercept_sync.h"

/* A robust mutex whose owner died is acquired all the same. */
#define MUTEX_HELD(r) ((r) == 0 || (r) == EOWNERDEAD)

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a) {
  WT_REAL_DECL(int, pthread_mutex_init,
               (pthread_mutex_t *, const pthread_mutexattr_t *));
  wt_thread *t = wt_enter();
  wt_misuse_reinit(t, m, WT_SYNC_MUTEX, WT_PC());
  wt_i_forget(t, m, WT_PC());
  return WT_REAL(pthread_mutex_init)(m, a);
}

int pthread_mutex_destroy(pthread_mutex_t *m) {
  WT_REAL_DECL(int, pthread_mutex_destroy, (pthread_mutex_t *));
  wt_thread *t = wt_enter();
  WT_LOCK_DESTROY(t, m, WT_SYNC_MUTEX, WT_PC(), WT_REAL(pthread_mutex_destroy)(m));
}

WT_LOCK_INTERCEPTOR(pthread_mutex_lock, (pthread_mutex_t *m), (m), m,
                    WT_SYNC_MUTEX, true, WT_LOCK_BLOCK, MUTEX_HELD(r))
WT_LOCK_INTERCEPTOR(pthread_mutex_trylock, (pthread_mutex_t *m), (m), m,
                    WT_SYNC_MUTEX, true, WT_LOCK_TRY, MUTEX_HELD(r))
WT_TIMED_LOCK_INTERCEPTOR(pthread_mutex_timedlock,
                    (pthread_mutex_t *m, const struct timespec *ts), (m, ts),
                    m, WT_SYNC_MUTEX, true, MUTEX_HELD(r))
WT_TIMED_LOCK_INTERCEPTOR(
    pthread_mutex_clocklock,
    (pthread_mutex_t *m, clockid_t c, const struct timespec *ts), (m, c, ts),
    m, WT_SYNC_MUTEX, true, MUTEX_HELD(r))

/* Before the real unlock: once it is released another thread may take it
 * and must find this thread's clock already there. */
int pthread_mutex_unlock(pthread_mutex_t *m) {
  WT_REAL_DECL(int, pthread_mutex_unlock, (pthread_mutex_t *));
  wt_thread *t = wt_enter();
  wt_i_unlock(t, m, WT_SYNC_MUTEX, WT_PC());
  return WT_REAL(pthread_mutex_unlock)(m);
}

int pthread_spin_init(pthread_spinlock_t *s, int pshared) {
  WT_REAL_DECL(int, pthread_spin_init, (pthread_spinlock_t *, int));
  wt_thread *t = wt_enter();
  wt_i_forget(t, s, WT_PC());
  return WT_REAL(pthread_spin_init)(s, pshared);
}

int pthread_spin_destroy(pthread_spinlock_t *s) {
  WT_REAL_DECL(int, pthread_spin_destroy, (pthread_spinlock_t *));
  wt_thread *t = wt_enter();
  wt_i_forget(t, s, WT_PC());
  return WT_REAL(pthread_spin_destroy)(s);
}

WT_LOCK_INTERCEPTOR(pthread_spin_lock, (pthread_spinlock_t *s), (s), s,
                    WT_SYNC_SPIN, true, WT_LOCK_BLOCK, r == 0)
WT_LOCK_INTERCEPTOR(pthread_spin_trylock, (pthread_spinlock_t *s), (s), s,
                    WT_SYNC_SPIN, true, WT_LOCK_TRY, r == 0)

int pthread_spin_unlock(pthread_spinlock_t *s) {
  WT_REAL_DECL(int, pthread_spin_unlock, (pthread_spinlock_t *));
  wt_thread *t = wt_enter();
  wt_i_unlock(t, s, WT_SYNC_SPIN, WT_PC());
  return WT_REAL(pthread_spin_unlock)(s);
}
