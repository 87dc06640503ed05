/* Signal handlers.  A handler runs on a thread between any two
 * instructions, possibly while that thread holds one of the runtime's
 * locks (a shadow cell's, the report lock...).  An instrumented handler
 * that needed the same lock would wait for itself forever.  So every
 * handler is installed behind a wrapper: when the interrupted thread
 * holds a runtime lock, the handler runs with its accesses unchecked and
 * its synchronization unmodelled; otherwise it is checked like any code.
 * The program still sees its own handlers in sigaction's old action.
 *
 * Edges: each signal number has an object (its entry in actions[]).
 * Installing a handler releases into it and so does sending the signal
 * (kill, raise, pthread_kill, sigqueue, ...); every run of a handler
 * acquires from it first, on whichever thread it runs.  So a handler sees
 * what was set up before it was installed, and what the sender did
 * before sending, a profiling timer's handler included.  sigwait,
 * sigwaitinfo, sigtimedwait and a signalfd's reads (intercept/fd.c)
 * acquire like a handler. */
#include "intercept.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>

typedef struct user_action {
  _Atomic uintptr_t handler; /* sa_handler or sa_sigaction as installed */
  _Atomic int siginfo;       /* it takes three arguments */
} user_action;

static user_action actions[NSIG];

bool wt_signal_any_handler(void) {
  for (int i = 1; i < NSIG; i++) {
    uintptr_t h = atomic_load_explicit(&actions[i].handler, memory_order_relaxed);
    if (atomic_load_explicit(&actions[i].siginfo, memory_order_relaxed) ||
        (h != (uintptr_t)SIG_DFL && h != (uintptr_t)SIG_IGN))
      return true;
  }
  return false;
}

/* A synchronous signal comes from the instruction the thread runs (a
 * fault, abort) or from its own raise or pthread_kill: its handler runs
 * at a point the program chose, where any call is as safe as the code
 * around it.  Any other handler interrupts the thread between any two
 * instructions, maybe inside malloc, so a call that is not
 * async-signal-safe there is reported (as ThreadSanitizer does). */
static bool synchronous(wt_thread *t, int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGTRAP ||
         sig == SIGABRT || sig == SIGFPE || sig == SIGPIPE || sig == SIGSYS ||
         (t && t->self_signal == sig);
}

static void wt_signal_wrapper(int sig, siginfo_t *info, void *uc) {
  wt_thread *t = wt_cur;
  bool inside = t && wt_spins_held > 0;
  if (inside) {
    t->ignore++;
    t->in_rt++;
  }
  bool async = t && !inside && !synchronous(t, sig);
  int32_t outer = t ? t->signal_no : 0;
  if (async) {
    t->in_signal++;
    t->signal_no = sig;
  }
  uintptr_t h = atomic_load_explicit(&actions[sig].handler, memory_order_acquire);
  if (!inside && t && !t->in_rt) { /* shown as the handler's first line */
    int e = errno;
    wt_hb_acquire(t, (uintptr_t)&actions[sig], WT_SYNC_SIGNAL, h + 1);
    errno = e;
  }
  if (atomic_load_explicit(&actions[sig].siginfo, memory_order_relaxed))
    ((void (*)(int, siginfo_t *, void *))h)(sig, info, uc);
  else if (h != (uintptr_t)SIG_DFL && h != (uintptr_t)SIG_IGN)
    ((void (*)(int))h)(sig);
  if (async) {
    t->in_signal--;
    t->signal_no = outer;
  }
  if (inside) {
    t->in_rt--;
    t->ignore--;
  }
}

static bool wrapped(const struct sigaction *a) {
  return (a->sa_flags & SA_SIGINFO) && a->sa_sigaction == wt_signal_wrapper;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  WT_REAL_DECL(int, sigaction, (int, const struct sigaction *, struct sigaction *));
  if (sig <= 0 || sig >= NSIG) return WT_REAL(sigaction)(sig, act, old);
  uintptr_t prev_handler = atomic_load_explicit(&actions[sig].handler, memory_order_relaxed);
  int prev_siginfo = atomic_load_explicit(&actions[sig].siginfo, memory_order_relaxed);
  struct sigaction mine;
  const struct sigaction *use = act;
  if (act) {
    wt_thread *t = wt_enter();
    if (!t->in_rt) {
      int e = errno;
      wt_hb_release(t, (uintptr_t)&actions[sig], WT_SYNC_SIGNAL, WT_PC());
      errno = e;
    }
    int siginfo = !!(act->sa_flags & SA_SIGINFO);
    uintptr_t h = siginfo ? (uintptr_t)act->sa_sigaction : (uintptr_t)act->sa_handler;
    if (siginfo || (h != (uintptr_t)SIG_DFL && h != (uintptr_t)SIG_IGN)) {
      mine = *act;
      mine.sa_sigaction = wt_signal_wrapper;
      mine.sa_flags |= SA_SIGINFO;
      use = &mine;
    }
    /* Published before the kernel can deliver to the new action. */
    atomic_store_explicit(&actions[sig].siginfo, siginfo, memory_order_relaxed);
    atomic_store_explicit(&actions[sig].handler, h, memory_order_release);
  }
  int r = WT_REAL(sigaction)(sig, use, old);
  if (r != 0 && act) { /* nothing changed: put the record back */
    atomic_store_explicit(&actions[sig].siginfo, prev_siginfo, memory_order_relaxed);
    atomic_store_explicit(&actions[sig].handler, prev_handler, memory_order_release);
  }
  if (r == 0 && old && wrapped(old)) {
    if (prev_siginfo) {
      old->sa_sigaction = (void (*)(int, siginfo_t *, void *))prev_handler;
    } else {
      old->sa_flags &= ~SA_SIGINFO;
      old->sa_handler = (void (*)(int))prev_handler;
    }
  }
  return r;
}

