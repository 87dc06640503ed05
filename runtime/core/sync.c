/* Sync objects by address, and the lock and happens-before helpers that
 * the interceptors call.
 *
 * Objects hash by their 64-byte line, so freeing a block finds the
 * objects inside it by probing its lines rather than the whole table.
 * wt_sync structs are type-stable: a destroyed one goes to a free list of
 * wt_sync only, so a stale pointer held by a racing thread still points
 * at a wt_sync (never at unrelated memory).
 *
 * Every object gets a report number (M<uid>) on first use; destroying it
 * or freeing its memory makes the next use a new object with a new
 * number, as the program sees it.  The numbers' facts (address, first-use
 * stack) are kept forever for reports, 16 bytes each. */
#include "internal.h"

#define LINE_SHIFT 6
#define NBUCKETS (1u << 16)

static struct bucket { wt_spin lock; wt_sync *head; } table[NBUCKETS];
static _Atomic uint32_t nlive, npeak; /* objects now, and at most at once */
_Atomic bool wt_sync_upper_halves;

static wt_spin pool_lock;          /* guards the pool and the uid records */
static wt_sync *pool;
typedef struct uid_record {
  uintptr_t addr;
  wt_ctx ctx;
  uint16_t destroyed, kind;
} uid_record;
static uid_record *uids;
static uint32_t nuids, uids_cap;

static struct bucket *bucket_of(uintptr_t addr) {
  uint64_t h = (addr >> LINE_SHIFT) * 0x9e3779b97f4a7c15ull;
  return &table[h >> (64 - 16)];
}

static wt_sync *find_locked(struct bucket *b, uintptr_t addr) {
  for (wt_sync *s = b->head; s; s = s->next)
    if (s->addr == addr) return s;
  return 0;
}

wt_sync *wt_sync_find(uintptr_t addr) {
  if (!atomic_load_explicit(&nlive, memory_order_relaxed)) return 0;
  struct bucket *b = bucket_of(addr);
  wt_spin_lock(&b->lock);
  wt_sync *s = find_locked(b, addr);
  wt_spin_unlock(&b->lock);
  return s;
}

static wt_sync *new_sync(uintptr_t addr, int kind, wt_ctx ctx) {
  wt_spin_lock(&pool_lock);
  wt_sync *s = pool;
  if (s) pool = s->next;
  if (nuids == uids_cap) {
    uint32_t cap = uids_cap ? uids_cap * 2 : 256;
    uid_record *u = wt_alloc(cap * sizeof *u);
    if (uids) {
      __builtin_memcpy(u, uids, nuids * sizeof *u);
      wt_free(uids, uids_cap * sizeof *u);
    }
    uids = u;
    uids_cap = cap;
  }
  uint32_t uid = nuids++;
  uids[uid] = (uid_record){addr, ctx, 0, (uint16_t)kind};
  wt_spin_unlock(&pool_lock);
  if (!s) s = wt_alloc(sizeof *s);
  wt_vc clock = s->clock, rclock = s->rclock;
  __builtin_memset(s, 0, sizeof *s);
  s->clock = clock, s->rclock = rclock;
  wt_vc_clear(&s->clock);
  wt_vc_clear(&s->rclock);
  s->addr = addr;
  s->kind = (uint32_t)kind;
  s->uid = uid;
  s->create_ctx = ctx;
  s->owner_uid = ~0u;
  return s;
}

wt_sync *wt_sync_get(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc) {
  struct bucket *b = bucket_of(addr);
  wt_spin_lock(&b->lock);
  wt_sync *s = find_locked(b, addr);
  wt_spin_unlock(&b->lock);
  if (s) return s;
  /* Build outside the bucket lock: the depot and allocator take their own. */
  wt_sync *fresh = new_sync(addr, kind, wt_ctx_current(t, pc));
  wt_spin_lock(&b->lock);
  s = find_locked(b, addr);
  if (!s) {
    fresh->next = b->head;
    b->head = s = fresh;
    if (kind == WT_SYNC_ATOMIC && (addr & 7) == 4 &&
        !atomic_load_explicit(&wt_sync_upper_halves, memory_order_relaxed))
      atomic_store_explicit(&wt_sync_upper_halves, true, memory_order_relaxed);
    fresh = 0;
    uint32_t live = atomic_fetch_add_explicit(&nlive, 1, memory_order_relaxed) + 1;
    uint32_t peak = atomic_load_explicit(&npeak, memory_order_relaxed);
    while (live > peak && !atomic_compare_exchange_weak_explicit(
                              &npeak, &peak, live, memory_order_relaxed, memory_order_relaxed)) {
    }
  }
  wt_spin_unlock(&b->lock);
  if (fresh) { /* lost a race to another creator; its uid stays unused */
    wt_spin_lock(&pool_lock);
    fresh->next = pool;
    pool = fresh;
    wt_spin_unlock(&pool_lock);
  }
  return s;
}

