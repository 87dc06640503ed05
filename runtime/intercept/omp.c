/* OpenMP: weft is an OMPT tool by itself.  LLVM's libomp looks up
 * ompt_start_tool in the program before anything else, finds this one
 * (the runtime is linked whole into the executable) and reports its
 * parallel regions, barriers, tasks, locks and critical sections through
 * the callbacks below.  Each becomes a happens-before edge through a
 * clock this file owns; locks also go through sync.c, so they count
 * among a report's held locks, in the lock-order graph and in the
 * watchdog.  libomp's own synchronization (futexes, atomics, and the
 * pthread calls it makes) says nothing about the program's and is left
 * out: intercept.h passes calls made from libomp's code through.
 *
 * The model (docs/openmp.md):
 *   parallel begin  -> each implicit task's start
 *   barrier arrival -> every thread's leaving that barrier; a team
 *                      alternates two clocks, since a thread may arrive
 *                      at the next barrier before a slow one has left
 *                      this one
 *   task creation   -> its start; a task's completion -> the creator's
 *                      taskwait, the end of its taskgroup and of the
 *                      barrier after it, and its dependent siblings
 *   lock/critical   -> through sync.c, as a mutex
 *   reduction       -> the combining libomp does is not checked: it is
 *                      ordered by the runtime, not by the program
 *   doacross post   -> the waits for that iteration
 * Tasks run on threads and share their clocks, so two unordered tasks
 * that happen to run on one thread are not found to race (as with
 * Archer).  Where OMPT says too little or too late, the __kmpc_* calls
 * the compiler emits are intercepted (task memory, taskloop copies,
 * doacross, task reductions); where libomp's own data cannot be
 * trusted (a nested team's parallel data), weft's tasks are. */
#include "intercept.h"

#include <omp-tools.h>

#include <stdlib.h>

uintptr_t wt_omp_lo, wt_omp_hi;
static bool started;

/* A clock the OpenMP constructs release into and acquire from. */
typedef struct oclock {
  wt_spin lock;
  wt_vc vc;
} oclock;

static void o_release(wt_thread *t, oclock *c) {
  wt_spin_lock(&c->lock);
  wt_release(t, &c->vc);
  wt_spin_unlock(&c->lock);
}

static void o_acquire(wt_thread *t, oclock *c) {
  wt_spin_lock(&c->lock);
  wt_acquire(t, &c->vc);
  wt_spin_unlock(&c->lock);
}

/* libomp reports a task's completion after it has counted the task
 * done, so a thread leaving a barrier, taskwait or taskgroup may get there
 * before the completion's edge is in the clock (seen with tasks of
 * libomp's hidden helper threads).  Each of those counts its tasks not yet
 * reported complete and waits for none to be left: only as long as the
 * gap between libomp's count and its callback, and never more than some
 * milliseconds, so a completion that is never reported costs a missed
 * edge, not a hang. */
/* One round of a bounded wait for another thread's callback; false once
 * it has waited long enough (some milliseconds) to give up the edge. */
static bool spin_more(uint32_t *spins) {
  if (++*spins > 20000) return false;
  if (*spins > 64) wt_yield();
  else __builtin_ia32_pause();
  return true;
}

static void wait_none(_Atomic uint32_t *pending) {
  uint32_t spins = 0;
  while (atomic_load_explicit(pending, memory_order_acquire) != 0 && spin_more(&spins)) {
  }
}

/* A parallel region (or the initial task's implicit one). */
struct odoacross;
typedef struct oteam {
  oclock fork;
  oclock barrier[2];
  const void *where;   /* the construct's return address in the program */
  uint32_t refs;       /* the region until it ends, and each implicit task */
  _Atomic uint32_t pending[2]; /* tasks created before each barrier, not yet
                                  reported complete */
  struct oteam *next_live, *prev_live; /* under teams_lock */
  wt_spin lock;        /* guards the doacross table */
  struct odoacross **doacross; /* the iterations its doacross loops named, */
  uint32_t doacross_cap, doacross_n; /* open addressing by key */
} oteam;

/* A dependence object: one per variable named in depend clauses of
 * sibling tasks, kept by their parent. */
typedef struct odep {
  oclock in, out, inoutset;
} odep;

typedef struct otaskgroup {
  oclock done;
  _Atomic uint32_t pending; /* its tasks not yet reported complete */
  struct otaskgroup *parent;
} otaskgroup;

typedef struct odep_use {
  odep *dep;
  int type; /* ompt_dependence_type_t */
} odep_use;

typedef struct otask {
  oclock self;         /* creation, suspension -> (re)start */
  oclock taskwait;     /* children's completion -> taskwait */
  oclock all_last, all_next; /* omp_all_memory epochs of the children */
  oteam *team;
  oteam *child_team;   /* the latest region this task encountered */
  struct otask *parent;
  otaskgroup *group;
  odep_use *uses;      /* this task's own dependences */
  uint32_t nuses;
  bool all_memory;     /* depend on omp_all_memory */
  bool started;
  bool worker;         /* an implicit task of a thread other than the master */
  bool team_ref;       /* an implicit task: it holds a reference to its team */
  bool in_barrier;     /* accesses are ignored (no reduction events) */
  const void *where;   /* where the program created it (a return address) */
  uint32_t pushed;     /* shadow stack depth with `where` on top, or 0 */
  uint8_t barrier;     /* which of the team's two barrier clocks is next */
  int flags;           /* ompt_task_flag_t */
  uint32_t children;   /* explicit tasks created */
  _Atomic uint32_t pending_children; /* ... not yet reported complete */
  bool counted;        /* in those counts until it completes */
  _Atomic uint32_t refs; /* itself and each child not yet freed */
  /* The children's dependence objects, by variable address. */
  uintptr_t *dep_keys;
  odep **dep_vals;
  uint32_t dep_cap, dep_n;
} otask;

static int have_reduction_events;
static _Atomic(oteam *) league; /* the teams league running, if any */
static bool is_barrier(ompt_sync_region_t kind);
static ompt_get_task_info_t get_task_info;

/* Every team not yet freed, so that a pointer from libomp's data (which
 * may be stale: see team_begun) is used only if it still names one. */
