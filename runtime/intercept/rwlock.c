/* Interceptors of pthread read-write locks: read acquisitions are shared
 * (write=false), write acquisitions exclusive; one unlock serves both,
 * sync.c knows which of the two the thread holds.  No misuse checks here:
 * they live in misuse.c. */
#include "intercept_sync.h"

int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *a) {
  WT_REAL_DECL(int, pthread_rwlock_init,
               (pthread_rwlock_t *, const pthread_rwlockattr_t *));
  wt_thread *t = wt_enter();
  wt_misuse_reinit(t, l, WT_SYNC_RWLOCK, WT_PC());
  wt_i_forget(t, l, WT_PC());
  return WT_REAL(pthread_rwlock_init)(l, a);
}

int pthread_rwlock_destroy(pthread_rwlock_t *l) {
  WT_REAL_DECL(int, pthread_rwlock_destroy, (pthread_rwlock_t *));
  wt_thread *t = wt_enter();
  WT_LOCK_DESTROY(t, l, WT_SYNC_RWLOCK, WT_PC(), WT_REAL(pthread_rwlock_destroy)(l));
}

#define RW WT_SYNC_RWLOCK

WT_LOCK_INTERCEPTOR(pthread_rwlock_rdlock, (pthread_rwlock_t *l), (l), l,
                    RW, false, WT_LOCK_BLOCK, r == 0)
WT_LOCK_INTERCEPTOR(pthread_rwlock_tryrdlock, (pthread_rwlock_t *l), (l), l,
                    RW, false, WT_LOCK_TRY, r == 0)
WT_TIMED_LOCK_INTERCEPTOR(pthread_rwlock_timedrdlock,
                    (pthread_rwlock_t *l, const struct timespec *ts), (l, ts),
                    l, RW, false, r == 0)
WT_TIMED_LOCK_INTERCEPTOR(
    pthread_rwlock_clockrdlock,
    (pthread_rwlock_t *l, clockid_t c, const struct timespec *ts), (l, c, ts),
    l, RW, false, r == 0)

WT_LOCK_INTERCEPTOR(pthread_rwlock_wrlock, (pthread_rwlock_t *l), (l), l,
                    RW, true, WT_LOCK_BLOCK, r == 0)
WT_LOCK_INTERCEPTOR(pthread_rwlock_trywrlock, (pthread_rwlock_t *l), (l), l,
                    RW, true, WT_LOCK_TRY, r == 0)
WT_TIMED_LOCK_INTERCEPTOR(pthread_rwlock_timedwrlock,
                    (pthread_rwlock_t *l, const struct timespec *ts), (l, ts),
                    l, RW, true, r == 0)
WT_TIMED_LOCK_INTERCEPTOR(
    pthread_rwlock_clockwrlock,
    (pthread_rwlock_t *l, clockid_t c, const struct timespec *ts), (l, c, ts),
    l, RW, true, r == 0)

/* Before the real unlock, as for mutexes: a waiting writer may run the
 * moment it returns. */
int pthread_rwlock_unlock(pthread_rwlock_t *l) {
  WT_REAL_DECL(int, pthread_rwlock_unlock, (pthread_rwlock_t *));
  wt_thread *t = wt_enter();
  wt_i_unlock(t, l, RW, WT_PC());
  return WT_REAL(pthread_rwlock_unlock)(l);
}
