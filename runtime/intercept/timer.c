/* POSIX timers that notify by starting a thread (SIGEV_THREAD).  glibc
 * runs the notification function on a thread it makes itself, through
 * its internal pthread_create, which no interceptor sees: to weft that
 * thread has no creator and nothing orders it.  So timer_create hands
 * glibc a wrapper instead, with a record of the program's function and
 * value, and the wrapper acquires the record's clock before it calls the
 * function: what the program did before it created the timer, and before
 * each timer_settime that armed it, is ordered before every notification.
 * (Timers that notify by a signal need nothing here: installing the
 * handler and sending are the edges, intercept/signal.c.)
 *
 * The records are kept for the life of the process: a notification may
 * still be running when timer_delete returns. */
#include "intercept.h"

#include <errno.h>
#include <signal.h>
#include <time.h>

typedef struct notify {
  void (*fn)(union sigval);
  union sigval value;
  timer_t id;
  wt_spin lock;
  wt_vc vc;
  struct notify *next;
} notify;

static wt_spin list_lock;
static notify *_Atomic list;

static void notify_release(wt_thread *t, notify *n) {
  wt_spin_lock(&n->lock);
  wt_release(t, &n->vc);
  wt_spin_unlock(&n->lock);
}

static void notify_trampoline(union sigval v) {
  notify *n = v.sival_ptr;
  wt_thread *t = wt_enter();
  if (!t->in_rt && !t->ignore) {
    wt_spin_lock(&n->lock);
    wt_acquire(t, &n->vc);
    wt_spin_unlock(&n->lock);
  }
  n->fn(n->value);
}

int timer_create(clockid_t clock, struct sigevent *ev, timer_t *id) {
  WT_REAL_DECL(int, timer_create, (clockid_t, struct sigevent *, timer_t *));
  wt_thread *t = wt_enter();
  if (!ev || ev->sigev_notify != SIGEV_THREAD || !ev->sigev_notify_function ||
      wt_i_skip(t, WT_PC()) || t->ignore)
    return WT_REAL(timer_create)(clock, ev, id);
  /* glibc's threads are coming, and will acquire what this thread
   * releases from now on: its releases must tick again. */
  atomic_store_explicit(&wt_many_threads, 1, memory_order_relaxed);
  wt_tick(t);
  notify *n = wt_alloc(sizeof *n);
  n->fn = ev->sigev_notify_function;
  n->value = ev->sigev_value;
  notify_release(t, n);
  struct sigevent mine = *ev;
  mine.sigev_notify_function = notify_trampoline;
  mine.sigev_value.sival_ptr = n;
  int r = WT_REAL(timer_create)(clock, &mine, id);
  if (r != 0) return r; /* n stays unused: rare, and small */
  n->id = *id;
  wt_spin_lock(&list_lock);
  n->next = list;
  list = n;
  wt_spin_unlock(&list_lock);
  return r;
}

static notify *notify_of(timer_t id) {
  wt_spin_lock(&list_lock);
  notify *n = list;
  while (n && n->id != id) n = n->next;
  wt_spin_unlock(&list_lock);
  return n;
}

int timer_settime(timer_t id, int flags, const struct itimerspec *v, struct itimerspec *old) {
  WT_REAL_DECL(int, timer_settime, (timer_t, int, const struct itimerspec *, struct itimerspec *));
  wt_thread *t = wt_enter();
  if (!wt_i_skip(t, WT_PC()) && !t->ignore && list) {
    int e = errno;
    notify *n = notify_of(id);
    if (n) notify_release(t, n);
    errno = e;
  }
  return WT_REAL(timer_settime)(id, flags, v, old);
}