static wt_spin teams_lock;
static oteam *live_teams;

static oteam *team_new(void) {
  oteam *m = wt_alloc(sizeof(oteam));
  m->refs = 1;
  wt_spin_lock(&teams_lock);
  m->next_live = live_teams;
  if (live_teams) live_teams->prev_live = m;
  live_teams = m;
  wt_spin_unlock(&teams_lock);
  return m;
}

static void doacross_free(oteam *m);

static void team_free(oteam *m) {
  doacross_free(m);
  wt_sync_free_range((uintptr_t)m, sizeof *m); /* the barriers the watchdog saw */
  wt_vc_destroy(&m->fork.vc);
  wt_vc_destroy(&m->barrier[0].vc);
  wt_vc_destroy(&m->barrier[1].vc);
  wt_free(m, sizeof *m);
}

/* A team lives until its region has ended and each of its implicit tasks
 * is freed: libomp may report a thread's leaving the region's last
 * barrier after the master has ended the region. */
static void team_put(oteam *m) {
  wt_spin_lock(&teams_lock);
  bool last = --m->refs == 0;
  if (last) {
    if (m->prev_live) m->prev_live->next_live = m->next_live;
    else live_teams = m->next_live;
    if (m->next_live) m->next_live->prev_live = m->prev_live;
  }
  wt_spin_unlock(&teams_lock);
  if (last) team_free(m);
}

/* A reference to m if it is a team not yet freed, else 0.  The list is
 * short: the regions running at once. */
static oteam *team_ref(oteam *m) {
  if (!m) return 0;
  wt_spin_lock(&teams_lock);
  oteam *x = live_teams;
  while (x && x != m) x = x->next_live;
  if (x) x->refs++;
  wt_spin_unlock(&teams_lock);
  return x;
}

static otask *task_new(oteam *team, otask *parent, int flags) {
  otask *k = wt_alloc(sizeof *k);
  k->team = team;
  k->parent = parent;
  k->flags = flags;
  atomic_store_explicit(&k->refs, 1, memory_order_relaxed);
  if (parent) {
    k->team = parent->team;
    k->barrier = parent->barrier;
    k->group = parent->group;
    atomic_fetch_add_explicit(&parent->refs, 1, memory_order_relaxed);
  }
  return k;
}

static void task_free(otask *k) {
  while (k && atomic_fetch_sub_explicit(&k->refs, 1, memory_order_acq_rel) == 1) {
    otask *parent = k->parent;
    for (uint32_t i = 0; i < k->dep_cap; i++)
      if (k->dep_keys[i]) {
        odep *d = k->dep_vals[i];
        wt_vc_destroy(&d->in.vc);
        wt_vc_destroy(&d->out.vc);
        wt_vc_destroy(&d->inoutset.vc);
        wt_free(d, sizeof *d);
      }
    wt_free(k->dep_keys, k->dep_cap * sizeof *k->dep_keys);
    wt_free(k->dep_vals, k->dep_cap * sizeof *k->dep_vals);
    wt_free(k->uses, k->nuses * sizeof *k->uses);
    if (k->team_ref) team_put(k->team);
    wt_vc_destroy(&k->self.vc);
    wt_vc_destroy(&k->taskwait.vc);
    wt_vc_destroy(&k->all_last.vc);
    wt_vc_destroy(&k->all_next.vc);
    wt_free(k, sizeof *k);
    k = parent;
  }
}

static otask *task_of(ompt_data_t *d) { return d ? d->ptr : 0; }

/* A task's stacks go through the line that created it (for an implicit
 * task, its parallel construct): pushed on the shadow stack when it
 * starts, popped when it ends, if the stack is back where it was (an
 * untied task may have moved). */
static void push_where(wt_thread *t, otask *k) {
  if (!k->where) return;
  __weft_func_entry((void *)k->where);
  k->pushed = t->depth;
}

static void pop_where(wt_thread *t, otask *k) {
  if (k->pushed && t->depth == k->pushed) __weft_func_exit();
  k->pushed = 0;
}

/* ---- what the watchdog sees -----------------------------------------------
 * libomp waits on futexes of its own, so weft notes the waits OMPT
 * reports: a barrier (a thread inside it is blocked until the whole team
 * arrives, except while it runs a task there).  A worker's wait in the
 * barrier that closes a region lasts, for OMPT, until the next region
 * starts: it is noted as a worker waiting for work, which only the
 * master can give.  A barrier that some threads of the team never reach
 * is then a hang like any other. */
static __thread struct {
  otask *task;     /* the implicit task waiting in a barrier */
  uintptr_t obj, pc;
  bool closing;    /* the barrier at the end of the region */
  bool noted;      /* wt_wait_begin took it: wt_wait_end is due */
} bwait __attribute__((tls_model("initial-exec")));

static void barrier_note(wt_thread *t) {
  bool idle = bwait.task->worker && bwait.closing;
  bwait.noted = wt_wait_begin(t, idle ? WT_WAIT_OMP_IDLE : WT_WAIT_BARRIER, bwait.obj, false,
                              bwait.pc);
}

static void barrier_unnote(wt_thread *t) {
  if (bwait.noted) wt_wait_end(t);
  bwait.noted = false;
}

static void on_sync_region_wait(ompt_sync_region_t kind, ompt_scope_endpoint_t endpoint,
                                ompt_data_t *parallel, ompt_data_t *task, const void *ra) {
  wt_thread *t = wt_enter();
  otask *k = task_of(task);
  /* The tasks of a taskgroup are done when its wait ends, before libomp
   * combines their task_reduction copies (the group's end comes after). */
  if (kind == ompt_sync_region_taskgroup && endpoint == ompt_scope_end && k && k->group) {
    wait_none(&k->group->pending);
    o_acquire(t, &k->group->done);
  }
  if (!is_barrier(kind)) return;
  if (endpoint == ompt_scope_begin && k && k->team) {
    bwait.task = k;
    bwait.obj = (uintptr_t)&k->team->barrier[k->barrier];
    bwait.pc = (uintptr_t)ra;
    bwait.closing = kind == ompt_sync_region_barrier_implicit_parallel;
    wt_sync_get(t, bwait.obj, WT_SYNC_BARRIER, bwait.pc); /* a number for reports */
    barrier_note(t);
  } else if (endpoint == ompt_scope_end) {
    barrier_unnote(t);
    bwait.task = 0;
  }
}

