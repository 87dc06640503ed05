/* Real deadlocks: threads blocked for good in a cycle of waits, found by
 * a watchdog thread, reported, and the process ends with the exit code
 * instead of hanging.  Lock-order inversions (deadlocks that could
 * happen) are lockgraph.c's; this file only sees the ones that did.
 *
 * Costs nothing while nothing blocks for long.  A blocking lock or join
 * notes in its own thread's struct what it waits for (wt_wait_begin in
 * internal.h: a few stores, no lock) and clears it when the call
 * returns.  Timed waits and trylocks note nothing: they end by
 * themselves.  The watchdog is a thread of the runtime's own, started
 * when the program creates its first thread (a process with one thread
 * can only wait for itself, which the double-lock check sees first and
 * then starts it too); it wakes every tenth of the timeout and looks
 * only at threads whose wait began at least a timeout ago.  Among those
 * it follows "T waits for lock L, which T2 holds" (T2's list of held
 * locks, read in the mode each holds it) and "T joins T2" to a cycle.
 * Each thread's wait sequence is read before and after its wait and held
 * locks are copied, so what is used is one consistent moment of each
 * thread; a thread whose sequence did not change was blocked throughout.
 * A cycle of such threads can never resolve, whatever happens later.
 * Neither can a wait for a mutex whose holder has ended without
 * unlocking it (it is reported as a deadlock of one thread); a robust
 * mutex would have been handed over with EOWNERDEAD instead.
 *
 * The watchdog is invisible to the program: it is made with the real
 * pthread_create, runs with every signal blocked, has a runtime-only
 * thread struct (so interceptors it reaches record nothing and reports
 * never name it), and ends when no program thread is left running, so it
 * never keeps the process alive.  A forked child starts its own when it
 * creates a thread. */
#include "intercept.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

_Atomic uint32_t wt_watch_tick;
_Atomic int wt_watch_started;

typedef struct snap {
  uint32_t uid, seq, kind, write;
  uintptr_t obj, pc;
  int os_tid;
  uint32_t lock_uid;        /* resolved from obj */
  wt_lockset lockset;
  uint32_t nheld, depth;
  wt_held *held;            /* copies */
  uintptr_t *pcs;
  wt_thread *t;
  uint32_t mark, next;      /* cycle search */
  bool running;             /* not yet ended (a cancelled wait is left noted) */
} snap;

typedef struct scan {
  uint32_t tick, stale;
  uint32_t running;
  snap *s;
  uint32_t n, cap;
} scan;

/* deadlock_timeout_ms: how long threads must be blocked in a cycle
 * before it is a deadlock; the watchdog looks ten times as often. */
static uint32_t period_ms(void) {
  uint32_t p = (uint32_t)wt_opt_deadlock_timeout_ms / 10;
  return p < 10 ? 10 : p;
}

static void snap_free(snap *s) {
  if (s->held) wt_free(s->held, s->nheld * sizeof(wt_held));
  if (s->pcs) wt_free(s->pcs, s->depth * sizeof(uintptr_t));
  s->held = 0;
  s->pcs = 0;
}

/* Under the registry lock: copies a thread blocked since before the
 * timeout, if its wait did not change while it was copied. */
static void look(wt_thread *t, void *arg) {
  scan *sc = arg;
  if (t->state == WT_T_RUNNING) sc->running++;
  uint32_t seq = atomic_load_explicit(&t->wait.seq, memory_order_acquire);
  if (!(seq & 1) || sc->tick - t->wait.tick < sc->stale) return;
  if (sc->n == sc->cap) {
    uint32_t cap = sc->cap ? sc->cap * 2 : 16;
    snap *a = wt_alloc(cap * sizeof *a);
    if (sc->s) {
      __builtin_memcpy(a, sc->s, sc->n * sizeof *a);
      wt_free(sc->s, sc->cap * sizeof *a);
    }
    sc->s = a;
    sc->cap = cap;
  }
  snap *s = &sc->s[sc->n];
  *s = (snap){.uid = t->uid, .seq = seq, .kind = t->wait.kind, .write = t->wait.write,
              .obj = t->wait.obj, .pc = t->wait.pc, .os_tid = t->os_tid,
              .lockset = t->lockset, .t = t, .running = t->state == WT_T_RUNNING};
  uint32_t nheld = t->nheld;
  wt_held *held = t->held;
  if (nheld) {
    s->held = wt_alloc(nheld * sizeof(wt_held));
    __builtin_memcpy(s->held, held, nheld * sizeof(wt_held));
    s->nheld = nheld;
  }
  uint32_t depth = t->depth < t->stack_cap ? t->depth : t->stack_cap;
  uintptr_t *pcs = t->stack_pc;
  if (depth) {
    s->pcs = wt_alloc(depth * sizeof(uintptr_t));
    __builtin_memcpy(s->pcs, pcs, depth * sizeof(uintptr_t));
    s->depth = depth;
  }
  atomic_thread_fence(memory_order_acquire);
  if (atomic_load_explicit(&t->wait.seq, memory_order_relaxed) != seq) {
    snap_free(s);
    return;
  }
  sc->n++;
}

