/* Interceptors of the C11 <threads.h> mutexes and condition variables.
 * glibc implements them on its pthread functions but calls those
 * directly, not through the PLT, so the pthread interceptors never see
 * them.  An mtx_t is kept as a mutex (WT_SYNC_MUTEX) and a cnd_t as a
 * condition, with the same edges as their pthread counterparts.  thrd_*
 * are with the thread interceptors, call_once with pthread_once in
 * intercept/once.c. */
#include "intercept_sync.h"
#include <threads.h>

int mtx_init(mtx_t *m, int type) {
  WT_REAL_DECL(int, mtx_init, (mtx_t *, int));
  wt_thread *t = wt_enter();
  wt_misuse_reinit(t, m, WT_SYNC_MUTEX, WT_PC());
  wt_i_forget(t, m, WT_PC());
  return WT_REAL(mtx_init)(m, type);
}

/* As pthread_mutex_destroy, but glibc's mtx_destroy cannot fail, so a
 * held mutex is destroyed all the same. */
void mtx_destroy(mtx_t *m) {
  WT_REAL_DECL(void, mtx_destroy, (mtx_t *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC())) {
    int e = errno;
    if (wt_mutex_bad(m)) wt_misuse_mutex_bad(t, m, WT_PC());
    else wt_misuse_destroy(t, m, WT_SYNC_MUTEX, WT_PC());
    errno = e;
  }
  wt_i_forget(t, m, WT_PC());
  WT_REAL(mtx_destroy)(m);
}

WT_LOCK_INTERCEPTOR(mtx_lock, (mtx_t *m), (m), m, WT_SYNC_MUTEX, true, WT_LOCK_BLOCK,
                    r == thrd_success)
WT_LOCK_INTERCEPTOR(mtx_trylock, (mtx_t *m), (m), m, WT_SYNC_MUTEX, true, WT_LOCK_TRY,
                    r == thrd_success)
WT_TIMED_LOCK_INTERCEPTOR(mtx_timedlock, (mtx_t *m, const struct timespec *ts),
                    (m, ts), m, WT_SYNC_MUTEX, true, r == thrd_success)

int mtx_unlock(mtx_t *m) {
  WT_REAL_DECL(int, mtx_unlock, (mtx_t *));
  wt_thread *t = wt_enter();
  wt_i_unlock(t, m, WT_SYNC_MUTEX, WT_PC());
  return WT_REAL(mtx_unlock)(m);
}

int cnd_init(cnd_t *c) {
  WT_REAL_DECL(int, cnd_init, (cnd_t *));
  wt_thread *t = wt_enter();
  wt_i_forget(t, c, WT_PC());
  return WT_REAL(cnd_init)(c);
}

void cnd_destroy(cnd_t *c) {
  WT_REAL_DECL(void, cnd_destroy, (cnd_t *));
  wt_thread *t = wt_enter();
  /* glibc would wait for the blocked threads for ever: left undone. */
  if (wt_i_cond_dead(t, c, WT_PC())) return;
  if (wt_i_cond_destroy(t, c, WT_PC())) return;
  wt_i_forget(t, c, WT_PC());
  WT_REAL(cnd_destroy)(c);
  if (!wt_i_skip(t, WT_PC())) wt_misuse_mark_destroyed(t, c, WT_COND_MARK_WORD, WT_PC());
}

int cnd_signal(cnd_t *c) {
  WT_REAL_DECL(int, cnd_signal, (cnd_t *));
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return thrd_error;
  wt_i_release(t, c, WT_SYNC_COND, WT_PC());
  wt_i_cond_wake(t, c, false, WT_PC());
  return WT_REAL(cnd_signal)(c);
}

int cnd_broadcast(cnd_t *c) {
  WT_REAL_DECL(int, cnd_broadcast, (cnd_t *));
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return thrd_error;
  wt_i_release(t, c, WT_SYNC_COND, WT_PC());
  wt_i_cond_wake(t, c, true, WT_PC());
  return WT_REAL(cnd_broadcast)(c);
}

int cnd_wait(cnd_t *c, mtx_t *m) {
  WT_REAL_DECL(int, cnd_wait, (cnd_t *, mtx_t *));
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return thrd_error;
  int r;
  WT_COND_WAIT(r, t, c, m, WT_PC(), true, WT_REAL(cnd_wait)(c, m));
  return r;
}

int cnd_timedwait(cnd_t *c, mtx_t *m, const struct timespec *ts) {
  WT_REAL_DECL(int, cnd_timedwait, (cnd_t *, mtx_t *, const struct timespec *));
  wt_thread *t = wt_enter();
  if (wt_i_cond_dead(t, c, WT_PC())) return thrd_error;
  wt_misuse_timeout(t, c, WT_SYNC_COND, ts, WT_PC());
  int r;
  WT_COND_WAIT(r, t, c, m, WT_PC(), false, WT_REAL(cnd_timedwait)(c, m, ts));
  return r;
}