/* ---- parallel regions and implicit tasks ------------------------------ */
static void on_parallel_begin(ompt_data_t *task, const ompt_frame_t *frame,
                              ompt_data_t *parallel, unsigned int n, int flags,
                              const void *ra) {
  wt_thread *t = wt_enter();
  otask *enc = task_of(task);
  if (!enc) return;
  oteam *m = team_new();
  m->where = ra;
  enc->child_team = m;
  parallel->ptr = m; /* for threads libomp gives no parent (team_begun) */
  if (flags & ompt_parallel_league) atomic_store_explicit(&league, m, memory_order_release);
  o_release(t, &m->fork);
}

/* The region ends for the task that encountered it: its team is that
 * task's latest, whatever the parallel data says (see team_begun). */
static void on_parallel_end(ompt_data_t *parallel, ompt_data_t *task, int flags,
                            const void *ra) {
  wt_thread *t = wt_enter();
  otask *enc = task_of(task);
  oteam *m = enc ? enc->child_team : 0;
  if (!m) return;
  wait_none(&m->pending[0]);
  wait_none(&m->pending[1]);
  o_acquire(t, &m->barrier[0]);
  o_acquire(t, &m->barrier[1]);
  enc->child_team = 0;
  oteam *expect = m;
  atomic_compare_exchange_strong(&league, &expect, (oteam *)0);
  team_put(m);
}

/* The region an implicit task belongs to, from the task that encountered
 * it (its parent in libomp's task tree).  Not from the parallel data:
 * libomp keeps it in the team structure, and hands a nested team's
 * structure to another thread's next nested region while the first one
 * still ends, so a region's parallel data can hold another region's
 * pointer.  Tasks are weft's own, and a task encounters one region at a
 * time.  A region found nowhere gets a team of its own, with no edge
 * from its start: a missed order, never a crash. */
static oteam *team_begun(int task_flags, ompt_data_t *parallel) {
  int flags = 0, num = 0;
  ompt_data_t *task = 0, *pd = 0;
  ompt_frame_t *frame = 0;
  oteam *m = 0;
  if (get_task_info && get_task_info(1, &flags, &task, &frame, &pd, &num) && task && task->ptr)
    m = team_ref(((otask *)task->ptr)->child_team);
  /* Else the parallel data, if it still names a team (libomp's hidden
   * helper teams have no parent task weft was told of); a team of a
   * teams league has no parent libomp will name: the league is the one
   * region of its kind running. */
  if (!m && parallel) m = team_ref(parallel->ptr);
  if (!m && (task_flags & ompt_task_initial))
    m = team_ref(atomic_load_explicit(&league, memory_order_acquire));
  return m ? m : team_new(); /* a new team's reference is the task's */
}

static void on_implicit_task(ompt_scope_endpoint_t endpoint, ompt_data_t *parallel,
                             ompt_data_t *task, unsigned int n, unsigned int index,
                             int flags) {
  wt_thread *t = wt_enter();
  if (endpoint == ompt_scope_begin) {
    if (task->ptr) return; /* the initial task, already seen in task_create */
    /* An initial task is the program's (a team of its own), or that of
     * a team of a teams league (the league's region, like any other). */
    oteam *m = team_begun(flags, parallel);
    otask *k = task_new(m, 0, flags);
    k->team_ref = true;
    k->started = true;
    k->worker = index != 0;
    task->ptr = k;
    o_acquire(t, &m->fork);
    /* Stacks inside the region go through the construct's line, in the
     * master and the workers alike. */
    k->where = m->where;
    push_where(t, k);
    if (m->where) wt_thread_set_omp(t, index, (uintptr_t)m->where);
  } else if (endpoint == ompt_scope_end) {
    otask *k = task_of(task);
    if (!k) return;
    pop_where(t, k);
    if (k->worker) wt_thread_set_omp(t, 0, 0); /* back in the pool */
    task->ptr = 0;
    task_free(k);
  }
}

/* ---- barriers, taskwait, taskgroup ------------------------------------ */
static bool is_barrier(ompt_sync_region_t kind) {
  switch (kind) {
  case ompt_sync_region_barrier:
  case ompt_sync_region_barrier_implicit:
  case ompt_sync_region_barrier_explicit:
  case ompt_sync_region_barrier_implementation:
  case ompt_sync_region_barrier_implicit_workshare:
  case ompt_sync_region_barrier_implicit_parallel:
  case ompt_sync_region_barrier_teams:
    return true;
  default:
    return false;
  }
}

static void on_sync_region(ompt_sync_region_t kind, ompt_scope_endpoint_t endpoint,
                           ompt_data_t *parallel, ompt_data_t *task, const void *ra) {
  wt_thread *t = wt_enter();
  otask *k = task_of(task);
  if (!k) return;
  if (endpoint != ompt_scope_end) { /* begin (or beginend) */
    if (is_barrier(kind)) {
      o_release(t, &k->team->barrier[k->barrier]);
      /* Without reduction events, the combining libomp does inside a
       * barrier (reading other threads' private copies) cannot be told
       * from the program's accesses: nothing inside is checked, except
       * tasks run there (on_task_schedule). */
      if (!have_reduction_events) {
        k->in_barrier = true;
        t->ignore++;
      }
    } else if (kind == ompt_sync_region_taskgroup) {
      otaskgroup *g = wt_alloc(sizeof *g);
      g->parent = k->group;
      k->group = g;
    }
    if (endpoint == ompt_scope_begin) return;
  }
  if (is_barrier(kind)) {
    if (k->in_barrier) {
      k->in_barrier = false;
      t->ignore--;
    }
    /* Threads leaving the team after its last barrier get no parallel
     * data: the master's parallel end acquires for them. */
    if (parallel) {
      wait_none(&k->team->pending[k->barrier]);
      o_acquire(t, &k->team->barrier[k->barrier]);
    }
    k->barrier ^= 1;
  } else if (kind == ompt_sync_region_taskwait) {
    if (k->children) {
      wait_none(&k->pending_children);
      o_acquire(t, &k->taskwait);
    }
  } else if (kind == ompt_sync_region_taskgroup && k->group) {
    otaskgroup *g = k->group;
    wait_none(&g->pending);
    o_acquire(t, &g->done);
    k->group = g->parent;
    wt_vc_destroy(&g->done.vc);
    wt_free(g, sizeof *g);
  }
}

