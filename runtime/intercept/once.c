/* Interceptors of one-time initialisation, pthread_once and C11
 * call_once (glibc's call_once reaches pthread_once without the PLT, so
 * it needs its own interceptor).  The thread that runs the routine
 * releases into the once object when the routine is done; every caller
 * acquires from it on return, so all of them see the routine's writes.
 *
 * The release must come after the routine but before the real function
 * marks the object done and wakes the other callers, which happens
 * inside the real call: so the routine is wrapped.  Both APIs take a
 * routine without argument, hence the routine reaches the wrapper
 * through a thread-local: the real function runs it on the calling
 * thread, synchronously. */
#include "intercept_sync.h"
#include <threads.h>

static __thread struct {
  void (*fn)(void);
  const void *obj;
  uintptr_t pc;
} once_next;

/* Reads once_next before running the routine: a routine that itself
 * calls pthread_once overwrites it. */
static void once_trampoline(void) {
  void (*fn)(void) = once_next.fn;
  const void *obj = once_next.obj;
  uintptr_t pc = once_next.pc;
  fn();
  wt_i_release(wt_thread_get(), obj, WT_SYNC_ONCE, pc);
}

int pthread_once(pthread_once_t *o, void (*init)(void)) {
  WT_REAL_DECL(int, pthread_once, (pthread_once_t *, void (*)(void)));
  wt_thread *t = wt_enter();
  once_next.fn = init;
  once_next.obj = o;
  once_next.pc = WT_PC();
  int r = WT_REAL(pthread_once)(o, once_trampoline);
  wt_i_acquire(t, o, WT_SYNC_ONCE, WT_PC());
  return r;
}

void call_once(once_flag *o, void (*init)(void)) {
  WT_REAL_DECL(void, call_once, (once_flag *, void (*)(void)));
  wt_thread *t = wt_enter();
  once_next.fn = init;
  once_next.obj = o;
  once_next.pc = WT_PC();
  WT_REAL(call_once)(o, once_trampoline);
  wt_i_acquire(t, o, WT_SYNC_ONCE, WT_PC());
}
