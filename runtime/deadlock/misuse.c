/* Misuse of the threading API: calls whose effect POSIX (or C11) leaves
 * undefined, each reported under its own header (docs/reports.md), once
 * per kind and call site.  The interceptors call in here; the state a
 * check needs that sync.c does not keep (the threads waiting on a
 * condition variable, barrier or semaphore, which pthread_t values were
 * detached or joined, where a mutex was destroyed) lives here.
 * Lock-order and deadlock reports are elsewhere (lockgraph.c,
 * deadlock.c).
 *
 * No false alarms is the rule, so:
 *  - A call whose error POSIX defines is not misuse: relocking or
 *    unlocking an error-checking, recursive, robust or priority mutex
 *    returns an error the program may rely on (EDEADLK, EPERM).  Only
 *    normal and default mutexes are reported for those.
 *  - A destroyed mutex is recognized by glibc's mark in the mutex itself
 *    (its type word is -1 after pthread_mutex_destroy), and an
 *    uninitialized one by a type word no initialization can produce.  A
 *    never-initialized mutex in zeroed memory is a valid static
 *    initializer, and garbage that happens to look valid is not caught:
 *    only these two are certain.  Rwlocks carry no such mark, so their
 *    use after destroy is not checked.
 *  - A joined or detached thread's pthread_t is remembered until a new
 *    thread gets the same value.
 *  - Destroying a barrier or semaphore is misuse only while a thread is
 *    blocked in it with no way out: a barrier round not yet complete, a
 *    semaphore with more waiters than units posted.  weft then returns
 *    EBUSY (which POSIX allows) instead of destroying it, so the waiters
 *    are not left on freed memory.
 *
 * glibc's pthread_mutex_t type word (__data.__kind): the type in bits
 * 0-1, robust 16, priority inheritance 32, priority protection 64,
 * process-shared 128, elision 256 and 512; -1 once destroyed. */
#include "intercept_sync.h"

#include <semaphore.h>
#include <stddef.h>

#define KIND_TYPE 3
#define KIND_ROBUST 16
#define KIND_PI 32
#define KIND_PP 64
_Static_assert(WT_MUTEX_KIND_VALID == (3 | 16 | 32 | 64 | 128 | 256 | 512),
               "glibc's mutex type bits");

static int mutex_kind(const volatile void *m) {
  return ((const volatile pthread_mutex_t *)m)->__data.__kind;
}

/* A mutex that returns an error, rather than misbehaving, when relocked
 * or unlocked by a thread that does not own it. */
static bool mutex_checks_errors(const volatile void *m) {
  int k = mutex_kind(m);
  int type = k & KIND_TYPE;
  return type == PTHREAD_MUTEX_RECURSIVE || type == PTHREAD_MUTEX_ERRORCHECK ||
         (k & (KIND_ROBUST | KIND_PI | KIND_PP));
}


static wt_report_misuse object(const volatile void *a, uint32_t kind) {
  wt_report_misuse m = {.obj_addr = (uintptr_t)a, .obj_uid = ~0u, .obj_kind = kind,
                        .other_thread = ~0u, .other_uid = ~0u};
  wt_sync *s = wt_sync_find((uintptr_t)a);
  if (s) m.obj_uid = s->uid;
  return m;
}

static bool report(wt_thread *t, int kind, uintptr_t pc, const wt_report_misuse *m) {
  return wt_report_misuse_event(t, kind, pc, wt_ctx_current(t, pc), m);
}

/* ---- where mutexes and semaphores were destroyed --------------------------
 * Direct-mapped by address, overwritten freely: only a report's "it was
 * destroyed here" stack comes from it, checked against the address. */
#define DESTROYED_BITS 12
static struct destroyed {
  _Atomic uintptr_t addr;
  _Atomic uint64_t who; /* thread uid << 32 | ctx */
} destroyed[1u << DESTROYED_BITS];

static uint32_t slot_of(uintptr_t a, uint32_t bits) {
  return (uint32_t)(((a >> 3) * 0x9e3779b97f4a7c15ull) >> (64 - bits));
}

static void note_destroyed(wt_thread *t, const volatile void *a, uintptr_t pc) {
  struct destroyed *d = &destroyed[slot_of((uintptr_t)a, DESTROYED_BITS)];
  atomic_store_explicit(&d->addr, (uintptr_t)a, memory_order_relaxed);
  atomic_store_explicit(&d->who, (uint64_t)t->uid << 32 | wt_ctx_current(t, pc),
                        memory_order_relaxed);
}

/* Fills the report's "destroyed here" from the table, if it still has it. */
static void where_destroyed(const volatile void *a, wt_report_misuse *r) {
  struct destroyed *d = &destroyed[slot_of((uintptr_t)a, DESTROYED_BITS)];
  if (atomic_load_explicit(&d->addr, memory_order_relaxed) == (uintptr_t)a) {
    uint64_t who = atomic_load_explicit(&d->who, memory_order_relaxed);
    r->other_thread = (uint32_t)(who >> 32);
    r->other_ctx = (wt_ctx)who;
  }
}

