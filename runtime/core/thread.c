/* Threads: their runtime state, slots in the vector clocks, the registry
 * that reports read, and the happens-before edges of create and join.
 *
 * Slots are reused so that 10,000 threads created one after another do
 * not make 10,000-entry clocks: a new thread may take a free slot only if
 * its creator already knows the slot's last clock (it joined the previous
 * owner, or learnt of it), so the new owner's epochs stay ordered after
 * the old owner's exactly as the program orders them.  Otherwise it gets
 * a fresh slot.  Each slot keeps the list of (first clock, thread uid) of
 * its owners, so an epoch in a shadow cell still names the right thread.
 *
 * Reports need a few facts about every thread that ever ran (uid, parent,
 * creation stack); those live in a small record kept forever (32 bytes a
 * thread).  The full wt_thread of a finished thread is recycled. */
#include "internal.h"
#include <pthread.h>

__thread wt_thread *wt_cur __attribute__((tls_model("initial-exec")));
__thread uint32_t wt_spins_held __attribute__((tls_model("initial-exec")));

typedef struct owner { uint64_t first_clock; uint32_t uid; } owner;
typedef struct slot_info {
  uint64_t last_clock;   /* the previous owner's final clock */
  uint32_t nowners, cap;
  owner *owners;
  int free;
} slot_info;

static wt_spin reg_lock;           /* guards everything below */
static wt_report_thread *records;  /* by uid */
static uint32_t nrecords, records_cap;
static slot_info *slots;
static uint32_t nslots, slots_cap;
static uint32_t *free_slots;       /* stack of free slot numbers */
static uint32_t nfree_slots;
static wt_thread *pool;            /* recycled wt_thread structs */
static wt_thread *zombies;         /* finished detached threads maybe still in teardown */
#define HASH_SIZE 1024
static wt_thread *by_pthread[HASH_SIZE];

static void *grow(void *old, uint32_t *cap, uint32_t n, size_t elem) {
  if (n < *cap) return old;
  uint32_t ncap = *cap ? *cap * 2 : 64;
  void *p = wt_alloc(ncap * elem);
  if (old) {
    __builtin_memcpy(p, old, *cap * elem);
    wt_free(old, *cap * elem);
  }
  *cap = ncap;
  return p;
}

static uint32_t hash_pthread(uintptr_t p) { return (uint32_t)((p >> 12) ^ (p >> 24)) % HASH_SIZE; }

static wt_thread *new_thread_locked(void) {
  wt_thread *t = pool;
  if (t) {
    pool = t->next_free;
    wt_vc vc = t->vc, fa = t->fence_acq, fr = t->fence_rel;
    uintptr_t *spc = t->stack_pc;
    wt_ctx *snode = t->stack_node;
    uint32_t cap = t->stack_cap;
    wt_held *held = t->held;
    uint32_t held_cap = t->held_cap;
    __builtin_memset(t, 0, sizeof *t);
    t->held = held, t->held_cap = held_cap;
    t->vc = vc, t->fence_acq = fa, t->fence_rel = fr;
    wt_vc_clear(&t->vc);
    wt_vc_clear(&t->fence_acq);
    wt_vc_clear(&t->fence_rel);
    t->stack_pc = spc, t->stack_node = snode, t->stack_cap = cap;
    __builtin_memset(spc, 0, cap * sizeof(uintptr_t));
  } else {
    t = wt_alloc(sizeof *t);
    t->stack_cap = WT_SHADOW_STACK_MIN;
    t->stack_pc = wt_alloc(t->stack_cap * sizeof(uintptr_t));
    t->stack_node = wt_alloc(t->stack_cap * sizeof(wt_ctx));
  }
  records = grow(records, &records_cap, nrecords, sizeof *records);
  t->uid = nrecords++;
  records[t->uid] = (wt_report_thread){.uid = t->uid, .running = 1};
  return t;
}

/* Choose a slot whose last clock the creator knows; the caller sets the
 * new owner's first clock above it. */
