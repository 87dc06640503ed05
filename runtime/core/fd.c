/* File descriptors as synchronization objects and as memory.
 *
 * Threads hand data over through pipes, sockets and eventfds: a write to
 * one end happens before the read that returns the data.  So each open fd
 * names a sync object (its *key*): writes release into it, reads acquire
 * from it.  Which fds share a key decides which edges exist:
 *  - the two ends of a pipe or socketpair share one, made for them;
 *  - a dup shares its original's;
 *  - every socket shares one key, so a connect is ordered before the
 *    accept that returns it, and data sent through a connection before
 *    its receipt, whichever fds the two ends got;
 *  - every regular file shares one too: a file written and closed by one
 *    thread and opened and read by another orders them;
 *  - an fd weft did not see created (inherited, or made by a raw system
 *    call) gets a key of its own on first use.
 * Made keys are counted by the fds that use them and go when the last of
 * those closes, so a reused fd number starts a new object and never
 * inherits an edge.
 *
 * An fd is also memory, one 8-byte cell per number: I/O reads it and
 * close (or a dup2 over it) writes it, so a close racing with I/O on the
 * same fd is a data race, reported on "file descriptor N".  Opening an fd
 * forgets the cell's history.
 *
 * Numbers from 0 to WT_FD_MAX - 1 are modelled (the table is 2 MiB of
 * address space, backed as used); higher ones are left alone. */
#include "internal.h"

#define WT_FD_MAX (1 << 16)

typedef struct fd_slot {
  _Atomic uint64_t cell;  /* the fd's memory in the shadow; its value is unused */
  _Atomic uintptr_t key;  /* the sync object's address | KEY_COUNTED; 0: not known */
  uint32_t thread_uid;    /* who opened it, for reports */
  wt_ctx ctx;
  _Atomic int32_t kind;   /* WT_FD_*, as opened: a signalfd's reads acquire signals */
  uint32_t pad;
} fd_slot;

typedef struct fd_key {
  _Atomic uint32_t refs;
} fd_key;
#define KEY_COUNTED 1u

static fd_slot slots[WT_FD_MAX];
static char socket_key, file_key; /* their addresses are the shared keys */

static fd_slot *slot_of(int fd) {
  return fd >= 0 && fd < WT_FD_MAX ? &slots[fd] : 0;
}

static uintptr_t key_new(void) {
  fd_key *k = wt_alloc(sizeof *k);
  atomic_store_explicit(&k->refs, 1, memory_order_relaxed);
  return (uintptr_t)k | KEY_COUNTED;
}

static uintptr_t key_ref(uintptr_t key) {
  if (key & KEY_COUNTED)
    atomic_fetch_add_explicit(&((fd_key *)(key & ~(uintptr_t)KEY_COUNTED))->refs, 1,
                              memory_order_relaxed);
  return key;
}

static void key_drop(wt_thread *t, uintptr_t key) {
  if (!(key & KEY_COUNTED)) return;
  fd_key *k = (fd_key *)(key & ~(uintptr_t)KEY_COUNTED);
  if (atomic_fetch_sub_explicit(&k->refs, 1, memory_order_acq_rel) != 1) return;
  wt_sync_destroy(t, (uintptr_t)k);
  wt_free(k, sizeof *k);
}

static uintptr_t key_for(int kind) {
  switch (kind) {
  case WT_FD_SOCKET: return (uintptr_t)&socket_key;
  case WT_FD_FILE: return (uintptr_t)&file_key;
  default: return key_new();
  }
}

/* Fills a slot for a new fd with key; drops the key it had, if the fd was
 * closed behind weft's back. */
static void slot_open(wt_thread *t, fd_slot *s, uintptr_t key, int kind, uintptr_t pc) {
  wt_shadow_reset((uintptr_t)&s->cell, sizeof s->cell);
  atomic_store_explicit(&s->kind, kind, memory_order_relaxed);
  s->thread_uid = t->uid;
  s->ctx = wt_ctx_current(t, pc);
  uintptr_t old = atomic_exchange_explicit(&s->key, key, memory_order_acq_rel);
  if (old) key_drop(t, old);
}