/* The combining of private copies: libomp orders it, the program does not
 * have to. */
static void on_reduction(ompt_sync_region_t kind, ompt_scope_endpoint_t endpoint,
                         ompt_data_t *parallel, ompt_data_t *task, const void *ra) {
  wt_thread *t = wt_enter();
  if (endpoint == ompt_scope_begin) t->ignore++;
  else if (endpoint == ompt_scope_end && t->ignore) t->ignore--;
}

/* ---- explicit tasks ------------------------------------------------------ */
static void on_task_create(ompt_data_t *parent, const ompt_frame_t *frame,
                           ompt_data_t *child, int flags, int has_deps, const void *ra) {
  wt_thread *t = wt_enter();
  if (flags & ompt_task_initial) { /* as on_implicit_task's begin */
    ompt_data_t *pd = 0, *tk = 0;
    ompt_frame_t *fr = 0;
    int fl = 0, num = 0;
    if (get_task_info) get_task_info(0, &fl, &tk, &fr, &pd, &num);
    oteam *m = team_begun(flags, pd);
    otask *k = task_new(m, 0, flags);
    k->team_ref = true;
    k->started = true;
    child->ptr = k;
    return;
  }
  otask *p = task_of(parent);
  if (!p) return;
  otask *k = task_new(0, p, flags);
  k->where = ra;
  child->ptr = k;
  if (flags & ompt_task_undeferred) return; /* runs now, on this thread */
  p->children++;
  if (!(flags & ompt_task_merged) && k->team) {
    k->counted = true;
    atomic_fetch_add_explicit(&k->team->pending[k->barrier], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&p->pending_children, 1, memory_order_relaxed);
    if (k->group) atomic_fetch_add_explicit(&k->group->pending, 1, memory_order_relaxed);
  }
  o_release(t, &k->self);
}

static odep *dep_of(otask *p, uintptr_t key) {
  if (p->dep_n * 2 >= p->dep_cap) {
    uint32_t cap = p->dep_cap ? p->dep_cap * 2 : 16;
    uintptr_t *keys = wt_alloc(cap * sizeof *keys);
    odep **vals = wt_alloc(cap * sizeof *vals);
    for (uint32_t i = 0; i < p->dep_cap; i++)
      if (p->dep_keys[i]) {
        uint32_t j = (uint32_t)wt_hash64(p->dep_keys[i]) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = p->dep_keys[i];
        vals[j] = p->dep_vals[i];
      }
    wt_free(p->dep_keys, p->dep_cap * sizeof *keys);
    wt_free(p->dep_vals, p->dep_cap * sizeof *vals);
    p->dep_keys = keys;
    p->dep_vals = vals;
    p->dep_cap = cap;
  }
  uint32_t j = (uint32_t)wt_hash64(key) & (p->dep_cap - 1);
  while (p->dep_keys[j] && p->dep_keys[j] != key) j = (j + 1) & (p->dep_cap - 1);
  if (!p->dep_keys[j]) {
    p->dep_keys[j] = key;
    p->dep_vals[j] = wt_alloc(sizeof(odep));
    p->dep_n++;
  }
  return p->dep_vals[j];
}

/* Called by the creating thread, before the task can start. */
static void on_dependences(ompt_data_t *task, const ompt_dependence_t *deps, int ndeps) {
  wt_thread *t = wt_enter();
  otask *k = task_of(task);
  if (!k || !k->parent || ndeps <= 0 || k->uses) return;
  k->uses = wt_alloc((size_t)ndeps * sizeof *k->uses);
  for (int i = 0; i < ndeps; i++) {
    int type = deps[i].dependence_type;
    if (type == ompt_dependence_type_out_all_memory ||
        type == ompt_dependence_type_inout_all_memory) {
      k->all_memory = true;
      continue;
    }
    /* Doacross (source, sink) orders loop iterations, not tasks. */
    if (type == ompt_dependence_type_source || type == ompt_dependence_type_sink) continue;
    k->uses[k->nuses++] = (odep_use){dep_of(k->parent, (uintptr_t)deps[i].variable.ptr), type};
  }
  o_release(t, &k->self);
}

static bool writes(int type) {
  return type == ompt_dependence_type_out || type == ompt_dependence_type_inout ||
         type == ompt_dependence_type_mutexinoutset;
}

/* Before the task's first instruction: what its dependences wait for.
 * A task with an omp_all_memory dependence waits for every earlier
 * sibling with dependences; any other waits for the latest such task. */
static void deps_acquire(wt_thread *t, otask *k) {
  if (k->all_memory) o_acquire(t, &k->parent->all_next);
  else if (k->nuses) o_acquire(t, &k->parent->all_last);
  for (uint32_t i = 0; i < k->nuses; i++) {
    odep *d = k->uses[i].dep;
    int type = k->uses[i].type;
    if (writes(type)) {
      o_acquire(t, &d->in);
      o_acquire(t, &d->out);
      o_acquire(t, &d->inoutset);
    } else if (type == ompt_dependence_type_in) {
      o_acquire(t, &d->out);
      o_acquire(t, &d->inoutset);
    } else if (type == ompt_dependence_type_inoutset) {
      o_acquire(t, &d->in);
      o_acquire(t, &d->out);
    }
  }
}

static void deps_release(wt_thread *t, otask *k) {
  if (k->all_memory) {
    o_release(t, &k->parent->all_last);
    o_release(t, &k->parent->all_next);
  } else if (k->nuses) {
    o_release(t, &k->parent->all_next);
  }
  for (uint32_t i = 0; i < k->nuses; i++) {
    odep *d = k->uses[i].dep;
    int type = k->uses[i].type;
    if (writes(type)) o_release(t, &d->out);
    else if (type == ompt_dependence_type_in) o_release(t, &d->in);
    else if (type == ompt_dependence_type_inoutset) o_release(t, &d->inoutset);
  }
}