static uint32_t take_slot_locked(const wt_vc *creator) {
  for (uint32_t i = nfree_slots; i-- > 0;) {
    uint32_t s = free_slots[i];
    uint64_t known = s < creator->n ? creator->clk[s] : 0;
    if (known >= slots[s].last_clock) {
      free_slots[i] = free_slots[--nfree_slots];
      slots[s].free = 0;
      return s;
    }
    if (nfree_slots - i > 64) break; /* bounded search; fall back to a new slot */
  }
  if (nslots >= WT_MAX_SLOTS) return WT_MAX_SLOTS;
  slots = grow(slots, &slots_cap, nslots, sizeof *slots);
  slots[nslots] = (slot_info){0};
  return nslots++;
}

static void add_owner_locked(uint32_t s, uint64_t first_clock, uint32_t uid) {
  slot_info *si = &slots[s];
  si->owners = grow(si->owners, &si->cap, si->nowners, sizeof(owner));
  si->owners[si->nowners++] = (owner){first_clock, uid};
}

static void start_clock(wt_thread *t, uint32_t s, uint64_t first) {
  t->slot = s;
  wt_vc_reserve(&t->vc, s + 1);
  if (t->vc.n < s + 1) t->vc.n = s + 1;
  t->vc.clk[s] = first;
  t->epoch = WT_EPOCH(first, s);
  t->clk = t->vc.clk;
  t->nclk = t->vc.n;
}

static wt_vc empty_vc;

/* A thread with no known creator: the main thread, or one started by a
 * library before weft or behind its back.  Nothing orders it. */
static wt_thread *adopt(void) {
  wt_spin_lock(&reg_lock);
  wt_thread *t = new_thread_locked();
  uint32_t s = take_slot_locked(&empty_vc);
  if (s == WT_MAX_SLOTS) {
    wt_spin_unlock(&reg_lock);
    wt_die("more than %u threads alive at once", WT_MAX_SLOTS);
  }
  uint64_t first = slots[s].last_clock + 1;
  add_owner_locked(s, first, t->uid);
  wt_spin_unlock(&reg_lock);
  start_clock(t, s, first);
  if (t->uid != 0) atomic_store_explicit(&wt_many_threads, 1, memory_order_relaxed);
  t->parent_uid = ~0u;
  t->os_tid = wt_gettid();
  records[t->uid].os_tid = t->os_tid;
  records[t->uid].parent_uid = ~0u;
  /* Installed before anything below can call back into an interceptor
   * (finding the main stack reads /proc with stdio, which mallocs). */
  wt_cur = t;
  wt_thread_set_pthread(t, (uintptr_t)pthread_self());
  wt_stack_bounds(&t->stk_lo, &t->stk_hi);
  wt_tls_bounds(&t->tls_lo, &t->tls_hi);
  return t;
}

wt_thread *wt_thread_main_init(void) { return wt_cur ? wt_cur : adopt(); }

wt_thread *wt_thread_slow(void) {
  if (!atomic_load_explicit(&wt_inited, memory_order_acquire)) wt_init();
  return wt_cur ? wt_cur : adopt();
}

/* A detached thread's struct is still used by glibc's teardown after it
 * finished; it is recycled once the kernel says the thread is gone. */
static void reap_zombies_locked(void) {
  int pid = wt_getpid();
  for (wt_thread **pp = &zombies; *pp;) {
    wt_thread *z = *pp;
    if (!wt_thread_alive(pid, z->os_tid)) {
      *pp = z->next_free;
      z->next_free = pool;
      pool = z;
    } else {
      pp = &z->next_free;
    }
  }
}

_Atomic int wt_many_threads;

