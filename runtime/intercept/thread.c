/* Thread lifetime interceptors: pthread_create/join/detach/exit, their
 * C11 <threads.h> twins (glibc calls its internal pthread functions from
 * them, past any interposition), and fork.
 *
 * The child runs a wt_thread_trampoline that installs its state before the user's
 * start routine and ends it after, so creation and join order threads
 * exactly as the program does.  Joins are noted for the deadlock
 * watchdog, and checked (misuse.c) before the real call, which on a
 * detached or already joined thread could crash or never return. */
#include "intercept.h"

#include <errno.h>
#include <pthread.h>
#include <threads.h>
#include <unistd.h>

typedef struct start {
  void *(*fn)(void *);
  int (*c11_fn)(void *);
  void *arg;
  wt_thread *child;
} start;

static void *wt_thread_trampoline(void *p) {
  start s = *(start *)p;
  wt_free(p, sizeof s);
  wt_thread_start(s.child);
  void *ret;
  if (s.c11_fn) ret = (void *)(intptr_t)s.c11_fn(s.arg);
  else ret = s.fn(s.arg);
  /* It returned from its start routine: that routine is where. */
  uintptr_t fn = s.c11_fn ? (uintptr_t)s.c11_fn : (uintptr_t)s.fn;
  wt_thread_exiting(s.child, fn, wt_ctx_intern(0, fn + 1, 0));
  return ret;
}

static start *prepare(wt_thread *t, uintptr_t pc, void *(*fn)(void *), int (*c11_fn)(void *),
                      void *arg) {
  start *s = wt_alloc(sizeof *s);
  s->fn = fn;
  s->c11_fn = c11_fn;
  s->arg = arg;
  s->child = wt_thread_create_begin(t, wt_ctx_unwind(t, pc));
  wt_lockgraph_created(t, s->child->uid);
  wt_watchdog_start();
  return s;
}

int pthread_create(pthread_t *th, const pthread_attr_t *attr, void *(*fn)(void *), void *arg) {
  WT_REAL_DECL(int, pthread_create,
               (pthread_t *, const pthread_attr_t *, void *(*)(void *), void *));
  wt_thread *t = wt_enter();
  start *s = prepare(t, WT_PC(), fn, 0, arg);
  wt_thread *child = s->child;
  int r = WT_REAL(pthread_create)(th, attr, wt_thread_trampoline, s);
  if (r != 0) {
    wt_free(s, sizeof *s);
    wt_thread_create_failed(child);
  } else {
    wt_thread_set_pthread(child, (uintptr_t)*th);
    int detached = PTHREAD_CREATE_JOINABLE;
    if (attr) pthread_attr_getdetachstate(attr, &detached);
    wt_misuse_thread_created(t, (uintptr_t)*th, child->uid,
                             detached == PTHREAD_CREATE_DETACHED, WT_PC());
  }
  return r;
}

/* Before a join: 0 to go on, or the error to return without joining. */
static int before_join(wt_thread *t, pthread_t th, uintptr_t pc) {
  if (t->in_rt) return 0;
  int e = errno;
  int bad = wt_misuse_join(t, (uintptr_t)th, pc);
  errno = e;
  return bad;
}

static void after_join(wt_thread *t, pthread_t th, uintptr_t pc) {
  wt_thread *child = wt_thread_by_pthread((uintptr_t)th);
  uint32_t uid = child ? child->uid : ~0u;
  if (child) {
    wt_thread_joined(t, child);
    wt_lockgraph_joined(t, uid);
  }
  int e = errno;
  wt_misuse_thread_joined(t, (uintptr_t)th, uid, pc);
  errno = e;
}

/* A join that may wait forever, noted for the deadlock watchdog. */
static int blocking_join(wt_thread *t, pthread_t th, void **ret, uintptr_t pc) {
  WT_REAL_DECL(int, pthread_join, (pthread_t, void **));
  int bad = before_join(t, th, pc);
  if (bad) return bad;
  wt_thread *child = t->in_rt ? 0 : wt_thread_by_pthread((uintptr_t)th);
  bool noted = child && wt_wait_begin(t, WT_WAIT_JOIN, child->uid, false, pc);
  /* glibc frees the joined thread's resources inside the join (a cached
   * stack's TLS vector, written by the thread that made it), before the
   * join's edge exists: its own bookkeeping, not the program's accesses. */
  t->ignore++;
  int r = WT_REAL(pthread_join)(th, ret);
  t->ignore--;
  if (noted) wt_wait_end(t);
  if (r == 0) after_join(t, th, pc);
  return r;
}

int pthread_join(pthread_t th, void **ret) {
  return blocking_join(wt_enter(), th, ret, WT_PC());
}

int pthread_tryjoin_np(pthread_t th, void **ret) {
  WT_REAL_DECL(int, pthread_tryjoin_np, (pthread_t, void **));
  wt_thread *t = wt_enter();
  int bad = before_join(t, th, WT_PC());
  if (bad) return bad;
  t->ignore++;
  int r = WT_REAL(pthread_tryjoin_np)(th, ret);
  t->ignore--;
  if (r == 0) after_join(t, th, WT_PC());
  return r;
}