static void unlink_and_pool(struct bucket *b, wt_sync **pp) {
  wt_sync *s = *pp;
  *pp = s->next;
  atomic_fetch_sub_explicit(&nlive, 1, memory_order_relaxed);
  wt_spin_lock(&pool_lock);
  uids[s->uid].destroyed = 1;
  s->next = pool;
  pool = s;
  wt_spin_unlock(&pool_lock);
}

void wt_sync_destroy(wt_thread *t, uintptr_t addr) {
  struct bucket *b = bucket_of(addr);
  wt_spin_lock(&b->lock);
  for (wt_sync **pp = &b->head; *pp; pp = &(*pp)->next)
    if ((*pp)->addr == addr) {
      unlink_and_pool(b, pp);
      break;
    }
  wt_spin_unlock(&b->lock);
}

static void free_in_bucket(struct bucket *b, uintptr_t lo, uintptr_t hi) {
  /* Racy peek: a free of a large block passes over many empty buckets,
   * and the block's own sync objects were created before it was freed. */
  if (!__atomic_load_n(&b->head, __ATOMIC_RELAXED)) return;
  wt_spin_lock(&b->lock);
  for (wt_sync **pp = &b->head; *pp;) {
    if ((*pp)->addr >= lo && (*pp)->addr < hi) unlink_and_pool(b, pp);
    else pp = &(*pp)->next;
  }
  wt_spin_unlock(&b->lock);
}

void wt_sync_free_range(uintptr_t addr, size_t size) {
  if (!size || !atomic_load_explicit(&nlive, memory_order_relaxed)) return;
  uintptr_t hi = addr + size;
  if ((size >> LINE_SHIFT) >= NBUCKETS) {
    for (uint32_t i = 0; i < NBUCKETS; i++)
      if (table[i].head) free_in_bucket(&table[i], addr, hi);
    return;
  }
  for (uintptr_t line = addr >> LINE_SHIFT; line <= (hi - 1) >> LINE_SHIFT; line++)
    free_in_bucket(bucket_of(line << LINE_SHIFT), addr, hi);
}

/* In a forked child the other threads are gone, and so is their hold on
 * any lock.  Their acquisitions stay in the lock graph: the orders they
 * took are still this program's. */
void wt_sync_after_fork_child(wt_thread *self) {
  for (uint32_t i = 0; i < NBUCKETS; i++)
    for (wt_sync *s = table[i].head; s; s = s->next) {
      if (s->owner_uid != self->uid) {
        s->owner_uid = ~0u;
        s->recursion = 0;
      }
      int32_t mine = 0;
      for (uint32_t k = 0; k < self->nheld; k++) mine += self->held[k].sync == s && !self->held[k].write;
      s->readers = mine;
    }
}

uint32_t wt_sync_live(uint32_t *peak) {
  *peak = atomic_load_explicit(&npeak, memory_order_relaxed);
  return atomic_load_explicit(&nlive, memory_order_relaxed);
}

uint32_t wt_sync_count(void) {
  wt_spin_lock(&pool_lock);
  uint32_t n = nuids;
  wt_spin_unlock(&pool_lock);
  return n;
}

bool wt_sync_describe(uint32_t uid, uintptr_t *addr, wt_ctx *ctx, bool *destroyed) {
  wt_spin_lock(&pool_lock);
  bool ok = uid < nuids;
  if (ok) {
    *addr = uids[uid].addr;
    *ctx = uids[uid].ctx;
    *destroyed = uids[uid].destroyed;
  }
  wt_spin_unlock(&pool_lock);
  return ok;
}