wt_thread *wt_thread_create_begin(wt_thread *parent, wt_ctx where) {
  atomic_store_explicit(&wt_many_threads, 1, memory_order_relaxed);
  wt_spin_lock(&reg_lock);
  if (zombies) reap_zombies_locked();
  wt_thread *t = new_thread_locked();
  uint32_t s = take_slot_locked(&parent->vc);
  if (s == WT_MAX_SLOTS) {
    wt_spin_unlock(&reg_lock);
    wt_die("more than %u threads alive at once", WT_MAX_SLOTS);
  }
  uint64_t known = s < parent->vc.n ? parent->vc.clk[s] : 0;
  uint64_t first = (known > slots[s].last_clock ? known : slots[s].last_clock) + 1;
  add_owner_locked(s, first, t->uid);
  records[t->uid].parent_uid = parent->uid;
  records[t->uid].create_ctx = where;
  wt_spin_unlock(&reg_lock);
  t->parent_uid = parent->uid;
  t->create_ctx = where;
  /* Everything the parent did so far happens before the child. */
  wt_vc_copy(&t->vc, &parent->vc);
  start_clock(t, s, first);
  wt_tick(parent);
  return t;
}

static void hash_insert_locked(wt_thread *t) {
  uint32_t h = hash_pthread(t->pthread);
  for (wt_thread *p = by_pthread[h]; p; p = p->next_hash)
    if (p == t) return;
  t->next_hash = by_pthread[h];
  by_pthread[h] = t;
}

static void hash_remove_locked(wt_thread *t) {
  for (wt_thread **pp = &by_pthread[hash_pthread(t->pthread)]; *pp; pp = &(*pp)->next_hash)
    if (*pp == t) {
      *pp = t->next_hash;
      return;
    }
}

void wt_thread_set_pthread(wt_thread *t, uintptr_t pth) {
  wt_spin_lock(&reg_lock);
  if (!t->pthread) {
    t->pthread = pth;
    hash_insert_locked(t);
  }
  wt_spin_unlock(&reg_lock);
}

wt_thread *wt_thread_by_pthread(uintptr_t pth) {
  wt_spin_lock(&reg_lock);
  wt_thread *t = by_pthread[hash_pthread(pth)];
  while (t && t->pthread != pth) t = t->next_hash;
  wt_spin_unlock(&reg_lock);
  return t;
}

static uint32_t free_slots_cap;

static void push_free_slot_locked(uint32_t s) {
  free_slots = grow(free_slots, &free_slots_cap, nfree_slots, sizeof(uint32_t));
  free_slots[nfree_slots++] = s;
}

/* Only for threads known to be gone (joined: the real join returned). */
static void recycle_locked(wt_thread *t) {
  hash_remove_locked(t);
  t->next_free = pool;
  pool = t;
}

static void bury_locked(wt_thread *t) {
  hash_remove_locked(t);
  t->next_free = zombies;
  zombies = t;
}

void wt_thread_grow_stack(wt_thread *t) {
  if (t->stack_cap >= WT_SHADOW_STACK_CAP) return;
  uint32_t cap = t->stack_cap * 2;
  uintptr_t *pcs = wt_alloc(cap * sizeof(uintptr_t));
  wt_ctx *nodes = wt_alloc(cap * sizeof(wt_ctx));
  __builtin_memcpy(pcs, t->stack_pc, t->stack_cap * sizeof(uintptr_t));
  __builtin_memcpy(nodes, t->stack_node, t->stack_cap * sizeof(wt_ctx));
  wt_free(t->stack_pc, t->stack_cap * sizeof(uintptr_t));
  wt_free(t->stack_node, t->stack_cap * sizeof(wt_ctx));
  t->stack_pc = pcs;
  t->stack_node = nodes;
  t->stack_cap = cap;
}

void wt_thread_create_failed(wt_thread *t) {
  wt_spin_lock(&reg_lock);
  records[t->uid].running = 0;
  slots[t->slot].last_clock = t->vc.clk[t->slot];
  push_free_slot_locked(t->slot);
  recycle_locked(t);
  wt_spin_unlock(&reg_lock);
}

static void exit_arm(wt_thread *t);