void wt_misuse_mutex_bad(wt_thread *t, const volatile void *m, uintptr_t pc) {
  int k = mutex_kind(m);
  wt_report_misuse r = object(m, WT_SYNC_MUTEX);
  r.obj_uid = ~0u; /* whatever weft numbered there is gone */
  if (k != -1) {
    r.count = (uint32_t)k;
    report(t, WT_R_USE_UNINIT, pc, &r);
    return;
  }
  where_destroyed(m, &r);
  report(t, WT_R_USE_DESTROYED, pc, &r);
}

/* ---- relock (before a blocking acquisition) ------------------------------ */
bool wt_misuse_relock(wt_thread *t, const volatile void *a, int kind, bool write,
                      uintptr_t pc) {
  const wt_held *h = wt_held_find(t, (uintptr_t)a);
  if (!h) return false;
  int rkind;
  if (kind == WT_SYNC_MUTEX) {
    if (mutex_checks_errors(a)) return false;
    rkind = WT_R_DOUBLE_LOCK;
  } else if (kind == WT_SYNC_RWLOCK) {
    /* Read locks may be taken again; anything with a write blocks. */
    if (!write && !h->write) return false;
    rkind = WT_R_RW_DOUBLE_LOCK;
  } else if (kind == WT_SYNC_SPIN) {
    rkind = WT_R_SPIN_DOUBLE_LOCK;
  } else if (kind == WT_SYNC_OMP_LOCK) { /* a simple one: omp.c asks for no nest lock */
    rkind = WT_R_OMP_DOUBLE_LOCK;
  } else if (kind == WT_SYNC_OMP_CRITICAL) {
    rkind = WT_R_OMP_CRITICAL_NESTED;
  } else {
    return false;
  }
  wt_report_misuse r = {.obj_addr = (uintptr_t)a, .obj_uid = h->uid, .obj_kind = (uint32_t)kind,
                        .write = write, .other_thread = ~0u, .other_ctx = h->ctx,
                        .other_write = h->write, .other_uid = ~0u};
  report(t, rkind, pc, &r);
  return true;
}

/* ---- unlock --------------------------------------------------------------- */
void wt_misuse_unlock(wt_thread *t, const volatile void *a, int kind, int state,
                      uint32_t owner, uintptr_t pc) {
  int rkind;
  if (kind == WT_SYNC_MUTEX) {
    /* Types that check return EPERM, a result the program may test for
     * (an error-checking mutex is asked for that).  Except one: a
     * recursive mutex unlocked more times than it was locked, which is a
     * count gone wrong in the program, whatever the return value says. */
    bool over = state == WT_HELD_NOT && (mutex_kind(a) & KIND_TYPE) == PTHREAD_MUTEX_RECURSIVE &&
                !(mutex_kind(a) & (KIND_ROBUST | KIND_PI | KIND_PP));
    if (!over && mutex_checks_errors(a)) return;
    rkind = state == WT_HELD_NOT ? WT_R_UNLOCK_UNLOCKED : WT_R_UNLOCK_FOREIGN;
  } else if (kind == WT_SYNC_RWLOCK) {
    rkind = state == WT_HELD_NOT ? WT_R_RW_UNLOCK_UNLOCKED : WT_R_RW_UNLOCK_FOREIGN;
  } else {
    return;
  }
  wt_report_misuse r = object(a, (uint32_t)kind);
  r.other_thread = owner;
  report(t, rkind, pc, &r);
}

/* ---- a timed wait's timeout --------------------------------------------------
 * glibc fails such a call with EINVAL at once: a loop that means to wait
 * a while spins instead, or gives up, and no one notices. */
void wt_misuse_timeout(wt_thread *t, const volatile void *obj, int kind,
                       const struct timespec *ts, uintptr_t pc) {
  if (t->in_rt || !ts || (ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000L)) return;
  int e = errno;
  wt_report_misuse r = object(obj, (uint32_t)kind);
  report(t, WT_R_BAD_TIMEOUT, pc, &r);
  errno = e;
}

/* Held by a writer (its uid in *owner) or by readers (*owner = ~0u). */
static bool lock_held(wt_sync *s, uint32_t *owner, uint32_t *uid) {
  wt_spin_lock(&s->lock);
  bool held = (s->owner_uid != ~0u && s->recursion > 0) || s->readers > 0;
  *owner = s->recursion > 0 ? s->owner_uid : ~0u;
  *uid = s->uid;
  wt_spin_unlock(&s->lock);
  return held;
}

/* Before omp_unset_lock: libomp releases a lock whoever asks (the next
 * owner then shares it with the first), or stops the program with an
 * assertion when no one held it; either way the report comes first. */