/* glibc's signal() reaches sigaction internally, past interposition; it
 * has BSD semantics: restart system calls, block the signal in its own
 * handler. */
sighandler_t signal(int sig, sighandler_t handler) {
  struct sigaction act = {0}, old;
  act.sa_handler = handler;
  act.sa_flags = SA_RESTART;
  sigemptyset(&act.sa_mask);
  if (sig > 0 && sig < NSIG) sigaddset(&act.sa_mask, sig);
  if (sigaction(sig, &act, &old) != 0) return SIG_ERR;
  return (old.sa_flags & SA_SIGINFO) ? (sighandler_t)(void (*)(void))old.sa_sigaction
                                     : old.sa_handler;
}

/* ---- sending and waiting ------------------------------------------------ */
static void sending(int sig, uintptr_t pc) {
  if (sig <= 0 || sig >= NSIG) return;
  wt_thread *t = wt_enter();
  if (t->in_rt) return;
  int e = errno;
  wt_hb_release(t, (uintptr_t)&actions[sig], WT_SYNC_SIGNAL, pc);
  errno = e;
}

void wt_signal_acquire(wt_thread *t, int sig, uintptr_t pc) {
  if (sig <= 0 || sig >= NSIG || t->in_rt || t->ignore) return;
  int e = errno;
  wt_hb_acquire(t, (uintptr_t)&actions[sig], WT_SYNC_SIGNAL, pc);
  errno = e;
}

static void waited(int sig, uintptr_t pc) { wt_signal_acquire(wt_enter(), sig, pc); }

int kill(pid_t pid, int sig) {
  WT_REAL_DECL(int, kill, (pid_t, int));
  sending(sig, WT_PC());
  return WT_REAL(kill)(pid, sig);
}

/* A signal to the calling thread runs its handler before the call
 * returns: synchronous. */
static int to_self(wt_thread *t, int sig) {
  int outer = t->self_signal;
  t->self_signal = sig;
  return outer;
}

int raise(int sig) {
  WT_REAL_DECL(int, raise, (int));
  sending(sig, WT_PC());
  wt_thread *t = wt_enter();
  int outer = to_self(t, sig);
  int r = WT_REAL(raise)(sig);
  t->self_signal = outer;
  return r;
}

int pthread_kill(pthread_t th, int sig) {
  WT_REAL_DECL(int, pthread_kill, (pthread_t, int));
  sending(sig, WT_PC());
  if (!pthread_equal(th, pthread_self())) return WT_REAL(pthread_kill)(th, sig);
  wt_thread *t = wt_enter();
  int outer = to_self(t, sig);
  int r = WT_REAL(pthread_kill)(th, sig);
  t->self_signal = outer;
  return r;
}

int sigqueue(pid_t pid, int sig, const union sigval value) {
  WT_REAL_DECL(int, sigqueue, (pid_t, int, const union sigval));
  sending(sig, WT_PC());
  return WT_REAL(sigqueue)(pid, sig, value);
}

int pthread_sigqueue(pthread_t th, int sig, const union sigval value) {
  WT_REAL_DECL(int, pthread_sigqueue, (pthread_t, int, const union sigval));
  sending(sig, WT_PC());
  return WT_REAL(pthread_sigqueue)(th, sig, value);
}

int sigwait(const sigset_t *set, int *sig) {
  WT_REAL_DECL(int, sigwait, (const sigset_t *, int *));
  int r = WT_REAL(sigwait)(set, sig);
  if (r == 0) waited(*sig, WT_PC());
  return r;
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info) {
  WT_REAL_DECL(int, sigwaitinfo, (const sigset_t *, siginfo_t *));
  int r = WT_REAL(sigwaitinfo)(set, info);
  if (r > 0) waited(r, WT_PC());
  return r;
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout) {
  WT_REAL_DECL(int, sigtimedwait, (const sigset_t *, siginfo_t *, const struct timespec *));
  int r = WT_REAL(sigtimedwait)(set, info, timeout);
  if (r > 0) waited(r, WT_PC());
  return r;
}