static void task_complete(wt_thread *t, otask *k) {
  pop_where(t, k);
  if (!(k->flags & ompt_task_undeferred)) {
    o_release(t, &k->team->barrier[k->barrier]);
    if (k->parent) o_release(t, &k->parent->taskwait);
    if (k->group) o_release(t, &k->group->done);
  }
  if (k->parent) deps_release(t, k);
  if (k->counted) { /* after the releases: the waiters' acquire follows */
    k->counted = false;
    atomic_fetch_sub_explicit(&k->team->pending[k->barrier], 1, memory_order_release);
    if (k->parent) atomic_fetch_sub_explicit(&k->parent->pending_children, 1, memory_order_release);
    if (k->group) atomic_fetch_sub_explicit(&k->group->pending, 1, memory_order_release);
  }
}

static void task_start(wt_thread *t, otask *k) {
  if (!k->started) {
    k->started = true;
    if (k->parent) deps_acquire(t, k);
    push_where(t, k);
  }
  o_acquire(t, &k->self);
}

/* Accesses inside a barrier are ignored when reductions send no events,
 * but a task run while the thread waits in the barrier is the program's. */
static void switch_barrier(wt_thread *t, otask *from, otask *to) {
  if (from && from->in_barrier) t->ignore--;
  if (to && to->in_barrier) t->ignore++;
}

static void on_task_schedule(ompt_data_t *prior, ompt_task_status_t status,
                             ompt_data_t *next) {
  wt_thread *t = wt_enter();
  otask *from = task_of(prior), *to = task_of(next);
  /* A task run inside a barrier wait is work, not waiting. */
  if (bwait.task && to && status != ompt_task_early_fulfill &&
      status != ompt_task_late_fulfill && status != ompt_taskwait_complete) {
    if (to == bwait.task) {
      if (!bwait.noted) barrier_note(t);
    } else {
      barrier_unnote(t);
    }
  }
  switch (status) {
  case ompt_task_early_fulfill: /* omp_fulfill_event before the task ended */
    if (from) o_release(t, &from->self);
    return;
  case ompt_task_late_fulfill: /* ... after: the task completes now */
    if (!from) return;
    o_acquire(t, &from->self);
    task_complete(t, from);
    task_free(from);
    return;
  case ompt_taskwait_complete: /* a taskwait with depend clauses */
    if (!from) return;
    if (from->parent) deps_acquire(t, from);
    task_free(from);
    return;
  case ompt_task_complete:
  case ompt_task_cancel:
    if (from) task_complete(t, from);
    switch_barrier(t, from, to);
    if (from) task_free(from);
    if (status == ompt_task_cancel && to) task_start(t, to);
    return;
  case ompt_task_detach: /* the body ended; completion waits for the event */
  case ompt_task_yield:
  case ompt_task_switch:
  default:
    if (from) o_release(t, &from->self);
    switch_barrier(t, from, to);
    if (to) task_start(t, to);
    return;
  }
}

/* ---- locks, critical sections, ordered, atomic --------------------------
 * libomp reports an acquisition after it and a release after it too, so
 * between one thread's real release and its callback another thread can
 * take the lock and ask for a clock not yet there.  A gate per lock,
 * closed from the acquired callback to the released one, makes the next
 * owner's acquired callback wait for that release.  It waits only for
 * the gap between a real release and its callback, and never more than
 * spin_more allows: a release that never comes (an unset by a thread that
 * did not own the lock) must not hang the program. */
typedef struct ogate {
  uint64_t id;
  _Atomic uint32_t owner; /* uid + 1 of the thread inside, or 0 */
  struct ogate *next;
} ogate;

#define GATE_BUCKETS 1024
static struct {
  wt_spin lock;
  ogate *head;
} gates[GATE_BUCKETS];

static ogate *gate_get(uint64_t id, bool create) {
  uint32_t b = (uint32_t)wt_hash64(id) & (GATE_BUCKETS - 1);
  wt_spin_lock(&gates[b].lock);
  ogate *g = gates[b].head;
  while (g && g->id != id) g = g->next;
  if (!g && create) {
    g = wt_alloc(sizeof *g);
    g->id = id;
    g->next = gates[b].head;
    gates[b].head = g;
  }
  wt_spin_unlock(&gates[b].lock);
  return g;
}

static void gate_drop(uint64_t id) {
  uint32_t b = (uint32_t)wt_hash64(id) & (GATE_BUCKETS - 1);
  wt_spin_lock(&gates[b].lock);
  for (ogate **p = &gates[b].head; *p; p = &(*p)->next)
    if ((*p)->id == id) {
      ogate *g = *p;
      *p = g->next;
      wt_free(g, sizeof *g);
      break;
    }
  wt_spin_unlock(&gates[b].lock);
}

static int lock_kind(ompt_mutex_t kind) {
  return kind == ompt_mutex_lock || kind == ompt_mutex_nest_lock ? WT_SYNC_OMP_LOCK
                                                                  : WT_SYNC_OMP_CRITICAL;
}

/* The thread is about to wait for the lock: a second set of a simple
 * lock (or a critical section entered again inside itself) never
 * returns; otherwise the watchdog sees the wait. */
static __thread bool omp_waiting __attribute__((tls_model("initial-exec")));

static void on_mutex_acquire(ompt_mutex_t kind, unsigned int hint, unsigned int impl,
                             ompt_wait_id_t id, const void *ra) {
  wt_thread *t = wt_enter();
  uint32_t reported = 0;
  if (kind != ompt_mutex_nest_lock && kind != ompt_mutex_atomic &&
      wt_misuse_relock(t, (const void *)(uintptr_t)id, lock_kind(kind), true, (uintptr_t)ra)) {
    reported = WT_WAIT_REPORTED;
    wt_watchdog_start();
  }
  omp_waiting = wt_wait_begin(t, WT_WAIT_LOCK | reported, (uintptr_t)id, true, (uintptr_t)ra);
}