bool wt_misuse_omp_unset(wt_thread *t, uintptr_t id, uintptr_t pc) {
  if (wt_held_find(t, id)) return false;
  wt_report_misuse r = object((const void *)id, WT_SYNC_OMP_LOCK);
  wt_sync *s = wt_sync_find(id);
  uint32_t owner = ~0u, uid;
  bool held = s && lock_held(s, &owner, &uid);
  r.other_thread = owner;
  report(t, held ? WT_R_OMP_UNLOCK_FOREIGN : WT_R_OMP_UNLOCK_UNLOCKED, pc, &r);
  return true;
}

/* ---- destroy of a held lock ----------------------------------------------- */
bool wt_misuse_destroy(wt_thread *t, const volatile void *a, int kind, uintptr_t pc) {
  if (kind != WT_SYNC_MUTEX && kind != WT_SYNC_RWLOCK) return false;
  if (kind == WT_SYNC_MUTEX) note_destroyed(t, a, pc);
  wt_sync *s = wt_sync_find((uintptr_t)a);
  uint32_t owner, uid;
  if (!s || !lock_held(s, &owner, &uid)) return false;
  wt_report_misuse r = {.obj_addr = (uintptr_t)a, .obj_uid = uid, .obj_kind = (uint32_t)kind,
                        .other_thread = owner, .other_uid = ~0u};
  report(t, kind == WT_SYNC_RWLOCK ? WT_R_RW_DESTROY_LOCKED : WT_R_DESTROY_LOCKED, pc, &r);
  return true;
}

/* ---- initialization of a held lock -------------------------------------------
 * The holder's unlock then works on a fresh lock, and waiters blocked in
 * the old one may never wake.  A holder that has ended was reported as it
 * ended, and re-initializing is how a program recovers: left out.  After
 * fork the child's locks held by other threads are already cleared. */
void wt_misuse_reinit(wt_thread *t, const volatile void *a, int kind, uintptr_t pc) {
  if (t->in_rt) return;
  wt_sync *s = wt_sync_find((uintptr_t)a);
  uint32_t owner, uid;
  if (!s || !lock_held(s, &owner, &uid)) return;
  int e = errno;
  wt_report_thread th;
  if (!(owner != ~0u && wt_thread_describe(owner, &th) && !th.running)) {
    wt_report_misuse r = {.obj_addr = (uintptr_t)a, .obj_uid = uid, .obj_kind = (uint32_t)kind,
                          .other_thread = owner, .other_uid = ~0u};
    report(t, kind == WT_SYNC_RWLOCK ? WT_R_RW_INIT_LOCKED : WT_R_INIT_LOCKED, pc, &r);
  }
  errno = e;
}

/* ---- small tables by address ------------------------------------------------
 * Condition variables with waiters, barriers, semaphores and pthread_t
 * values, each a record in one chained hash with striped locks.  Records
 * are few (live objects only) and capped: past MAX_RECORDS the checks
 * that need a new record are skipped, said once. */
#define STRIPES 64
#define BUCKETS 4096
#define MAX_RECORDS (1u << 16)

enum { REC_COND = 1, REC_BARRIER, REC_SEM, REC_THREAD };
enum { TH_DETACHED = 1, TH_JOINED };

typedef struct rec {
  struct rec *next;
  uintptr_t addr;
  uint32_t type;
  uint32_t a, b, c, d;     /* by type, see below */
  uint32_t thread;
  wt_ctx ctx;
  uint64_t clk;            /* cond: the first waiter's clock as it waited */
} rec;

static wt_spin stripe[STRIPES];
static rec *bucket[BUCKETS];
static rec *free_recs;
static wt_spin free_lock;
static _Atomic uint32_t nrecs;

static uint32_t bucket_of(uintptr_t addr, uint32_t type) {
  return slot_of(addr ^ type, 12);
}

/* Under the stripe lock of the bucket. */
static rec **find(uintptr_t addr, uint32_t type) {
  rec **pp = &bucket[bucket_of(addr, type)];
  while (*pp && ((*pp)->addr != addr || (*pp)->type != type)) pp = &(*pp)->next;
  return pp;
}

static wt_spin *lock_of(uintptr_t addr, uint32_t type) {
  return &stripe[bucket_of(addr, type) % STRIPES];
}

static rec *rec_new(uintptr_t addr, uint32_t type) {
  if (atomic_fetch_add_explicit(&nrecs, 1, memory_order_relaxed) >= MAX_RECORDS) {
    atomic_fetch_sub_explicit(&nrecs, 1, memory_order_relaxed);
    static _Atomic int warned;
    if (!atomic_exchange_explicit(&warned, 1, memory_order_relaxed))
      wt_printf("weft: table of condition variables, barriers, semaphores and thread "
                "ids full; their misuse checks skip new ones\n");
    return 0;
  }
  wt_spin_lock(&free_lock);
  rec *r = free_recs;
  if (r) free_recs = r->next;
  wt_spin_unlock(&free_lock);
  if (!r) r = wt_alloc(sizeof *r);
  *r = (rec){.addr = addr, .type = type};
  return r;
}