/* The stack where s waits: its shadow stack with the call on top. */
static wt_ctx wait_ctx(const snap *s) {
  wt_ctx c = 0;
  for (uint32_t i = 0; i < s->depth; i++) c = wt_ctx_intern(c, s->pcs[i], 0);
  return wt_ctx_intern(c, s->pc, s->lockset);
}

static const wt_held *holds(const snap *d, uint32_t lock_uid, bool conflicting_with_write) {
  for (uint32_t i = 0; i < d->nheld; i++)
    if (d->held[i].uid == lock_uid && (conflicting_with_write || d->held[i].write))
      return &d->held[i];
  return 0;
}

/* The blocked threads s[c] waits for (its lock's holders among them, or
 * the thread it joins), in order; calls back until one returns true. */
static int next_of(scan *sc, uint32_t c, uint32_t from) {
  snap *s = &sc->s[c];
  for (uint32_t d = from; d < sc->n; d++) {
    snap *o = &sc->s[d];
    if ((s->kind & 0xff) == WT_WAIT_JOIN) {
      if (o->uid == s->obj) return (int)d;
    } else if (s->lock_uid != ~0u && holds(o, s->lock_uid, s->write)) {
      return (int)d;
    }
  }
  return -1;
}

/* Depth first from c; fills cyc with a cycle's snapshots, in wait order. */
static uint32_t find_cycle(scan *sc, uint32_t *cyc) {
  /* mark: 0 unvisited, 1 on the current path, 2 done. */
  uint32_t path[WT_REPORT_CYCLE * 8], iter[WT_REPORT_CYCLE * 8];
  for (uint32_t i = 0; i < sc->n; i++) sc->s[i].mark = 0;
  for (uint32_t root = 0; root < sc->n; root++) {
    if (sc->s[root].mark) continue;
    uint32_t depth = 0;
    path[0] = root;
    iter[0] = 0;
    sc->s[root].mark = 1;
    while (depth != ~0u) {
      uint32_t v = path[depth];
      int w = next_of(sc, v, iter[depth]);
      if (w < 0) {
        sc->s[v].mark = 2;
        depth--;
        continue;
      }
      iter[depth] = (uint32_t)w + 1;
      if (sc->s[w].mark == 1) {
        uint32_t k = 0, start = depth;
        while (path[start] != (uint32_t)w) start--;
        for (uint32_t i = start; i <= depth && k < WT_REPORT_CYCLE; i++) cyc[k++] = path[i];
        return k;
      }
      if (sc->s[w].mark == 2 || depth + 1 >= WT_REPORT_CYCLE * 8) continue;
      sc->s[w].mark = 1;
      path[++depth] = (uint32_t)w;
      iter[depth] = 0;
    }
  }
  return 0;
}

/* Only stdout and stderr, and only if no blocked thread holds them: the
 * program's other streams may be locked by a deadlocked thread. */
static void flush_std(void) {
  FILE *f[2] = {stdout, stderr};
  for (int i = 0; i < 2; i++)
    if (ftrylockfile(f[i]) == 0) {
      fflush_unlocked(f[i]);
      funlockfile(f[i]);
    }
}

/* The exit notes and the exit status, as halt_on_error: atexit handlers
 * would run while threads hold the locks they may need. */
static __attribute__((noreturn)) void end_process(void) {
  flush_std();
  wt_halt();
}

/* The writer holding the lock s waits for, or ~0u. */
static uint32_t lock_owner(const snap *s) {
  wt_sync *o = s->lock_uid == ~0u ? 0 : wt_sync_find(s->obj);
  if (!o) return ~0u;
  wt_spin_lock(&o->lock);
  uint32_t owner = o->recursion > 0 && o->uid == s->lock_uid ? o->owner_uid : ~0u;
  wt_spin_unlock(&o->lock);
  return owner;
}

/* No cycle, yet every program thread has been blocked for a timeout, at
 * least one in a condition, semaphore or barrier wait (the watchdog notes
 * only untimed waits on process-private objects): nothing is left to
 * wake anyone, a hang.  Fills w (up to WT_REPORT_CYCLE threads) and
 * returns their number, or 0.  A thread that sleeps, does I/O or waits
 * with a timeout is not noted and so keeps this from firing; so does a
 * thread struct whose thread is gone (a forked child's inherited ones)
 * and a semaphore wait while a signal handler, which may post, exists. */