/* The fd's key, made on first use for an fd weft did not see created. */
static uintptr_t slot_key(wt_thread *t, fd_slot *s, uintptr_t pc) {
  uintptr_t key = atomic_load_explicit(&s->key, memory_order_acquire);
  if (key) return key;
  uintptr_t fresh = key_new();
  if (atomic_compare_exchange_strong_explicit(&s->key, &key, fresh, memory_order_acq_rel,
                                              memory_order_acquire)) {
    s->thread_uid = t->uid;
    s->ctx = 0;
    atomic_store_explicit(&s->kind, WT_FD_OWN, memory_order_relaxed);
    return fresh;
  }
  key_drop(t, fresh);
  return key;
}

static bool skip(wt_thread *t) { return t->in_rt || t->ignore; }

/* An access to the fd's memory by the intercepted function fn. */
static void touch(wt_thread *t, fd_slot *s, bool write, uintptr_t pc, void *fn) {
  wt_access_range_in(t, (uintptr_t)&s->cell, sizeof s->cell, write, pc, fn);
}

void wt_fd_open(wt_thread *t, int fd, int kind, uintptr_t pc) {
  fd_slot *s = slot_of(fd);
  if (!s || skip(t)) return;
  slot_open(t, s, key_for(kind), kind, pc);
}

void wt_fd_open_pair(wt_thread *t, const int fds[2], uintptr_t pc) {
  fd_slot *a = slot_of(fds[0]), *b = slot_of(fds[1]);
  if (skip(t)) return;
  uintptr_t key = key_new();
  if (a) slot_open(t, a, key_ref(key), WT_FD_OWN, pc);
  if (b) slot_open(t, b, key_ref(key), WT_FD_OWN, pc);
  key_drop(t, key);
}

void wt_fd_dup(wt_thread *t, int oldfd, int newfd, uintptr_t pc) {
  fd_slot *o = slot_of(oldfd), *n = slot_of(newfd);
  if (!n || skip(t)) return;
  uintptr_t key = o ? key_ref(slot_key(t, o, pc)) : key_new();
  int kind = o ? atomic_load_explicit(&o->kind, memory_order_relaxed) : WT_FD_OWN;
  slot_open(t, n, key, kind, pc);
}

/* Before the real close: afterwards the number may already belong to
 * another thread's new fd.  A close releases like a write, so a reader
 * that sees end-of-file sees what was done before it. */
void wt_fd_close(wt_thread *t, int fd, uintptr_t pc, void *fn) {
  fd_slot *s = slot_of(fd);
  if (!s || skip(t)) return;
  uintptr_t key = atomic_exchange_explicit(&s->key, 0, memory_order_acq_rel);
  if (!key) return; /* never seen: nothing ordered through it, nothing to race with */
  touch(t, s, true, pc, fn);
  wt_hb_release(t, key & ~(uintptr_t)KEY_COUNTED, WT_SYNC_FD, pc);
  key_drop(t, key);
}

/* Only the fds that are modelled and known to be open. */
void wt_fd_close_range(wt_thread *t, unsigned first, unsigned last, uintptr_t pc, void *fn) {
  for (unsigned fd = first; fd <= last && fd < WT_FD_MAX; fd++)
    if (atomic_load_explicit(&slots[fd].key, memory_order_relaxed)) wt_fd_close(t, (int)fd, pc, fn);
}

/* I/O: a read of the fd's memory, then the edge (release before the data
 * leaves, acquire once it has arrived). */
int wt_fd_io(wt_thread *t, int fd, int edge, uintptr_t pc, void *fn) {
  fd_slot *s = slot_of(fd);
  if (!s || skip(t)) return WT_FD_OWN;
  uintptr_t key = slot_key(t, s, pc) & ~(uintptr_t)KEY_COUNTED;
  touch(t, s, false, pc, fn);
  if (edge == WT_FD_RELEASE) wt_hb_release(t, key, WT_SYNC_FD, pc);
  else if (edge == WT_FD_ACQUIRE) wt_hb_acquire(t, key, WT_SYNC_FD, pc);
  return atomic_load_explicit(&s->kind, memory_order_relaxed);
}

bool wt_fd_find(uintptr_t addr, wt_report_loc *out) {
  uintptr_t lo = (uintptr_t)&slots[0], hi = (uintptr_t)&slots[WT_FD_MAX];
  if (addr < lo || addr >= hi) return false;
  int fd = (int)((addr - lo) / sizeof(fd_slot));
  const fd_slot *s = &slots[fd];
  *out = (wt_report_loc){.kind = WT_LOC_FD, .start = (uintptr_t)&s->cell,
                         .size = sizeof s->cell, .thread_uid = s->thread_uid,
                         .ctx = s->ctx, .fd = fd};
  return true;
}