static void rec_drop(rec **pp) {
  rec *r = *pp;
  *pp = r->next;
  wt_spin_lock(&free_lock);
  r->next = free_recs;
  free_recs = r;
  wt_spin_unlock(&free_lock);
  atomic_fetch_sub_explicit(&nrecs, 1, memory_order_relaxed);
}

static rec *get(uintptr_t addr, uint32_t type, bool create) {
  rec **pp = find(addr, type);
  if (*pp || !create) return *pp;
  rec *r = rec_new(addr, type);
  if (r) {
    r->next = bucket[bucket_of(addr, type)];
    bucket[bucket_of(addr, type)] = r;
  }
  return r;
}

/* ---- condition variables: a = waiters, b = their mutex's uid --------------- *
 * thread and ctx: the first waiter and its wait (the one that bound the
 * condition to the mutex); d = its slot + 1 while it waits with no
 * timeout (a timed waiter recovers from a lost wake-up: left out), clk
 * its own clock then, which the mutex's release in the wait publishes. */
/* Returns false if the wait was reported for a mutex not held (the unlock
 * that follows is then not reported again). */
bool wt_misuse_cond_begin(wt_thread *t, const volatile void *cv, const volatile void *mx,
                          bool forever, uintptr_t pc) {
  const wt_held *h = wt_held_find(t, (uintptr_t)mx);
  bool held = h && h->write;
  if (!held && !mutex_checks_errors(mx)) {
    wt_report_misuse r = object(mx, WT_SYNC_MUTEX);
    r.cond_addr = (uintptr_t)cv;
    wt_sync *s = wt_sync_find((uintptr_t)mx);
    if (s && s->recursion > 0) r.other_thread = s->owner_uid;
    report(t, WT_R_COND_NO_MUTEX, pc, &r);
    return false;
  }
  if (!held) return true;
  wt_spin *l = lock_of((uintptr_t)cv, REC_COND);
  wt_spin_lock(l);
  rec *c = get((uintptr_t)cv, REC_COND, true);
  wt_report_misuse r;
  bool clash = false;
  if (c && c->a > 0 && c->b != h->uid) {
    clash = true;
    r = (wt_report_misuse){.obj_addr = (uintptr_t)mx, .obj_uid = h->uid,
                           .obj_kind = WT_SYNC_MUTEX, .other_thread = c->thread,
                           .other_ctx = c->ctx, .other_uid = c->b, .cond_addr = (uintptr_t)cv};
  } else if (c && c->a == 0) {
    c->b = h->uid;
    c->thread = t->uid;
    c->ctx = 0;
    c->d = forever ? t->slot + 1 : 0;
    c->clk = t->vc.clk[t->slot];
  }
  bool fill = c && c->a == 0;
  if (c) c->a++;
  wt_spin_unlock(l);
  if (fill) {
    /* The stack of the wait that bound the condition to its mutex, made
     * outside the stripe lock. */
    wt_ctx ctx = wt_ctx_current(t, pc);
    wt_spin_lock(l);
    c = get((uintptr_t)cv, REC_COND, false);
    if (c && c->thread == t->uid && c->ctx == 0) c->ctx = ctx;
    wt_spin_unlock(l);
  }
  if (clash) report(t, WT_R_COND_TWO_MUTEXES, pc, &r);
  return true;
}

/* c counts the waiters a signal or broadcast may have woken that have not
 * left the wait yet: they are no longer blocked, so a destroy right after
 * a broadcast (which POSIX allows) is not reported.  A waiter that timed
 * out was not woken by anyone and leaves c alone. */
void wt_misuse_cond_end(wt_thread *t, const volatile void *cv, bool timedout) {
  wt_spin *l = lock_of((uintptr_t)cv, REC_COND);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)cv, REC_COND);
  if (*pp) {
    rec *r = *pp;
    if (!timedout && r->c) r->c--;
    if (r->thread == t->uid) r->d = 0;
    if (--r->a == 0) rec_drop(pp);
    else if (r->c > r->a) r->c = r->a;
  }
  wt_spin_unlock(l);
}

/* The lost wake-up hazard.  A waiter checks its predicate under the
 * mutex and waits; the mutex's release in the wait is the last thing it
 * publishes.  A signaller whose clock does not cover that release has
 * not held the mutex since (nor learnt anything from someone who has):
 * it may have changed the predicate after the check and before the
 * wait, and then its signal finds no one, and the waiter sleeps on a
 * true predicate.  "Change the predicate under the mutex, unlock, then
 * signal" covers it and is silent.  Later waiters took the mutex after
 * the first one's release, so the first one is the test for all. */