static uint32_t all_blocked(scan *sc, int pid, wt_report_wait *w) {
  if (!sc->running) return 0;
  uint32_t k = 0;
  bool other = false, sem = false;
  for (uint32_t i = 0; i < sc->n; i++) {
    snap *s = &sc->s[i];
    if (!s->running) continue;
    uint32_t kind = s->kind & 0xff;
    other |= kind >= WT_WAIT_COND;
    sem |= kind == WT_WAIT_SEM;
    k++;
  }
  if (k != sc->running || !other || (sem && wt_signal_any_handler())) return 0;
  uint32_t n = 0;
  for (uint32_t i = 0; i < sc->n; i++) {
    snap *s = &sc->s[i];
    if (!s->running) continue;
    if (atomic_load_explicit(&s->t->wait.seq, memory_order_acquire) != s->seq ||
        !wt_thread_alive(pid, s->os_tid))
      return 0;
    if (n == WT_REPORT_CYCLE) continue;
    uint32_t kind = s->kind & 0xff;
    uint32_t holder = kind == WT_WAIT_JOIN ? (uint32_t)s->obj
                      : kind == WT_WAIT_LOCK ? lock_owner(s)
                                             : ~0u;
    uint32_t obj = s->lock_uid;
    uint64_t last = 0;
    if (kind >= WT_WAIT_COND) {
      wt_sync *o = wt_sync_find(s->obj);
      obj = o ? o->uid : ~0u;
      if (o) last = atomic_load_explicit(&o->last_release, memory_order_relaxed);
    }
    w[n++] = (wt_report_wait){.thread_uid = s->uid, .lock_uid = kind == WT_WAIT_JOIN ? ~0u : obj,
                              .lock_write = s->write, .holder_uid = holder,
                              .wait_ctx = wait_ctx(s), .wait_kind = kind,
                              .obj_addr = kind == WT_WAIT_JOIN ? 0 : s->obj,
                              .last_thread = (uint32_t)(last >> 32), .last_ctx = (wt_ctx)last};
  }
  /* By thread number: the same hang reads the same way. */
  for (uint32_t i = 1; i < n; i++)
    for (uint32_t j = i; j > 0 && w[j - 1].thread_uid > w[j].thread_uid; j--) {
      wt_report_wait x = w[j];
      w[j] = w[j - 1];
      w[j - 1] = x;
    }
  return n;
}

