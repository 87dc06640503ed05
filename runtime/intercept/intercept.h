/* How interceptors are written.  An interceptor is a definition of the
 * libc/libpthread function itself in the executable: it preempts the
 * library's symbol for every caller, instrumented or not, and reaches the
 * real function through dlsym(RTLD_NEXT).  Resolution is lazy and cached
 * per function, so an interceptor may run before __weft_init (from another
 * constructor) without a central table to keep in order.
 *
 *   int pthread_mutex_lock(pthread_mutex_t *m) {
 *     WT_REAL_DECL(int, pthread_mutex_lock, (pthread_mutex_t *));
 *     wt_thread *t = wt_enter();
 *     int r = WT_REAL(pthread_mutex_lock)(m);
 *     ...
 *   }
 *
 * Functions with several symbol versions in glibc (pthread_cond_*) name
 * the version they want with WT_REAL_DECL_V: plain dlsym returns the
 * default version, which has changed between glibc releases, and the old
 * condition-variable layout is not the new one. */
#ifndef WEFT_INTERCEPT_H
#define WEFT_INTERCEPT_H

#include "internal.h"
#include <dlfcn.h>

WT_HIDDEN void *wt_resolve(const char *name, const char *version);

#define WT_REAL_DECL(ret, name, params)                                       \
  static ret(*_Atomic wt_real_##name) params;                                 \
  if (WT_UNLIKELY(!wt_real_##name))                                           \
    wt_real_##name = (ret(*) params)wt_resolve(#name, 0)
#define WT_REAL_DECL_V(ret, name, params, version)                            \
  static ret(*_Atomic wt_real_##name) params;                                 \
  if (WT_UNLIKELY(!wt_real_##name))                                           \
    wt_real_##name = (ret(*) params)wt_resolve(#name, version)
#define WT_REAL(name) (wt_real_##name)

/* The calling thread's state, starting the runtime first if an
 * interceptor runs before any instrumented constructor. */
WT_INLINE wt_thread *wt_enter(void) {
  if (WT_UNLIKELY(!atomic_load_explicit(&wt_inited, memory_order_acquire)))
    wt_init();
  return wt_thread_get();
}

/* Calls made from libomp's own code (intercept/omp.c learns its span at
 * OMPT start-up) are passed through unchecked, as are those the runtime
 * makes: its futexes, atomics and pthread calls are its own business,
 * and OMPT says what the program's synchronization is.  Thread creation
 * and exit are still followed (intercept/thread.c does not ask). */
WT_INLINE bool wt_i_skip(const wt_thread *t, uintptr_t pc) {
  return WT_UNLIKELY(t->in_rt) || WT_UNLIKELY(pc - wt_omp_lo < wt_omp_hi - wt_omp_lo);
}

/* For the C library's string, format and scanf functions, called too
 * early and too often to start the runtime from: the calling thread if
 * its accesses are checked, else 0 (the runtime is not up yet, the call
 * is the runtime's own or libomp's, or accesses are ignored).  pc is the
 * interceptor's caller; wt_i_checking() takes it from the interceptor. */
WT_INLINE wt_thread *wt_i_checking_at(uintptr_t pc) {
  if (WT_UNLIKELY(!atomic_load_explicit(&wt_inited, memory_order_acquire))) return 0;
  wt_thread *t = wt_thread_get();
  return t && !wt_i_skip(t, pc) && !t->ignore ? t : 0;
}
#define wt_i_checking() wt_i_checking_at(WT_PC())

/* n bytes at p read (wt_i_read) or written by the intercepted function
 * fn called from pc; nothing for an empty range or a null pointer. */
WT_INLINE void wt_i_read(wt_thread *t, const void *p, size_t n, uintptr_t pc, void *fn) {
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, false, pc, fn);
}
WT_INLINE void wt_i_write(wt_thread *t, void *p, size_t n, uintptr_t pc, void *fn) {
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, true, pc, fn);
}

#endif
