/* Interceptors of the C++ runtime's guards of function-local statics
 * (Itanium C++ ABI, __cxa_guard_*).  The compiler tests the guard's first
 * byte with an inline acquire load, which the pass sees; the store that
 * sets it is inside libstdc++, which the pass does not.  So the thread
 * that built the static releases into the guard just before the real
 * __cxa_guard_release publishes it, and a caller told the static is
 * already built (after waiting for the builder, or not) acquires from
 * it: the same edges as pthread_once.  An abort (the constructor threw)
 * publishes nothing. */
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