static bool wake_uncovered(const wt_thread *t, const rec *r) {
  if (!r->d || r->a <= r->c) return false;
  uint32_t slot = r->d - 1;
  return slot != t->slot && (slot >= t->vc.n || t->vc.clk[slot] < r->clk);
}

void wt_misuse_cond_wake(wt_thread *t, const volatile void *cv, bool all, uintptr_t pc) {
  /* A signal nobody waits for is the common case: an empty bucket needs
   * no lock.  A waiter entering meanwhile is one the signal need not
   * wake (the program orders the two by the mutex, if at all). */
  if (!__atomic_load_n(&bucket[bucket_of((uintptr_t)cv, REC_COND)], __ATOMIC_RELAXED)) return;
  wt_spin *l = lock_of((uintptr_t)cv, REC_COND);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)cv, REC_COND);
  bool hazard = false;
  uint32_t waiter = ~0u, uid = ~0u;
  wt_ctx wait_ctx = 0;
  if (*pp) {
    rec *r = *pp;
    if ((hazard = wake_uncovered(t, r))) {
      waiter = r->thread;
      wait_ctx = r->ctx;
      uid = r->b;
    }
    r->c = all ? r->a : r->c + (r->c < r->a);
  }
  wt_spin_unlock(l);
  if (!hazard) return;
  wt_report_misuse m = object(cv, WT_SYNC_COND);
  m.other_thread = waiter;
  m.other_ctx = wait_ctx;
  m.other_uid = uid;
  m.write = all;
  report(t, WT_R_COND_SIGNAL_UNCOVERED, pc, &m);
}

/* True (reported) if threads are blocked in it: glibc's destroy would
 * wait for them to leave, for ever. */
bool wt_misuse_cond_destroy(wt_thread *t, const volatile void *cv, uintptr_t pc) {
  wt_spin *l = lock_of((uintptr_t)cv, REC_COND);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)cv, REC_COND);
  uint32_t blocked = *pp && (*pp)->a > (*pp)->c ? (*pp)->a - (*pp)->c : 0;
  uint32_t uid = *pp ? (*pp)->b : ~0u;
  wt_spin_unlock(l);
  if (!blocked) return false;
  wt_report_misuse r = {.obj_addr = (uintptr_t)cv, .obj_uid = ~0u, .obj_kind = WT_SYNC_COND,
                        .other_thread = ~0u, .other_uid = uid, .count = blocked};
  wt_sync *s = wt_sync_find((uintptr_t)cv);
  if (s) r.obj_uid = s->uid;
  report(t, WT_R_COND_DESTROY, pc, &r);
  return true;
}

/* ---- barriers: a = count, b = arrived in the current round ----------------- */
void wt_misuse_barrier_init(const volatile void *b, unsigned count) {
  wt_spin *l = lock_of((uintptr_t)b, REC_BARRIER);
  wt_spin_lock(l);
  rec *r = get((uintptr_t)b, REC_BARRIER, true);
  if (r) {
    r->a = count;
    r->b = 0;
  }
  wt_spin_unlock(l);
}

/* Before the real wait: the last arrival completes the round. */
void wt_misuse_barrier_arrive(const volatile void *b) {
  wt_spin *l = lock_of((uintptr_t)b, REC_BARRIER);
  wt_spin_lock(l);
  rec *r = get((uintptr_t)b, REC_BARRIER, false);
  if (r && ++r->b >= r->a) r->b = 0;
  wt_spin_unlock(l);
}

/* True (after the report) if threads are blocked in it. */
bool wt_misuse_barrier_destroy(wt_thread *t, const volatile void *b, uintptr_t pc) {
  wt_spin *l = lock_of((uintptr_t)b, REC_BARRIER);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)b, REC_BARRIER);
  uint32_t waiting = *pp ? (*pp)->b : 0;
  if (*pp && !waiting) rec_drop(pp);
  wt_spin_unlock(l);
  if (!waiting) return false;
  wt_report_misuse r = object(b, WT_SYNC_BARRIER);
  r.count = waiting;
  report(t, WT_R_BARRIER_DESTROY, pc, &r);
  return true;
}

/* A new count under threads blocked in the old round would strand them. */
bool wt_misuse_barrier_reinit(wt_thread *t, const volatile void *b, uintptr_t pc) {
  wt_spin *l = lock_of((uintptr_t)b, REC_BARRIER);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)b, REC_BARRIER);
  uint32_t waiting = *pp ? (*pp)->b : 0;
  wt_spin_unlock(l);
  if (!waiting) return false;
  wt_report_misuse r = object(b, WT_SYNC_BARRIER);
  r.count = waiting;
  wt_sync *s = wt_sync_find((uintptr_t)b);
  if (s) r.obj_uid = s->uid;
  report(t, WT_R_BARRIER_INIT, pc, &r);
  return true;
}