static void on_mutex_acquired(ompt_mutex_t kind, ompt_wait_id_t id, const void *ra) {
  wt_thread *t = wt_enter();
  if (omp_waiting) {
    omp_waiting = false;
    wt_wait_end(t);
  }
  ogate *g = gate_get(id, true);
  uint32_t free_ = 0, spins = 0;
  while (!atomic_compare_exchange_weak_explicit(&g->owner, &free_, t->uid + 1,
                                                memory_order_acquire, memory_order_relaxed) &&
         spin_more(&spins)) /* past the bound: the edge is given up, not the program */
    free_ = 0;
  wt_lock_post(t, (uintptr_t)id, lock_kind(kind), true, false, (uintptr_t)ra);
}

static void on_mutex_released(ompt_mutex_t kind, ompt_wait_id_t id, const void *ra) {
  wt_thread *t = wt_enter();
  uint32_t owner; /* an unset by another thread was reported before it */
  wt_unlock_pre(t, (uintptr_t)id, lock_kind(kind), (uintptr_t)ra, &owner);
  ogate *g = gate_get(id, false);
  if (g) atomic_store_explicit(&g->owner, 0, memory_order_release);
}

/* A lock is created where omp_init_lock is called, not where it is
 * first set. */
static void on_lock_init(ompt_mutex_t kind, unsigned int hint, unsigned int impl,
                         ompt_wait_id_t id, const void *ra) {
  wt_thread *t = wt_enter();
  wt_sync_destroy(t, (uintptr_t)id);
  wt_sync_get(t, (uintptr_t)id, lock_kind(kind), (uintptr_t)ra);
}

static void on_lock_destroy(ompt_mutex_t kind, ompt_wait_id_t id, const void *ra) {
  wt_thread *t = wt_enter();
  wt_sync_destroy(t, (uintptr_t)id);
  gate_drop(id);
}

/* The unset functions are called by the program: the misuse report must
 * come before libomp acts on it. */
void omp_unset_lock(void *lock) {
  WT_REAL_DECL(void, omp_unset_lock, (void *));
  wt_thread *t = wt_enter();
  if (started && !wt_i_skip(t, WT_PC())) wt_misuse_omp_unset(t, (uintptr_t)lock, WT_PC());
  WT_REAL(omp_unset_lock)(lock);
}

void omp_unset_nest_lock(void *lock) {
  WT_REAL_DECL(void, omp_unset_nest_lock, (void *));
  wt_thread *t = wt_enter();
  if (started && !wt_i_skip(t, WT_PC())) wt_misuse_omp_unset(t, (uintptr_t)lock, WT_PC());
  WT_REAL(omp_unset_nest_lock)(lock);
}

/* ---- doacross loops ---------------------------------------------------------
 * ordered depend(source) posts an iteration, ordered depend(sink: ...)
 * waits for one.  OMPT says little about them, so the calls the compiler
 * emits are intercepted: a post releases into a clock of its own, named
 * by the team, the loop (each thread's n-th doacross loop in the region
 * is the same loop) and the iteration vector; a wait acquires from the
 * clock of the iteration it waited for.  The clocks live as long as the
 * team. */
typedef struct odoacross {
  uint64_t key;
  uint32_t loop, ndims;
  int64_t vec[4];
  oclock posted;
} odoacross;

static __thread struct {
  oteam *team;
  uint32_t loop, ndims; /* the current loop's number in its region */
} cur_doacross __attribute__((tls_model("initial-exec")));

/* The calling thread's region: its current task's team. */
static oteam *current_team(void) {
  int flags = 0, num = 0;
  ompt_data_t *task = 0, *parallel = 0;
  ompt_frame_t *frame = 0;
  if (!get_task_info || !get_task_info(0, &flags, &task, &frame, &parallel, &num) || !task ||
      !task->ptr)
    return 0;
  return ((otask *)task->ptr)->team;
}

/* The clock of an iteration (made on first use); 0 if the loop has more
 * dimensions than kept, which then goes unmodelled. */
static odoacross *doacross_of(oteam *m, const int64_t *vec) {
  uint32_t nd = cur_doacross.ndims;
  if (!m || nd == 0 || nd > 4) return 0;
  uint64_t key = wt_hash64(cur_doacross.loop);
  for (uint32_t i = 0; i < nd; i++) key = wt_hash64(key ^ (uint64_t)vec[i]);
  wt_spin_lock(&m->lock);
  if (m->doacross_n * 2 >= m->doacross_cap) {
    uint32_t cap = m->doacross_cap ? m->doacross_cap * 2 : 256;
    odoacross **tab = wt_alloc(cap * sizeof *tab);
    for (uint32_t i = 0; i < m->doacross_cap; i++) {
      odoacross *e = m->doacross[i];
      if (!e) continue;
      uint32_t j = (uint32_t)e->key & (cap - 1);
      while (tab[j]) j = (j + 1) & (cap - 1);
      tab[j] = e;
    }
    wt_free(m->doacross, m->doacross_cap * sizeof *tab);
    m->doacross = tab;
    m->doacross_cap = cap;
  }
  uint32_t j = (uint32_t)key & (m->doacross_cap - 1);
  odoacross *d;
  while ((d = m->doacross[j]) &&
         !(d->key == key && d->loop == cur_doacross.loop &&
           !__builtin_memcmp(d->vec, vec, nd * sizeof *vec)))
    j = (j + 1) & (m->doacross_cap - 1);
  if (!d) {
    d = wt_alloc(sizeof *d);
    d->key = key;
    d->loop = cur_doacross.loop;
    d->ndims = nd;
    __builtin_memcpy(d->vec, vec, nd * sizeof *vec);
    m->doacross[j] = d;
    m->doacross_n++;
  }
  wt_spin_unlock(&m->lock);
  return d;
}

static void doacross_free(oteam *m) {
  for (uint32_t i = 0; i < m->doacross_cap; i++) {
    odoacross *d = m->doacross[i];
    if (!d) continue;
    wt_vc_destroy(&d->posted.vc);
    wt_free(d, sizeof *d);
  }
  wt_free(m->doacross, m->doacross_cap * sizeof *m->doacross);
  m->doacross = 0;
  m->doacross_cap = m->doacross_n = 0;
}

