/* Interceptors of the C++ runtime's guards of function-local statics
 * (Itanium C++ ABI, __cxa_guard_*), and of the exit-time destructors
 * they and global objects register (__cxa_atexit).  The compiler tests the guard's first
 * byte with an inline acquire load, which the pass sees; the store that
 * sets it is inside libstdc++, which the pass does not.  So the thread
 * that built the static releases into the guard just before the real
 * __cxa_guard_release publishes it, and a caller told the static is
 * already built (after waiting for the builder, or not) acquires from
 * it: the same edges as pthread_once.  An abort (the constructor threw)
 * publishes nothing.
 *
 * A destructor registered with __cxa_atexit (and atexit, which glibc
 * builds on it) runs at exit on whichever thread exits, after everything
 * the registering thread did before registering it: a static built by a
 * thread that is gone by then is destroyed by main.  So registering
 * releases into an object of the registration's own and the handler,
 * wrapped, acquires from it before it runs.  What a still-running thread
 * does to the object meanwhile is not ordered: that race is real. */
#include "intercept_sync.h"

#include <stdint.h>

int __cxa_guard_acquire(int64_t *g) {
  WT_REAL_DECL(int, __cxa_guard_acquire, (int64_t *));
  wt_thread *t = wt_enter();
  int r = WT_REAL(__cxa_guard_acquire)(g);
  if (r == 0) wt_i_acquire(t, g, WT_SYNC_ONCE, WT_PC());
  return r;
}

void __cxa_guard_release(int64_t *g) {
  WT_REAL_DECL(void, __cxa_guard_release, (int64_t *));
  wt_thread *t = wt_enter();
  wt_i_release(t, g, WT_SYNC_ONCE, WT_PC());
  WT_REAL(__cxa_guard_release)(g);
}

/* The clock is the registration's own, not a sync object: no object
 * number, no "last released" line in reports for every static.  libc's
 * lock on its exit list orders the store before the handler's load. */
typedef struct exit_fn {
  void (*fn)(void *);
  void *arg;
  wt_vc vc;
} exit_fn;

static void exit_trampoline(void *p) {
  exit_fn *e = p;
  wt_thread *t = wt_enter();
  if (!t->in_rt && !t->ignore) wt_acquire(t, &e->vc);
  e->fn(e->arg);
}

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso) {
  WT_REAL_DECL(int, __cxa_atexit, (void (*)(void *), void *, void *));
  wt_thread *t = wt_enter();
  if (!fn || wt_i_skip(t, WT_PC()) || t->ignore) return WT_REAL(__cxa_atexit)(fn, arg, dso);
  exit_fn *e = wt_alloc(sizeof *e); /* kept: the handler may run until the process ends */
  e->fn = fn;
  e->arg = arg;
  wt_release_store(t, &e->vc);
  return WT_REAL(__cxa_atexit)(exit_trampoline, e, dso);
}