/* ---- semaphores: a = initial value, b = posts, c = units taken, d = waiters */
void wt_misuse_sem_init(const volatile void *s, unsigned value) {
  wt_spin *l = lock_of((uintptr_t)s, REC_SEM);
  wt_spin_lock(l);
  rec *r = get((uintptr_t)s, REC_SEM, true);
  if (r) r->a = value, r->b = r->c = r->d = 0;
  wt_spin_unlock(l);
}

/* post: before the real post.  wait: begin (before a blocking or timed
 * wait) and end (after it); a trywait that took a unit only took.  A wait
 * that took a unit stops waiting and counts the unit in one step: between
 * the two, a destroy would see one waiter more than units left. */
enum { SEM_POST = 1, SEM_BEGIN = 2, SEM_END = 4, SEM_TOOK = 8 };
static void sem_note(const volatile void *s, int what) {
  wt_spin *l = lock_of((uintptr_t)s, REC_SEM);
  wt_spin_lock(l);
  rec *r = get((uintptr_t)s, REC_SEM, false);
  if (r) {
    if (what & SEM_POST) r->b++;
    if (what & SEM_BEGIN) r->d++;
    if (what & SEM_TOOK) r->c++;
    if ((what & SEM_END) && r->d) r->d--;
  }
  wt_spin_unlock(l);
}
void wt_misuse_sem_post(const volatile void *s) { sem_note(s, SEM_POST); }
void wt_misuse_sem_wait_begin(const volatile void *s) { sem_note(s, SEM_BEGIN); }
void wt_misuse_sem_wait_end(const volatile void *s, bool took) {
  sem_note(s, SEM_END | (took ? SEM_TOOK : 0));
}
void wt_misuse_sem_took(const volatile void *s) { sem_note(s, SEM_TOOK); }

/* Blocked waiters: more than the units they can still take (under the
 * stripe lock). */
static uint32_t sem_blocked(const rec *r) {
  int64_t units = (int64_t)r->a + r->b - r->c;
  return (int64_t)r->d > units ? (uint32_t)((int64_t)r->d - (units > 0 ? units : 0)) : 0;
}

/* Waiters beyond the units they can still take are blocked with no way
 * out: a woken waiter that has its unit but has not returned yet is
 * covered by the unit it took being still counted as available. */
bool wt_misuse_sem_destroy(wt_thread *t, const volatile void *s, uintptr_t pc) {
  wt_spin *l = lock_of((uintptr_t)s, REC_SEM);
  wt_spin_lock(l);
  rec **pp = find((uintptr_t)s, REC_SEM);
  uint32_t blocked = 0;
  if (*pp && !(blocked = sem_blocked(*pp))) rec_drop(pp);
  wt_spin_unlock(l);
  if (!blocked) return false;
  wt_report_misuse r = object(s, WT_SYNC_SEM);
  r.count = blocked;
  report(t, WT_R_SEM_DESTROY, pc, &r);
  return true;
}

/* Before the real sem_init: true (reported) if threads are blocked in the
 * semaphore.  glibc's init would zero its count of waiters, so later
 * posts would not wake them. */
bool wt_misuse_sem_reinit(wt_thread *t, const volatile void *s, uintptr_t pc) {
  if (!__atomic_load_n(&bucket[bucket_of((uintptr_t)s, REC_SEM)], __ATOMIC_RELAXED)) return false;
  wt_spin *l = lock_of((uintptr_t)s, REC_SEM);
  wt_spin_lock(l);
  rec *r = get((uintptr_t)s, REC_SEM, false);
  uint32_t blocked = r ? sem_blocked(r) : 0;
  wt_spin_unlock(l);
  if (!blocked) return false;
  wt_report_misuse m = object(s, WT_SYNC_SEM);
  m.count = blocked;
  report(t, WT_R_SEM_INIT, pc, &m);
  return true;
}

/* ---- destroyed semaphores, barriers and condition variables -------------
 * glibc's sem_destroy does nothing, and pthread_barrier_destroy and
 * pthread_cond_destroy leave the object usable, so a call on a destroyed
 * one goes on working until its memory is reused, and the bug shows later
 * as corruption elsewhere (or a wait racing with the destroy).  weft marks the destroyed object: the
 * word where glibc keeps its futex flag (0 private, 128 shared; the third
 * int of a sem_t, the fourth of a barrier), or a condition variable's
 * second group size, gets a value glibc never writes there, which the
 * init functions (and PTHREAD_COND_INITIALIZER) overwrite.  Calls on a
 * marked object are reported and fail with EINVAL, which POSIX gives for
 * an invalid object (thrd_error for C11's). */
#define DEAD_MARK 0x77656674

void wt_misuse_mark_destroyed(wt_thread *t, volatile void *obj, int word, uintptr_t pc) {
  note_destroyed(t, obj, pc);
  ((volatile int *)obj)[word] = DEAD_MARK;
}