void wt_thread_start(wt_thread *self) {
  wt_cur = self;
  self->os_tid = wt_gettid();
  records[self->uid].os_tid = self->os_tid;
  wt_thread_set_pthread(self, (uintptr_t)pthread_self());
  wt_stack_bounds(&self->stk_lo, &self->stk_hi);
  wt_tls_bounds(&self->tls_lo, &self->tls_hi);
  /* A cached stack or TLS block may carry a dead thread's history. */
  wt_shadow_reset(self->stk_lo, self->stk_hi - self->stk_lo);
  wt_shadow_reset(self->tls_lo, self->tls_hi - self->tls_lo);
  exit_arm(self); /* a cancelled thread neither returns nor calls pthread_exit */
}

void wt_thread_finish(wt_thread *self) {
  if (self->state != WT_T_RUNNING) return;
  self->ignore++;
  wt_shadow_reset(self->stk_lo, self->stk_hi - self->stk_lo);
  wt_shadow_reset(self->tls_lo, self->tls_hi - self->tls_lo);
  wt_spin_lock(&reg_lock);
  self->state = WT_T_FINISHED;
  records[self->uid].running = 0;
  slots[self->slot].last_clock = self->vc.clk[self->slot];
  push_free_slot_locked(self->slot);
  if (self->detached) bury_locked(self);
  wt_spin_unlock(&reg_lock);
  /* wt_cur stays: glibc's teardown (TLS and key destructors) may still
   * run interceptors and instrumented code on this thread, ignored. */
}

/* ---- the end of a thread ---------------------------------------------------
 * A thread's end is judged from a pthread key's destructor, which glibc
 * runs after the cleanup handlers (pthread_exit, cancellation) and the
 * C++ thread_local destructors: a handler that unlocks a mutex is how a
 * cancelled cond_wait gives back the mutex it re-acquired, so locks
 * counted before it would be a false report, and the handler's accesses
 * are the thread's own.  The destructor sets its value again once, so it
 * runs in the next round, after every other key's first-round destructor.
 * Without the key (pthread_key_create failed) the end is judged at once. */
static pthread_key_t exit_key;
static int exit_key_ok;

static void exit_check(wt_thread *t) {
  if (t->nheld) {
    uintptr_t pc = t->exit_pc;
    wt_ctx ctx = t->exit_ctx;
    uint32_t by = atomic_load_explicit(&t->cancelled_by, memory_order_relaxed);
    if (!pc && by) ctx = atomic_load_explicit(&t->cancel_ctx, memory_order_relaxed);
    wt_misuse_thread_exit(t, pc, ctx, pc || !by ? ~0u : by - 1);
  }
  wt_thread_finish(t);
}

static void exit_dtor(void *p) {
  wt_thread *t = p;
  if (t != wt_cur || t->state != WT_T_RUNNING) return;
  if (t->exit_armed == 1 && pthread_setspecific(exit_key, t) == 0) {
    t->exit_armed = 2;
    return;
  }
  exit_check(t);
}

void wt_thread_exit_init(void) {
  exit_key_ok = pthread_key_create(&exit_key, exit_dtor) == 0;
}

static void exit_arm(wt_thread *t) {
  if (!t->exit_armed && exit_key_ok && pthread_setspecific(exit_key, t) == 0) t->exit_armed = 1;
}

void wt_thread_exiting(wt_thread *self, uintptr_t pc, wt_ctx ctx) {
  if (!self->exit_pc) self->exit_pc = pc, self->exit_ctx = ctx;
  exit_arm(self);
  if (!self->exit_armed) exit_check(self);
}

void wt_thread_cancelled_by(wt_thread *target, wt_thread *by, wt_ctx ctx) {
  atomic_store_explicit(&target->cancel_ctx, ctx, memory_order_relaxed);
  atomic_store_explicit(&target->cancelled_by, by->uid + 1, memory_order_relaxed);
}