/* One look at the threads; true when the watchdog should end. */
static bool check(uint32_t tick, uint32_t stale) {
  scan sc = {.tick = tick, .stale = stale};
  wt_thread_foreach(look, &sc);
  bool quit = sc.running == 0;
  if (sc.n == 0) return quit;
  for (uint32_t i = 0; i < sc.n; i++) {
    snap *s = &sc.s[i];
    s->lock_uid = ~0u;
    if ((s->kind & 0xff) == WT_WAIT_LOCK) {
      wt_sync *o = wt_sync_find(s->obj);
      if (o) s->lock_uid = o->uid;
    }
  }
  uint32_t cyc[WT_REPORT_CYCLE];
  uint32_t n = find_cycle(&sc, cyc);
  /* From its lowest-numbered thread, whatever thread the search met
   * first: the same deadlock reads the same way. */
  uint32_t low = 0;
  for (uint32_t i = 1; i < n; i++)
    if (sc.s[cyc[i]].uid < sc.s[cyc[low]].uid) low = i;
  uint32_t rot[WT_REPORT_CYCLE];
  for (uint32_t i = 0; i < n; i++) rot[i] = cyc[(low + i) % n];
  __builtin_memcpy(cyc, rot, n * sizeof *cyc);
  /* Every thread of the cycle must still be in the very wait it was
   * copied in, and exist (a forked child inherits the parent's thread
   * structs, not its threads). */
  int pid = wt_getpid();
  for (uint32_t i = 0; i < n; i++) {
    snap *s = &sc.s[cyc[i]];
    if (atomic_load_explicit(&s->t->wait.seq, memory_order_acquire) != s->seq ||
        !wt_thread_alive(pid, s->os_tid))
      n = 0;
  }
  if (n == 1 && (sc.s[cyc[0]].kind & WT_WAIT_REPORTED)) {
    /* A double lock, reported when it was made: it is now certain the
     * thread waits for itself forever. */
    char who[32] = "main thread";
    if (sc.s[cyc[0]].uid) wt_snprintf(who, sizeof who, "thread T%u", sc.s[cyc[0]].uid);
    wt_printf("weft: %s is blocked for good on the lock it holds (reported above); "
              "exiting\n", who);
    end_process();
  }
  if (n == 0) {
    /* A lock whose owner is gone: no one will ever unlock it. */
    for (uint32_t i = 0; i < sc.n && n == 0; i++) {
      snap *s = &sc.s[i];
      if ((s->kind & 0xff) != WT_WAIT_LOCK) continue;
      uint32_t owner = lock_owner(s);
      wt_report_thread th;
      if (owner == ~0u || owner == s->uid || !wt_thread_describe(owner, &th) || th.running) continue;
      if (atomic_load_explicit(&s->t->wait.seq, memory_order_acquire) != s->seq) continue;
      wt_report_wait w = {.thread_uid = s->uid, .lock_uid = s->lock_uid,
                          .lock_write = s->write, .holder_uid = owner, .holder_gone = 1,
                          .wait_ctx = wait_ctx(s)};
      wt_report_deadlock(WT_R_DEADLOCK, &w, 1);
      end_process();
    }
  }
  if (n > 0) {
    wt_report_wait w[WT_REPORT_CYCLE];
    for (uint32_t i = 0; i < n; i++) {
      snap *s = &sc.s[cyc[i]], *h = &sc.s[cyc[(i + 1) % n]];
      bool join = (s->kind & 0xff) == WT_WAIT_JOIN;
      const wt_held *held = join ? 0 : holds(h, s->lock_uid, s->write);
      w[i] = (wt_report_wait){
          .thread_uid = s->uid,
          .lock_uid = join ? ~0u : s->lock_uid,
          .lock_write = s->write,
          .holder_uid = h->uid,
          .wait_ctx = wait_ctx(s),
          .holder_ctx = held ? held->ctx : 0,
      };
    }
    wt_report_deadlock(WT_R_DEADLOCK, w, n);
    end_process();
  }
  if (n == 0) {
    wt_report_wait w[WT_REPORT_CYCLE];
    uint32_t k = all_blocked(&sc, pid, w);
    if (k) {
      wt_report_deadlock(WT_R_ALL_BLOCKED, w, k);
      end_process();
    }
  }
  for (uint32_t i = 0; i < sc.n; i++) snap_free(&sc.s[i]);
  wt_free(sc.s, sc.cap * sizeof(snap));
  return quit;
}

static void *watchdog(void *arg) {
  /* Interceptors this thread reaches (the symbolizer's helpers) see a
   * runtime thread and record nothing. */
  static wt_thread self;
  self.uid = ~0u;
  self.ignore = 1;
  self.in_rt = 1;
  self.state = WT_T_FINISHED;
  wt_cur = &self;
  uint32_t period = period_ms();
  uint32_t stale = (uint32_t)(((uint64_t)wt_opt_deadlock_timeout_ms + period - 1) / period) + 1;
  struct timespec ts = {.tv_sec = period / 1000, .tv_nsec = (long)(period % 1000) * 1000000};
  for (;;) {
    nanosleep(&ts, 0);
    uint32_t tick = atomic_fetch_add_explicit(&wt_watch_tick, 1, memory_order_relaxed) + 1;
    if (check(tick, stale)) break;
  }
  /* Ends with the program's last thread (none can be created after
   * that; if one were, its creation would start another watchdog). */
  atomic_store_explicit(&wt_watch_started, 0, memory_order_relaxed);
  return 0;
}

static void after_fork_child(void) {
  atomic_store_explicit(&wt_watch_started, 0, memory_order_relaxed);
}

void wt_watchdog_start_slow(void) {
  if (!wt_opt_detect_deadlocks) return;
  int expect = 0;
  if (!atomic_compare_exchange_strong_explicit(&wt_watch_started, &expect, 1,
                                               memory_order_relaxed, memory_order_relaxed))
    return;
  static _Atomic int atfork_done;
  if (!atomic_exchange_explicit(&atfork_done, 1, memory_order_relaxed))
    pthread_atfork(0, 0, after_fork_child);
  WT_REAL_DECL(int, pthread_create,
               (pthread_t *, const pthread_attr_t *, void *(*)(void *), void *));
  int saved_errno = errno;
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t th;
  /* If it cannot be made, deadlocks go undetected rather than the
   * program failing. */
  WT_REAL(pthread_create)(&th, &attr, watchdog, 0);
  pthread_attr_destroy(&attr);
  pthread_sigmask(SIG_SETMASK, &old, 0);
  errno = saved_errno;
}