bool wt_misuse_dead(wt_thread *t, const volatile void *obj, int word, int sync_kind,
                    uintptr_t pc) {
  if (WT_LIKELY(((const volatile int *)obj)[word] != DEAD_MARK)) return false;
  wt_report_misuse r = {.obj_addr = (uintptr_t)obj, .obj_uid = ~0u,
                        .obj_kind = (uint32_t)sync_kind, .other_thread = ~0u,
                        .other_uid = ~0u};
  where_destroyed(obj, &r);
  report(t,
         sync_kind == WT_SYNC_SEM       ? WT_R_SEM_USE_DESTROYED
         : sync_kind == WT_SYNC_BARRIER ? WT_R_BARRIER_USE_DESTROYED
                                        : WT_R_COND_USE_DESTROYED,
         pc, &r);
  return true;
}

/* ---- condition variables never initialized -----------------------------
 * A condition variable weft has not seen used since its memory began (or
 * since its init) must hold what pthread_cond_init or
 * PTHREAD_COND_INITIALIZER leaves: zeros, but for the clock and
 * process-shared bits of __wrefs.  Garbage there (a malloc'd block used
 * without init) is reported before glibc reads it as a cond, and the
 * call fails with EINVAL: glibc's signal can wait for ever on it.  The first
 * use that passes makes the sync object, so no later call, whatever
 * glibc then keeps in the memory, is checked again.  The memory is read
 * before the object is looked up: a thread that sees another's use in
 * the memory then sees the object that use made first.  A shared one may
 * belong to another process, which weft does not see: not checked. */
bool wt_misuse_cond_uninit(wt_thread *t, const volatile void *cv, uintptr_t pc) {
  const _Atomic unsigned *w = (const _Atomic unsigned *)cv;
  enum { N = sizeof(pthread_cond_t) / sizeof(unsigned),
         WREFS = offsetof(pthread_cond_t, __data.__wrefs) / sizeof(unsigned) };
  unsigned junk = 0, wrefs = atomic_load_explicit(&w[WREFS], memory_order_acquire);
  for (unsigned i = 0; i < N; i++)
    if (i != WREFS) junk |= atomic_load_explicit(&w[i], memory_order_relaxed);
  if (wt_sync_find((uintptr_t)cv)) return false;
  if (!junk && !(wrefs & ~3u)) {
    wt_sync_get(t, (uintptr_t)cv, WT_SYNC_COND, pc);
    return false;
  }
  if (wrefs & 1u) return false; /* process-shared */
  wt_report_misuse r = {.obj_addr = (uintptr_t)cv, .obj_uid = ~0u, .obj_kind = WT_SYNC_COND,
                        .other_thread = ~0u, .other_uid = ~0u};
  report(t, WT_R_COND_USE_UNINIT, pc, &r);
  return true;
}

/* ---- threads: pthread_t -> a = TH_DETACHED/TH_JOINED, thread = its uid ------ */
static void thread_note(uintptr_t th, uint32_t state, uint32_t uid, wt_ctx ctx) {
  wt_spin *l = lock_of(th, REC_THREAD);
  wt_spin_lock(l);
  if (state == 0) {
    rec **pp = find(th, REC_THREAD);
    if (*pp) rec_drop(pp);
  } else {
    rec *r = get(th, REC_THREAD, true);
    if (r) r->a = state, r->thread = uid, r->ctx = ctx;
  }
  wt_spin_unlock(l);
}

/* A new thread got this pthread_t: whatever it named before is gone. */
void wt_misuse_thread_created(wt_thread *t, uintptr_t th, uint32_t uid, bool detached,
                              uintptr_t pc) {
  thread_note(th, detached ? TH_DETACHED : 0, uid, detached ? wt_ctx_current(t, pc) : 0);
}
void wt_misuse_thread_detached(wt_thread *t, uintptr_t th, uint32_t uid, uintptr_t pc) {
  thread_note(th, TH_DETACHED, uid, wt_ctx_current(t, pc));
}
void wt_misuse_thread_joined(wt_thread *t, uintptr_t th, uint32_t uid, uintptr_t pc) {
  thread_note(th, TH_JOINED, uid, wt_ctx_current(t, pc));
}

/* Before a join: 0, or the error to return without joining (the real
 * call on a detached or joined thread reads a descriptor that may be
 * freed or reused, and can crash or wait forever). */
/* The pthread_t's state (0: neither), filling m with the thread and the
 * stack that detached or joined it. */
static uint32_t thread_state(uintptr_t th, wt_report_misuse *m) {
  wt_spin *l = lock_of(th, REC_THREAD);
  wt_spin_lock(l);
  rec *r = get(th, REC_THREAD, false);
  *m = (wt_report_misuse){.obj_addr = th, .obj_uid = ~0u, .obj_kind = WT_SYNC_THREAD,
                          .other_thread = r ? r->thread : ~0u, .other_ctx = r ? r->ctx : 0,
                          .other_uid = ~0u};
  uint32_t state = r ? r->a : 0;
  wt_spin_unlock(l);
  return state;
}