int wt_sync_kind_of(uint32_t uid) {
  wt_spin_lock(&pool_lock);
  int kind = uid < nuids ? uids[uid].kind : WT_SYNC_OTHER;
  wt_spin_unlock(&pool_lock);
  return kind;
}

/* ---- happens-before through an object --------------------------------- */
/* Each edge is also noted as the thread's last acquire or release
 * (lastsync.c) for reports; the context comes from the depot's cache. */
void wt_hb_acquire(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc) {
  wt_sync *s = wt_sync_get(t, addr, kind, pc);
  wt_spin_lock(&s->lock);
  wt_acquire(t, &s->clock);
  uint32_t uid = s->uid, k = s->kind;
  wt_spin_unlock(&s->lock);
  wt_last_sync_note(t, false, uid, k, wt_ctx_current(t, pc));
}

void wt_hb_release(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc) {
  wt_sync *s = wt_sync_get(t, addr, kind, pc);
  wt_spin_lock(&s->lock);
  wt_release(t, &s->clock);
  uint32_t uid = s->uid, k = s->kind;
  wt_spin_unlock(&s->lock);
  wt_ctx ctx = wt_ctx_current(t, pc);
  wt_last_sync_note(t, true, uid, k, ctx);
  atomic_store_explicit(&s->last_release, (uint64_t)t->uid << 32 | ctx, memory_order_relaxed);
}

/* ---- locks held --------------------------------------------------------
 * The thread's held locks feed its lockset (shown in race reports), the
 * lock-order graph (lockgraph.c) and the deadlock watchdog, and keep
 * each acquisition's stack for their reports.  The list grows without a
 * cap.  Its old arrays go back to the allocator, which never unmaps
 * blocks of 64 KiB or less: the watchdog may still be copying one (it
 * finds out from the thread's wait sequence and drops the copy), so a
 * larger one (more than 2,730 locks held) is left mapped instead. */
static void held_push(wt_thread *t, wt_held h) {
  if (t->nheld == t->held_cap) {
    uint32_t cap = t->held_cap ? t->held_cap * 2 : 16;
    wt_held *a = wt_alloc(cap * sizeof *a);
    if (t->held) {
      __builtin_memcpy(a, t->held, t->nheld * sizeof *a);
      if (t->held_cap * sizeof *a <= (64u << 10)) wt_free(t->held, t->held_cap * sizeof *a);
    }
    t->held = a;
    t->held_cap = cap;
  }
  t->held[t->nheld++] = h;
}

/* Heapsort: a thread holding a thousand locks re-sorts them at every
 * acquisition and release. */
static WT_NOINLINE void sort_many(uint32_t *a, uint32_t n) {
  for (uint32_t i = n / 2; i-- > 0;)
    for (uint32_t r = i, c; (c = 2 * r + 1) < n; r = c) {
      if (c + 1 < n && a[c + 1] > a[c]) c++;
      if (a[r] >= a[c]) break;
      uint32_t x = a[r]; a[r] = a[c]; a[c] = x;
    }
  for (uint32_t end = n; end-- > 1;) {
    uint32_t x = a[0]; a[0] = a[end]; a[end] = x;
    for (uint32_t r = 0, c; (c = 2 * r + 1) < end; r = c) {
      if (c + 1 < end && a[c + 1] > a[c]) c++;
      if (a[r] >= a[c]) break;
      x = a[r]; a[r] = a[c]; a[c] = x;
    }
  }
}

static void update_lockset(wt_thread *t) {
  uint32_t local[WT_MAX_HELD];
  uint32_t n = t->nheld;
  uint32_t *items = n <= WT_MAX_HELD ? local : wt_alloc(n * sizeof(uint32_t));
  if (n <= WT_MAX_HELD) {
    for (uint32_t i = 0; i < n; i++) {
      uint32_t it = t->held[i].uid << 1 | t->held[i].write, j = i;
      while (j > 0 && items[j - 1] > it) { items[j] = items[j - 1]; j--; }
      items[j] = it;
    }
  } else {
    for (uint32_t i = 0; i < n; i++) items[i] = t->held[i].uid << 1 | t->held[i].write;
    sort_many(items, n);
  }
  t->lockset = n ? wt_lockset_intern(items, n) : 0;
  if (items != local) wt_free(items, n * sizeof(uint32_t));
}