void wt_thread_joined(wt_thread *joiner, wt_thread *child) {
  /* Everything the child did happens before the join returns. */
  wt_acquire(joiner, &child->vc);
  wt_spin_lock(&reg_lock);
  child->state = WT_T_JOINED;
  recycle_locked(child);
  wt_spin_unlock(&reg_lock);
}

void wt_thread_detached(wt_thread *child) {
  wt_spin_lock(&reg_lock);
  child->detached = 1;
  if (child->state != WT_T_RUNNING) bury_locked(child);
  wt_spin_unlock(&reg_lock);
}

void wt_thread_set_omp(wt_thread *t, uint32_t num, uintptr_t region) {
  wt_spin_lock(&reg_lock);
  if (t->uid < nrecords) {
    records[t->uid].omp_num = num;
    records[t->uid].omp_region = region;
  }
  wt_spin_unlock(&reg_lock);
}

bool wt_thread_describe(uint32_t uid, wt_report_thread *out) {
  wt_spin_lock(&reg_lock);
  bool ok = uid < nrecords;
  if (ok) *out = records[uid];
  wt_spin_unlock(&reg_lock);
  return ok;
}

uint32_t wt_thread_uid_at(uint32_t slot, uint64_t clock) {
  uint32_t uid = ~0u;
  wt_spin_lock(&reg_lock);
  if (slot < nslots) {
    slot_info *si = &slots[slot];
    for (uint32_t i = si->nowners; i-- > 0;)
      if (si->owners[i].first_clock <= clock) {
        uid = si->owners[i].uid;
        break;
      }
  }
  wt_spin_unlock(&reg_lock);
  return uid;
}

/* Live threads only: a dead thread's stack is reset and cannot race. */
bool wt_thread_find_addr(uintptr_t addr, wt_report_loc *out) {
  bool found = false;
  wt_spin_lock(&reg_lock);
  for (uint32_t h = 0; h < HASH_SIZE && !found; h++)
    for (wt_thread *t = by_pthread[h]; t && !found; t = t->next_hash) {
      if (t->state != WT_T_RUNNING) continue;
      if (addr >= t->tls_lo && addr < t->tls_hi) {
        *out = (wt_report_loc){.kind = WT_LOC_TLS, .start = t->tls_lo,
                               .size = t->tls_hi - t->tls_lo, .thread_uid = t->uid};
        found = true;
      } else if (addr >= t->stk_lo && addr < t->stk_hi) {
        *out = (wt_report_loc){.kind = WT_LOC_STACK, .start = t->stk_lo,
                               .size = t->stk_hi - t->stk_lo, .thread_uid = t->uid};
        found = true;
      }
    }
  wt_spin_unlock(&reg_lock);
  return found;
}

void wt_thread_foreach(void (*fn)(wt_thread *, void *), void *arg) {
  wt_spin_lock(&reg_lock);
  for (uint32_t h = 0; h < HASH_SIZE; h++)
    for (wt_thread *t = by_pthread[h]; t; t = t->next_hash) fn(t, arg);
  wt_spin_unlock(&reg_lock);
}

/* After fork only the forking thread exists (locks: see wt_*_fork_lock). */
void wt_thread_after_fork_child(wt_thread *self) {
  for (uint32_t i = 0; i < nrecords; i++)
    if (i != self->uid) records[i].running = 0;
  /* Every other thread's accesses are over: they happen before all the
   * child does. */
  for (uint32_t h = 0; h < HASH_SIZE; h++)
    for (wt_thread *t = by_pthread[h]; t; t = t->next_hash)
      if (t != self) wt_acquire(self, &t->vc);
  self->os_tid = wt_gettid();
  records[self->uid].os_tid = self->os_tid;
}

void wt_thread_fork_lock(bool lock) {
  if (lock) wt_spin_lock(&reg_lock);
  else wt_spin_unlock(&reg_lock);
}

/* print_stats: every thread ever started gets a record. */
uint32_t wt_thread_count(void) {
  wt_spin_lock(&reg_lock);
  uint32_t n = nrecords;
  wt_spin_unlock(&reg_lock);
  return n;
}