void __kmpc_doacross_init(void *loc, int32_t gtid, int32_t ndims, const void *dims) {
  WT_REAL_DECL(void, __kmpc_doacross_init, (void *, int32_t, int32_t, const void *));
  (void)wt_enter();
  WT_REAL(__kmpc_doacross_init)(loc, gtid, ndims, dims);
  if (!started) return;
  oteam *m = current_team();
  if (m != cur_doacross.team) cur_doacross.loop = 0;
  cur_doacross.team = m;
  cur_doacross.loop++;
  cur_doacross.ndims = ndims > 0 ? (uint32_t)ndims : 0;
}

void __kmpc_doacross_post(void *loc, int32_t gtid, const int64_t *vec) {
  WT_REAL_DECL(void, __kmpc_doacross_post, (void *, int32_t, const int64_t *));
  wt_thread *t = wt_enter();
  odoacross *d = started ? doacross_of(cur_doacross.team, vec) : 0;
  if (d) o_release(t, &d->posted); /* before the waiters can go */
  WT_REAL(__kmpc_doacross_post)(loc, gtid, vec);
}

void __kmpc_doacross_wait(void *loc, int32_t gtid, const int64_t *vec) {
  WT_REAL_DECL(void, __kmpc_doacross_wait, (void *, int32_t, const int64_t *));
  wt_thread *t = wt_enter();
  WT_REAL(__kmpc_doacross_wait)(loc, gtid, vec);
  odoacross *d = started ? doacross_of(cur_doacross.team, vec) : 0;
  if (d) o_acquire(t, &d->posted);
}

/* ---- reduction(task, ...) on a region or worksharing construct ------------
 * The first thread to arrive allocates and initializes every thread's
 * private copy (the compiler's initializer, instrumented, run inside
 * libomp) while the others wait on a flag of libomp's; at the end one
 * combines them all.  Both are libomp's work, ordered by libomp: the
 * accesses they make are not checked. */
void *__kmpc_taskred_modifier_init(void *loc, int gtid, int is_ws, int num, void *data) {
  WT_REAL_DECL(void *, __kmpc_taskred_modifier_init, (void *, int, int, int, void *));
  wt_thread *t = wt_enter();
  t->ignore++;
  void *r = WT_REAL(__kmpc_taskred_modifier_init)(loc, gtid, is_ws, num, data);
  t->ignore--;
  return r;
}

void *__kmpc_task_reduction_modifier_init(void *loc, int gtid, int is_ws, int num,
                                          void *data) {
  WT_REAL_DECL(void *, __kmpc_task_reduction_modifier_init, (void *, int, int, int, void *));
  wt_thread *t = wt_enter();
  t->ignore++;
  void *r = WT_REAL(__kmpc_task_reduction_modifier_init)(loc, gtid, is_ws, num, data);
  t->ignore--;
  return r;
}

void __kmpc_task_reduction_modifier_fini(void *loc, int gtid, int is_ws) {
  WT_REAL_DECL(void, __kmpc_task_reduction_modifier_fini, (void *, int, int));
  wt_thread *t = wt_enter();
  t->ignore++;
  WT_REAL(__kmpc_task_reduction_modifier_fini)(loc, gtid, is_ws);
  t->ignore--;
}

/* A flush is a sequentially consistent fence (OpenMP 5.x, 1.4.4). */
static void on_flush(ompt_data_t *thread, const void *ra) {
  (void)wt_enter();
  __weft_fence(5 /* __ATOMIC_SEQ_CST */);
}

/* ---- start-up -------------------------------------------------------------- */
static int on_initialize(ompt_function_lookup_t lookup, int device, ompt_data_t *data) {
  ompt_set_callback_t set = (ompt_set_callback_t)lookup("ompt_set_callback");
  get_task_info = (ompt_get_task_info_t)lookup("ompt_get_task_info");
  if (!set) return 0;
  /* libomp's code (if start-up did not find it by name): calls made
   * from it are its own business. */
  if (!wt_omp_hi) wt_module_span((uintptr_t)lookup, &wt_omp_lo, &wt_omp_hi);
#define SET(event, fn) set(ompt_callback_##event, (ompt_callback_t)(fn))
  SET(parallel_begin, on_parallel_begin);
  SET(parallel_end, on_parallel_end);
  SET(implicit_task, on_implicit_task);
  SET(sync_region, on_sync_region);
  SET(sync_region_wait, on_sync_region_wait);
  SET(task_create, on_task_create);
  SET(task_schedule, on_task_schedule);
  SET(dependences, on_dependences);
  SET(mutex_acquire, on_mutex_acquire);
  SET(mutex_acquired, on_mutex_acquired);
  SET(mutex_released, on_mutex_released);
  SET(lock_init, on_lock_init);
  SET(lock_destroy, on_lock_destroy);
  SET(flush, on_flush);
  have_reduction_events = SET(reduction, on_reduction) == ompt_set_always;
#undef SET
  started = true;
  return 1;
}

static void on_finalize(ompt_data_t *data) {}

static ompt_start_tool_result_t tool = {on_initialize, on_finalize, {0}};

/* Another OMPT tool the user asked for by name comes first: weft steps
 * aside and says so. */
static ompt_start_tool_result_t *start_tool(unsigned int version, const char *runtime) {
  const char *other = getenv("OMP_TOOL_LIBRARIES");
  if (other && *other) {
    wt_printf("weft: OMP_TOOL_LIBRARIES names another OpenMP tool (%s): weft is not the "
              "OMPT tool in this run, and OpenMP synchronization is not modelled; expect "
              "false data race reports\n", other);
    return 0;
  }
  return &tool;
}

/* Weak: a program that is an OMPT tool itself keeps its own. */
__attribute__((weak, visibility("default"), alias("start_tool"))) ompt_start_tool_result_t *
ompt_start_tool(unsigned int version, const char *runtime);

/* Cases in which OpenMP runs unmodelled, said once at start-up, before
 * any report they could explain. */