int pthread_timedjoin_np(pthread_t th, void **ret, const struct timespec *abstime) {
  WT_REAL_DECL(int, pthread_timedjoin_np, (pthread_t, void **, const struct timespec *));
  wt_thread *t = wt_enter();
  int bad = before_join(t, th, WT_PC());
  if (bad) return bad;
  t->ignore++;
  int r = WT_REAL(pthread_timedjoin_np)(th, ret, abstime);
  t->ignore--;
  if (r == 0) after_join(t, th, WT_PC());
  return r;
}

int pthread_detach(pthread_t th) {
  WT_REAL_DECL(int, pthread_detach, (pthread_t));
  wt_thread *t = wt_enter();
  if (!t->in_rt) {
    int e = errno;
    int bad = wt_misuse_detach(t, (uintptr_t)th, WT_PC());
    errno = e;
    if (bad) return bad;
  }
  wt_thread *child = wt_thread_by_pthread((uintptr_t)th);
  uint32_t uid = child ? child->uid : ~0u;
  int r = WT_REAL(pthread_detach)(th);
  if (r == 0 && child) wt_thread_detached(child);
  if (r == 0 && !t->in_rt) {
    int e = errno;
    wt_misuse_thread_detached(t, (uintptr_t)th, uid, WT_PC());
    errno = e;
  }
  return r;
}

void pthread_exit(void *ret) {
  WT_REAL_DECL(void, pthread_exit, (void *));
  wt_thread *t = wt_enter();
  wt_thread_exiting(t, WT_PC(), wt_ctx_current(t, WT_PC()));
  WT_REAL(pthread_exit)(ret);
  __builtin_unreachable();
}

/* Noted in the target, so locks it still holds when it ends are shown
 * with the cancel that ended it. */
int pthread_cancel(pthread_t th) {
  WT_REAL_DECL(int, pthread_cancel, (pthread_t));
  wt_thread *t = wt_enter();
  wt_thread *target = t->in_rt ? 0 : wt_thread_by_pthread((uintptr_t)th);
  if (target) wt_thread_cancelled_by(target, t, wt_ctx_current(t, WT_PC()));
  return WT_REAL(pthread_cancel)(th);
}

/* ---- C11 threads -------------------------------------------------------- */
int thrd_create(thrd_t *th, thrd_start_t fn, void *arg) {
  WT_REAL_DECL(int, pthread_create,
               (pthread_t *, const pthread_attr_t *, void *(*)(void *), void *));
  wt_thread *t = wt_enter();
  start *s = prepare(t, WT_PC(), 0, fn, arg);
  wt_thread *child = s->child;
  int r = WT_REAL(pthread_create)((pthread_t *)th, 0, wt_thread_trampoline, s);
  if (r != 0) {
    wt_free(s, sizeof *s);
    wt_thread_create_failed(child);
    return r == ENOMEM ? thrd_nomem : thrd_error;
  }
  wt_thread_set_pthread(child, (uintptr_t)*th);
  wt_misuse_thread_created(t, (uintptr_t)*th, child->uid, false, WT_PC());
  return thrd_success;
}

int thrd_join(thrd_t th, int *res) {
  void *ret;
  if (blocking_join(wt_enter(), (pthread_t)th, &ret, WT_PC()) != 0) return thrd_error;
  if (res) *res = (int)(intptr_t)ret;
  return thrd_success;
}

int thrd_detach(thrd_t th) { return pthread_detach((pthread_t)th) == 0 ? thrd_success : thrd_error; }

void thrd_exit(int res) { pthread_exit((void *)(intptr_t)res); }

/* ---- fork ------------------------------------------------------------------
 * Every runtime lock is taken around fork(2), so the child never inherits
 * one held by a thread that does not exist there.  This is a
 * pthread_atfork handler registered when the runtime starts: prepare
 * handlers run in reverse order of registration, so ours runs last, after
 * the program's own (which may lock mutexes or allocate through weft);
 * the parent and child handlers run in order, so ours runs first.  The
 * order of the locks is one no other path nests the other way; all of
 * them may allocate, so the allocator comes last. */
static void fork_prepare(void) {
  wt_thread_fork_lock(true);
  wt_sync_fork_lock(true);
  wt_heap_fork_lock(true);
  wt_shadow_fork_lock(true);
  wt_lockgraph_fork_lock(true);
  wt_misuse_fork_lock(true);
  wt_quarantine_fork_lock(true);
  wt_alloc_fork_lock(true);
}

static void fork_parent(void) {
  wt_alloc_fork_lock(false);
  wt_quarantine_fork_lock(false);
  wt_misuse_fork_lock(false);
  wt_lockgraph_fork_lock(false);
  wt_shadow_fork_lock(false);
  wt_heap_fork_lock(false);
  wt_sync_fork_lock(false);
  wt_thread_fork_lock(false);
}

static void fork_child(void) {
  fork_parent();
  if (wt_cur) {
    wt_thread_after_fork_child(wt_cur);
    wt_sync_after_fork_child(wt_cur);
    wt_misuse_after_fork_child();
  }
}

void wt_fork_init(void) { pthread_atfork(fork_prepare, fork_parent, fork_child); }

/* A vfork child borrows the parent's memory and thread until it execs or
 * exits: its accesses would land in the parent's shadow as the parent's,
 * and a child that dies inside the runtime would leave the parent's locks
 * held.  It is a fork here, as ThreadSanitizer makes it; a program may
 * not rely on vfork sharing memory anyway. */
pid_t vfork(void) { return fork(); }