int wt_misuse_join(wt_thread *t, uintptr_t th, uintptr_t pc) {
  wt_report_misuse m;
  uint32_t state = thread_state(th, &m);
  if (!state) {
    /* A value no thread weft knows has ever had (every pthread_create
     * goes through weft, and a thread made behind its back is adopted
     * at its first call): glibc would read it as a descriptor and crash. */
    if (th == (uintptr_t)pthread_self() || wt_thread_by_pthread(th)) return 0;
    report(t, WT_R_JOIN_INVALID, pc, &m);
    return ESRCH;
  }
  report(t, state == TH_DETACHED ? WT_R_JOIN_DETACHED : WT_R_JOIN_JOINED, pc, &m);
  return state == TH_DETACHED ? EINVAL : ESRCH;
}

/* Before a detach: the same for a thread already detached or joined
 * (glibc's descriptor may be freed by then). */
int wt_misuse_detach(wt_thread *t, uintptr_t th, uintptr_t pc) {
  wt_report_misuse m;
  uint32_t state = thread_state(th, &m);
  if (!state) return 0;
  report(t, state == TH_DETACHED ? WT_R_DETACH_DETACHED : WT_R_DETACH_JOINED, pc, &m);
  return state == TH_DETACHED ? EINVAL : ESRCH;
}

/* ---- a thread ending with locks held ---------------------------------------
 * Robust mutexes are made for this (the next owner gets EOWNERDEAD) and
 * are left out.  ctx: where it exits (pthread_exit's caller, or its start
 * routine's end). */
void wt_misuse_thread_exit(wt_thread *t, uintptr_t pc, wt_ctx ctx, uint32_t by) {
  wt_report_misuse r = {.obj_uid = ~0u, .obj_kind = WT_SYNC_THREAD, .other_thread = by,
                        .other_uid = ~0u};
  for (uint32_t i = 0; i < t->nheld; i++) {
    const wt_held *h = &t->held[i];
    /* Read the mutex only while it still exists. */
    if (h->sync->kind == WT_SYNC_MUTEX && wt_sync_find(h->sync->addr) == h->sync &&
        h->sync->uid == h->uid && (mutex_kind((const void *)h->sync->addr) & KIND_ROBUST))
      continue;
    if (r.nlocks_kept < WT_REPORT_CYCLE)
      r.locks[r.nlocks_kept++] = (wt_report_edge){.thread_uid = t->uid, .held_uid = h->uid,
                                                 .held_write = h->write, .held_ctx = h->ctx};
    r.nlocks++;
  }
  if (r.nlocks) wt_report_misuse_event(t, WT_R_EXIT_HOLDING, pc, ctx, &r);
}

/* In a forked child only the forking thread exists: nobody waits on a
 * condition, a barrier or a semaphore any more, and a condition is bound
 * to no mutex (the child may re-initialise the mutex it used). */
void wt_misuse_after_fork_child(void) {
  for (uint32_t i = 0; i < BUCKETS; i++)
    for (rec **pp = &bucket[i]; *pp;) {
      rec *r = *pp;
      if (r->type == REC_COND) {
        rec_drop(pp);
        continue;
      }
      if (r->type == REC_BARRIER) r->b = 0;
      if (r->type == REC_SEM) r->d = 0;
      pp = &r->next;
    }
}

void wt_misuse_fork_lock(bool lock) {
  if (lock) {
    for (uint32_t i = 0; i < STRIPES; i++) wt_spin_lock(&stripe[i]);
    wt_spin_lock(&free_lock);
  } else {
    wt_spin_unlock(&free_lock);
    for (uint32_t i = 0; i < STRIPES; i++) wt_spin_unlock(&stripe[i]);
  }
}

/* ---- calls inside asynchronous signal handlers --------------------------------
 * The handler may have interrupted the same call (malloc's arena lock
 * held, a stdio buffer half written): it deadlocks or corrupts, rarely,
 * and only in production.  fn is the interceptor, shown as the top frame. */
void wt_misuse_signal_unsafe(wt_thread *t, uintptr_t pc, uintptr_t fn) {
  int e = errno;
  wt_report_misuse m = {.obj_uid = ~0u, .other_thread = ~0u, .other_uid = ~0u,
                        .count = (uint32_t)t->signal_no};
  /* The report's own allocations are not the program's calls. */
  uint32_t depth = t->in_signal;
  t->in_signal = 0;
  wt_report_misuse_event(t, WT_R_SIGNAL_UNSAFE, pc, wt_ctx_access_in(t, pc, fn), &m);
  t->in_signal = depth;
  errno = e;
}