void wt_omp_check(void) {
  const char *tool_env = getenv("OMP_TOOL"), *other = getenv("OMP_TOOL_LIBRARIES");
  uintptr_t lo, hi;
  bool libomp = wt_module_named("libomp.", &lo, &hi);
  if (wt_module_named("libgomp.", 0, 0))
    wt_printf("weft: this program uses GCC's OpenMP runtime (libgomp), which has no tool "
              "interface: OpenMP synchronization is not modelled, expect false data race "
              "reports; build it with clang's -fopenmp (LLVM's libomp) instead\n");
  if (!libomp) return;
  if ((void *)ompt_start_tool != (void *)start_tool)
    wt_printf("weft: the program defines its own ompt_start_tool: weft is not the OMPT tool "
              "in this run, and OpenMP synchronization is not modelled\n");
  else if (tool_env && !__builtin_strcmp(tool_env, "disabled"))
    wt_printf("weft: OMP_TOOL=disabled: OpenMP synchronization is not modelled in this run\n");
  else if (!other || !*other) {
    /* libomp takes locks of its own before it starts its tool: those
     * are passed through from the start. */
    wt_omp_lo = lo;
    wt_omp_hi = hi;
  }
}

/* ---- task memory ------------------------------------------------------------
 * libomp hands out task descriptors (with the task's private copies and
 * its shared-variable pointers) from free lists of its own, so memory one
 * task's thread read is written by another task's creator with no free
 * and malloc in between: a new task's block starts with no history.  The
 * layout is the compiler's ABI: the descriptor's first word points to
 * the shareds block. */
static void task_memory_reset(void *task, size_t task_size, size_t shareds_size) {
  wt_shadow_reset((uintptr_t)task, task_size);
  void *shareds = *(void **)task;
  if (shareds && shareds_size) wt_shadow_reset((uintptr_t)shareds, shareds_size);
}

/* The latest descriptor this thread allocated: a taskloop's pattern. */
static __thread struct {
  void *task;
  size_t task_size, shareds_size;
} last_task __attribute__((tls_model("initial-exec")));

void *__kmpc_omp_task_alloc(void *loc, int32_t gtid, int32_t flags, size_t task_size,
                            size_t shareds_size, void *entry) {
  WT_REAL_DECL(void *, __kmpc_omp_task_alloc,
               (void *, int32_t, int32_t, size_t, size_t, void *));
  void *task = WT_REAL(__kmpc_omp_task_alloc)(loc, gtid, flags, task_size, shareds_size, entry);
  if (task && started) {
    task_memory_reset(task, task_size, shareds_size);
    last_task.task = task;
    last_task.task_size = task_size;
    last_task.shareds_size = shareds_size;
  }
  return task;
}

/* A taskloop's chunks are copies libomp makes of the pattern task, in
 * its own memory, then hands to the compiler's duplication function (the
 * task_dup argument) to fill in private copies.  That function is
 * replaced by one that first gives the copy a fresh history, then calls
 * the program's; what it needs is kept per construct, named by the
 * task's entry routine (the descriptor's second word), which every copy
 * shares with its pattern. */
typedef void (*task_dup_fn)(void *dst, void *src, int32_t lastpriv);
#define TASKLOOPS 256
static struct taskloop_kind {
  _Atomic uintptr_t routine;
  task_dup_fn dup;
  size_t task_size, shareds_size;
} taskloops[TASKLOOPS];

static struct taskloop_kind *taskloop_of(uintptr_t routine, bool add) {
  uint32_t i = (uint32_t)wt_hash64(routine) & (TASKLOOPS - 1);
  for (uint32_t n = 0; n < TASKLOOPS; n++, i = (i + 1) & (TASKLOOPS - 1)) {
    uintptr_t r = atomic_load_explicit(&taskloops[i].routine, memory_order_acquire);
    if (r == routine) return &taskloops[i];
    if (r) continue;
    if (!add) return 0;
    uintptr_t zero = 0;
    if (atomic_compare_exchange_strong(&taskloops[i].routine, &zero, ~(uintptr_t)0)) return &taskloops[i];
    n--; /* lost the slot: look at it again */
  }
  return 0;
}

static void fresh_dup(void *dst, void *src, int32_t lastpriv) {
  struct taskloop_kind *k = taskloop_of(((uintptr_t *)src)[1], false);
  if (!k) return;
  task_memory_reset(dst, k->task_size, k->shareds_size);
  if (k->dup) k->dup(dst, src, lastpriv);
}

/* The function to hand libomp instead of the program's dup. */
static void *taskloop_dup(void *task, void *dup) {
  if (!started || !task || task != last_task.task) return dup;
  uintptr_t routine = ((uintptr_t *)task)[1];
  struct taskloop_kind *k = taskloop_of(routine, false);
  if (!k) {
    k = taskloop_of(routine, true);
    if (!k) return dup; /* table full: left unmodelled */
    k->dup = (task_dup_fn)dup;
    k->task_size = last_task.task_size;
    k->shareds_size = last_task.shareds_size;
    atomic_store_explicit(&k->routine, routine, memory_order_release);
  }
  return k->dup == (task_dup_fn)dup ? (void *)fresh_dup : dup;
}

void __kmpc_taskloop(void *loc, int gtid, void *task, int if_val, uint64_t *lb, uint64_t *ub,
                     int64_t st, int nogroup, int sched, uint64_t grainsize, void *dup) {
  WT_REAL_DECL(void, __kmpc_taskloop,
               (void *, int, void *, int, uint64_t *, uint64_t *, int64_t, int, int, uint64_t,
                void *));
  (void)wt_enter();
  WT_REAL(__kmpc_taskloop)(loc, gtid, task, if_val, lb, ub, st, nogroup, sched, grainsize,
                           taskloop_dup(task, dup));
}

void __kmpc_taskloop_5(void *loc, int gtid, void *task, int if_val, uint64_t *lb,
                       uint64_t *ub, int64_t st, int nogroup, int sched, uint64_t grainsize,
                       int modifier, void *dup) {
  WT_REAL_DECL(void, __kmpc_taskloop_5,
               (void *, int, void *, int, uint64_t *, uint64_t *, int64_t, int, int, uint64_t,
                int, void *));
  (void)wt_enter();
  WT_REAL(__kmpc_taskloop_5)(loc, gtid, task, if_val, lb, ub, st, nogroup, sched, grainsize,
                             modifier, taskloop_dup(task, dup));
}