/* A held lock destroyed or freed since (misuse) may have a new lock at
 * its address, or its struct reused: only a lock still in the table
 * counts. */
const wt_held *wt_held_find(const wt_thread *t, uintptr_t addr) {
  for (uint32_t i = t->nheld; i-- > 0;) {
    const wt_held *h = &t->held[i];
    if (h->sync->addr != addr) continue;
    wt_sync *s = wt_sync_find(addr);
    return s == h->sync && s->uid == h->uid ? h : 0;
  }
  return 0;
}

void wt_lock_post(wt_thread *t, uintptr_t addr, int kind, bool write, bool try_,
                  uintptr_t pc) {
  wt_sync *s = wt_sync_get(t, addr, kind, pc);
  bool reentered = false;
  wt_spin_lock(&s->lock);
  wt_acquire(t, &s->clock);
  if (write) {
    /* A writer also waits for every reader that released before it. */
    wt_acquire(t, &s->rclock);
    if (s->owner_uid == t->uid && s->recursion > 0) {
      s->recursion++;
      reentered = true;
    } else {
      s->owner_uid = t->uid;
      s->recursion = 1;
    }
  } else {
    s->readers++;
  }
  uint32_t uid = s->uid, k = s->kind;
  wt_spin_unlock(&s->lock);
  wt_ctx ctx = wt_ctx_current(t, pc);
  wt_last_sync_note(t, false, uid, k, ctx);
  if (reentered) return;
  /* A trylock cannot block, so it orders nothing before it. */
  if (t->nheld && !try_) wt_lockgraph_acquire(t, uid, write, ctx);
  held_push(t, (wt_held){s, uid, write, ctx, addr});
  update_lockset(t);
}

int wt_unlock_pre(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc, uint32_t *owner) {
  wt_sync *s = wt_sync_get(t, addr, kind, pc);
  bool still_held = false;
  int state = WT_HELD_BY_ME;
  *owner = ~0u;
  wt_spin_lock(&s->lock);
  if (s->owner_uid == t->uid && s->recursion > 0) {
    if (--s->recursion == 0) s->owner_uid = ~0u;
    else still_held = true;
    wt_release(t, &s->clock);
  } else if (s->readers > 0) {
    s->readers--;
    wt_release(t, &s->rclock);
    bool mine = false;
    for (uint32_t i = t->nheld; i-- > 0 && !mine;)
      mine = t->held[i].sync == s && t->held[i].uid == s->uid;
    if (!mine) state = WT_HELD_OTHER;
  } else {
    /* Not held by this thread as far as weft saw; still an ordering
     * point. */
    *owner = s->owner_uid;
    state = s->owner_uid == ~0u ? WT_HELD_NOT : WT_HELD_OTHER;
    wt_release(t, &s->clock);
  }
  uint32_t uid = s->uid, k = s->kind;
  wt_spin_unlock(&s->lock);
  wt_last_sync_note(t, true, uid, k, wt_ctx_current(t, pc));
  if (still_held) return state;
  for (uint32_t i = t->nheld; i-- > 0;)
    if (t->held[i].uid == uid ||
        (state != WT_HELD_BY_ME && t->held[i].addr == addr && t->held[i].uid != uid)) {
      /* The second case: another thread re-initialized the lock under
       * this holder (reported then).  Its unlock is the bug's echo, not
       * a bug of its own, and it ends the holding. */
      if (t->held[i].uid != uid) state = WT_HELD_STALE;
      __builtin_memmove(&t->held[i], &t->held[i + 1],
                        (t->nheld - i - 1) * sizeof(wt_held));
      t->nheld--;
      update_lockset(t);
      break;
    }
  return state;
}

/* 65,536 bucket locks: about a millisecond per fork, paid only by
 * programs that fork. */
void wt_sync_fork_lock(bool lock) {
  if (lock) wt_spin_lock(&pool_lock);
  for (uint32_t i = 0; i < NBUCKETS; i++) {
    if (lock) wt_spin_lock(&table[i].lock);
    else wt_spin_unlock(&table[i].lock);
  }
  if (!lock) wt_spin_unlock(&pool_lock);
}
