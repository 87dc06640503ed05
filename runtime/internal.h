/* The runtime's table of contents: every function shared between runtime
 * files, grouped by the file that defines it.  File-local helpers stay
 * static in their file.  Nothing here is visible outside the runtime
 * (hidden visibility); the public surface is abi.def and the interceptors.
 * The folders are the parts:
 *   core/       shadow and accesses, atomics, clocks, threads, sync
 *               objects, stacks and the site log, heap blocks, fds
 *   intercept/  one file per family of intercepted calls
 *   report/     gathering, grouping, fingerprints, suppressions,
 *               symbols, text and JSON, the log file
 *   deadlock/   the lock-order graph, the watchdog, API misuse
 *   platform/   what depends on Linux and glibc, string helpers
 * and at the top the start-up, the options and the statistics. */
#ifndef WEFT_INTERNAL_H
#define WEFT_INTERNAL_H

#include "types.h"
#include <stdbool.h>
#include <stdarg.h>

#define WT_HIDDEN __attribute__((visibility("hidden")))
#define WT_INLINE static inline __attribute__((always_inline))
#define WT_NOINLINE __attribute__((noinline))
#define WT_LIKELY(x) __builtin_expect(!!(x), 1)
#define WT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WT_PC() ((uintptr_t)__builtin_return_address(0))

/* The entry points, declared from the contract itself so the compiler
 * checks every definition in access.c and atomic.c against it. */
#define WT_T_V void
#define WT_T_P void *
#define WT_T_Z size_t
#define WT_T_U unsigned
#define WEFT_ENTRY0(n, r) WT_T_##r __weft_##n(void);
#define WEFT_ENTRY1(n, r, a) WT_T_##r __weft_##n(WT_T_##a);
#define WEFT_ENTRY2(n, r, a, b) WT_T_##r __weft_##n(WT_T_##a, WT_T_##b);
#define WEFT_ENTRY3(n, r, a, b, c) WT_T_##r __weft_##n(WT_T_##a, WT_T_##b, WT_T_##c);
#include "weft/abi.def"
#undef WEFT_ENTRY0
#undef WEFT_ENTRY1
#undef WEFT_ENTRY2
#undef WEFT_ENTRY3

/* Internal invariants: always on, cold. */
#define WT_CHECK(c) \
  do { if (WT_UNLIKELY(!(c))) wt_check_failed(__FILE__, __LINE__, #c); } while (0)

/* A 64-bit finalizer (MurmurHash3's): spreads keys for the runtime's
 * hash tables. */
WT_INLINE uint64_t wt_hash64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

/* FNV-1a 64, the hash of names that must stay the same across runs and
 * builds (fingerprints, report groups): start from WT_FNV_BASIS. */
#define WT_FNV_BASIS 0xcbf29ce484222325ull
WT_INLINE uint64_t wt_fnv1a(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) {
    h ^= b[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

/* The part of a path after its last '/'. */
WT_INLINE const char *wt_base_name(const char *path) {
  const char *b = path;
  for (const char *p = path; *p; p++)
    if (*p == '/') b = p + 1;
  return b;
}

/* ---- spin locks (header-only: used on sync paths everywhere) ----------
 * wt_spins_held counts the runtime locks the calling thread holds (cell
 * locks included), so a signal handler that interrupts the runtime knows
 * not to re-enter it (intercept/signal.c). */
extern __thread uint32_t wt_spins_held __attribute__((tls_model("initial-exec")));
WT_INLINE void wt_spin_lock(wt_spin *l) {
  wt_spins_held++;
  for (;;) {
    if (!atomic_exchange_explicit(&l->v, 1, memory_order_acquire)) return;
    while (atomic_load_explicit(&l->v, memory_order_relaxed))
      __builtin_ia32_pause();
  }
}
WT_INLINE void wt_spin_unlock(wt_spin *l) {
  atomic_store_explicit(&l->v, 0, memory_order_release);
  wt_spins_held--;
}

/* ---- platform/linux.c: the only file that includes OS headers for
 *      memory, files and processes ---------------------------------- */
WT_HIDDEN void *wt_mmap(size_t size);             /* zeroed, dies on failure */
WT_HIDDEN void *wt_mmap_noreserve(size_t size);   /* lazily backed */
WT_HIDDEN void wt_munmap(void *p, size_t size);
WT_HIDDEN void wt_zero_pages(void *p, size_t size); /* gives pages back */
WT_HIDDEN void wt_write_all(int fd, const char *buf, size_t len);
WT_HIDDEN int wt_gettid(void);
WT_HIDDEN int wt_getpid(void);
WT_HIDDEN bool wt_thread_alive(int pid, int tid);
WT_HIDDEN void wt_stack_bounds(uintptr_t *lo, uintptr_t *hi); /* calling thread */
WT_HIDDEN void wt_tls_bounds(uintptr_t *lo, uintptr_t *hi);   /* calling thread */
/* The loaded module (executable or library) holding addr: the span of
 * its segments; both 0 if none does. */
WT_HIDDEN void wt_module_span(uintptr_t addr, uintptr_t *lo, uintptr_t *hi);
/* A loaded module whose file name starts with prefix ("libgomp."), and
 * its span (lo, hi may be NULL). */
WT_HIDDEN bool wt_module_named(const char *prefix, uintptr_t *lo, uintptr_t *hi);
WT_HIDDEN void wt_yield(void);
WT_HIDDEN __attribute__((noreturn)) void wt_die(const char *fmt, ...);
WT_HIDDEN __attribute__((noreturn)) void wt_check_failed(const char *file, int line,
                                                         const char *cond);
WT_HIDDEN void wt_printf(const char *fmt, ...); /* one write(2) to the log */

/* ---- intercept/omp.c: the OMPT tool ------------------------------------- */
WT_HIDDEN void wt_omp_check(void); /* at start-up: say if OpenMP is not modelled */
/* libomp's code, [lo, hi), once it started weft as its tool (else 0, 0). */
WT_HIDDEN extern uintptr_t wt_omp_lo, wt_omp_hi;
/* ---- core/alloc.c: the runtime's own allocator (never libc malloc) ------- */
WT_HIDDEN void *wt_alloc(size_t size);           /* zeroed */
WT_HIDDEN void wt_free(void *p, size_t size);

/* ---- fork: every file with a global lock takes it before fork(2) and
 *      drops it after, in parent and child alike, so the child never
 *      inherits a lock held by a thread that does not exist there. ----- */
WT_HIDDEN void wt_alloc_fork_lock(bool lock);
WT_HIDDEN void wt_sync_fork_lock(bool lock);
WT_HIDDEN void wt_heap_fork_lock(bool lock);
WT_HIDDEN void wt_thread_fork_lock(bool lock);
WT_HIDDEN void wt_shadow_fork_lock(bool lock);
WT_HIDDEN void wt_fork_init(void); /* intercept/thread.c: the atfork handlers */

/* ---- core/clock.c: vector clocks and the happens-before primitives ------- */
WT_HIDDEN void wt_vc_reserve(wt_vc *vc, uint32_t n);
WT_HIDDEN void wt_vc_join(wt_vc *dst, const wt_vc *src);
WT_HIDDEN void wt_vc_copy(wt_vc *dst, const wt_vc *src);
WT_HIDDEN void wt_vc_clear(wt_vc *vc);
WT_HIDDEN void wt_vc_destroy(wt_vc *vc);
WT_HIDDEN void wt_acquire(wt_thread *t, const wt_vc *src);   /* t.vc |= src */
WT_HIDDEN void wt_release(wt_thread *t, wt_vc *dst);         /* dst |= t.vc; tick */
WT_HIDDEN void wt_release_store(wt_thread *t, wt_vc *dst);   /* dst = t.vc; tick */
WT_HIDDEN void wt_tick(wt_thread *t);

/* ---- core/thread.c: thread slots, registry, creation and exit ------------ */
extern __thread wt_thread *wt_cur __attribute__((tls_model("initial-exec")));
WT_HIDDEN wt_thread *wt_thread_main_init(void);
WT_HIDDEN wt_thread *wt_thread_slow(void);  /* wt_cur for a thread weft did not create */
WT_INLINE wt_thread *wt_thread_get(void) {
  wt_thread *t = wt_cur;
  return WT_LIKELY(t != 0) ? t : wt_thread_slow();
}
WT_HIDDEN wt_thread *wt_thread_create_begin(wt_thread *parent, wt_ctx where);
WT_HIDDEN void wt_thread_create_failed(wt_thread *child);
WT_HIDDEN void wt_thread_start(wt_thread *self);  /* first thing in the child */
WT_HIDDEN void wt_thread_finish(wt_thread *self); /* last thing in the child */
WT_HIDDEN void wt_thread_exit_init(void);
/* It returns from its start routine or calls pthread_exit at pc (ctx):
 * the held-locks check and wt_thread_finish wait for its cleanup handlers
 * and TLS destructors, unless the exit key is missing. */
WT_HIDDEN void wt_thread_exiting(wt_thread *self, uintptr_t pc, wt_ctx ctx);
WT_HIDDEN void wt_thread_cancelled_by(wt_thread *target, wt_thread *by, wt_ctx ctx);
WT_HIDDEN void wt_thread_set_pthread(wt_thread *child, uintptr_t pth);
WT_HIDDEN wt_thread *wt_thread_by_pthread(uintptr_t pth);
WT_HIDDEN void wt_thread_joined(wt_thread *joiner, wt_thread *child);
WT_HIDDEN void wt_thread_detached(wt_thread *child);
WT_HIDDEN bool wt_thread_describe(uint32_t uid, wt_report_thread *out);
/* The OpenMP thread number t has in the region at region (0: none). */
WT_HIDDEN void wt_thread_set_omp(wt_thread *t, uint32_t num, uintptr_t region);
/* Which thread owned a slot when its clock read `clock` (slots are reused). */
WT_HIDDEN uint32_t wt_thread_uid_at(uint32_t slot, uint64_t clock);
/* Location lookup for reports: the thread whose stack or TLS holds addr. */
WT_HIDDEN bool wt_thread_find_addr(uintptr_t addr, wt_report_loc *out);
WT_HIDDEN void wt_thread_after_fork_child(wt_thread *self);
WT_HIDDEN void wt_thread_grow_stack(wt_thread *t); /* func_entry ran out of room */
/* fn(t, arg) for every thread not yet joined or reaped, under the
 * registry lock: fn must not call back into thread.c. */
WT_HIDDEN void wt_thread_foreach(void (*fn)(wt_thread *, void *), void *arg);

/* ---- core/sync.c: sync objects by address and the lock/HB helpers the
 *      interceptors call ---------------------------------------------- */
WT_HIDDEN wt_sync *wt_sync_find(uintptr_t addr);   /* NULL if unknown */
/* Set once an atomic's object sits in the upper half of an 8-byte word. */
WT_HIDDEN extern _Atomic bool wt_sync_upper_halves;
WT_HIDDEN wt_sync *wt_sync_get(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc);
WT_HIDDEN void wt_sync_destroy(wt_thread *t, uintptr_t addr); /* next use is a new object */
WT_HIDDEN void wt_sync_free_range(uintptr_t addr, size_t size);
WT_HIDDEN void wt_sync_after_fork_child(wt_thread *self); /* other threads' holds end */
/* A lock's report facts, kept after it is destroyed (destroyed then set). */
WT_HIDDEN bool wt_sync_describe(uint32_t uid, uintptr_t *addr, wt_ctx *ctx, bool *destroyed);
WT_HIDDEN int wt_sync_kind_of(uint32_t uid); /* enum wt_sync_kind */
/* Happens-before through an object (cond, sem, barrier, once, ...). */
WT_HIDDEN void wt_hb_acquire(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc);
WT_HIDDEN void wt_hb_release(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc);
/* Locks: call after a successful acquisition and before a release.
 * try_: a trylock, which cannot block and so adds no lock-order edge.
 * wt_unlock_pre says who held the lock: WT_HELD_OTHER sets *owner to the
 * exclusive holder, or ~0u when only other threads' read locks held it;
 * WT_HELD_STALE: this thread held it until another re-initialized it
 * (reported then), and now no longer does. */
enum { WT_HELD_BY_ME, WT_HELD_NOT, WT_HELD_OTHER, WT_HELD_STALE };
WT_HIDDEN void wt_lock_post(wt_thread *t, uintptr_t addr, int kind, bool write,
                            bool try_, uintptr_t pc);
WT_HIDDEN int wt_unlock_pre(wt_thread *t, uintptr_t addr, int kind, uintptr_t pc,
                            uint32_t *owner);
/* t's entry for the lock at addr (its latest acquisition), or NULL. */
WT_HIDDEN const wt_held *wt_held_find(const wt_thread *t, uintptr_t addr);

/* ---- core/access.c: THE hot path, plus range operations ------------------ */
WT_HIDDEN void wt_access_range(wt_thread *t, uintptr_t addr, size_t size,
                               bool write, bool atomic, uintptr_t pc);
/* The same, with the access's context already known (pc still keys dedup). */
WT_HIDDEN void wt_access_range_ctx(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                   uintptr_t pc, wt_ctx ctx);
/* An access by the intercepted function fn called from pc: fn is the top
 * frame of its stack, which is made only if a record needs it. */
WT_HIDDEN void wt_access_range_in(wt_thread *t, uintptr_t addr, size_t size, bool write,
                                  uintptr_t pc, void *fn);
WT_HIDDEN void wt_shadow_reset(uintptr_t addr, size_t size);
WT_HIDDEN void wt_shadow_unmapped(uintptr_t addr, size_t size); /* reset, pages given back */
/* After free's checked write of [addr, addr+size): its records say freed. */
WT_HIDDEN void wt_shadow_freed(wt_thread *t, uintptr_t addr, size_t size);
/* A new heap block [addr, addr + size): history gone, written by t at ctx
 * with no check, at the cost of plain stores. */
WT_HIDDEN void wt_shadow_alloc(wt_thread *t, uintptr_t addr, size_t size, uintptr_t pc,
                               wt_ctx ctx);

/* ---- core/sitelog.c: which statement touched which bytes of a record ----- */
enum { WT_SITELOG_NONE, WT_SITELOG_FOUND, WT_SITELOG_LOST };
WT_HIDDEN void wt_sitelog_add(const wt_thread *t, uintptr_t granule, uint32_t bytes,
                              uint32_t site);
WT_HIDDEN int wt_sitelog_find(wt_epoch e, uintptr_t addr, uint32_t *site);

/* ---- core/atomic.c: atomic operations and fences ------------------------- */
/* (only the __weft_atomic_* / __weft_fence entry points) */

/* ---- core/stack.c: the context depot, locksets, unwinding ---------------- */
WT_HIDDEN wt_ctx wt_ctx_intern(wt_ctx parent, uintptr_t pc, wt_lockset ls);
/* Context of the calling thread's current stack with pc on top and its
 * current lockset; pc 0 = just the shadow stack. */
WT_HIDDEN wt_ctx wt_ctx_current(wt_thread *t, uintptr_t pc);
/* Would wt_ctx_current(t, pc) return ctx?  Cheaper than asking it. */
WT_HIDDEN bool wt_ctx_is_current(wt_ctx ctx, wt_thread *t, uintptr_t pc);
/* An access made by an intercepted function fn called from pc: fn shows
 * as the top frame (free, malloc...). */
WT_HIDDEN wt_ctx wt_ctx_access_in(wt_thread *t, uintptr_t pc, uintptr_t fn);
/* Like wt_ctx_current, but unwinds with libunwind first, for
 * interceptors called from code weft did not instrument. */
WT_HIDDEN wt_ctx wt_ctx_unwind(wt_thread *t, uintptr_t pc);
/* Innermost first; returns the number of frames; *ls gets the lockset. */
WT_HIDDEN int wt_ctx_frames(wt_ctx ctx, uintptr_t *pcs, int max, wt_lockset *ls);
/* The locks held at a context: items uid << 1 | write; returns the count. */
WT_HIDDEN uint32_t wt_ctx_locks(wt_ctx ctx, uint32_t *items, uint32_t max);
WT_HIDDEN wt_lockset wt_lockset_intern(const uint32_t *items, uint32_t n);
/* items are uid << 1 | write, sorted; returns the count. */
WT_HIDDEN uint32_t wt_lockset_items(wt_lockset ls, uint32_t *items, uint32_t max);

/* ---- report/symbolize.c: pc -> function, file:line:col via llvm-symbolizer --- */
typedef struct wt_frame {
  char function[256];
  char file[512];
  int line, column;
  char module[512];        /* path of the binary or library */
  uintptr_t offset;        /* pc - module base */
} wt_frame;
WT_HIDDEN void wt_symbolize_code(uintptr_t pc, wt_frame *out);
/* pc is a return address (the call before it is described); with
 * inlining, one frame per inlined function, innermost first.  >= 1. */
WT_HIDDEN int wt_symbolize_code_all(uintptr_t pc, wt_frame *out, int max);
/* The binary or library mapping addr, and addr - its load bias. */
WT_HIDDEN bool wt_module_of(uintptr_t addr, char *path, size_t path_size,
                            uintptr_t *offset);
/* A global's name, start and size; false if unknown. */
WT_HIDDEN bool wt_symbolize_data(uintptr_t addr, char *name, size_t name_size,
                                 uintptr_t *start, size_t *size);

/* ---- core/heap.c: live heap blocks, for reports' "Location is heap block" --- */
WT_HIDDEN void wt_heap_add(uintptr_t p, size_t size, uint32_t thread_uid, wt_ctx ctx);
/* Returns the size, 0 if unknown, and who allocated it where. */
WT_HIDDEN size_t wt_heap_remove(uintptr_t p, uint32_t *thread_uid, wt_ctx *ctx);
WT_HIDDEN bool wt_heap_find(uintptr_t addr, wt_report_loc *out);
/* core/quarantine.c: keeps a freed block from glibc (false: free it now). */
WT_HIDDEN bool wt_quarantine_put(uintptr_t p, size_t size, uint32_t thread_uid, wt_ctx ctx);
WT_HIDDEN bool wt_quarantine_find(uintptr_t addr, wt_report_loc *out);
WT_HIDDEN void wt_quarantine_fork_lock(bool take);

/* ---- platform/str.c: string functions of the runtime's own (libc's are
 *      intercepted) --------------------------------------------------- */
WT_HIDDEN size_t wt_strlen(const char *s);
WT_HIDDEN int wt_strcmp(const char *a, const char *b);
WT_HIDDEN int wt_memcmp(const void *a, const void *b, size_t n);
WT_HIDDEN char *wt_strchr(const char *s, int c);
WT_HIDDEN char *wt_strstr(const char *h, const char *n);
/* libc's, reached past their interceptors (intercept/printf.c) */
WT_HIDDEN int wt_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap);
WT_HIDDEN int wt_snprintf(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- core/fd.c: file descriptors as sync objects and as memory ----------- */
enum { WT_FD_OWN, WT_FD_SOCKET, WT_FD_FILE, WT_FD_SIGNAL }; /* what an fd opened is */
enum { WT_FD_USE, WT_FD_RELEASE, WT_FD_ACQUIRE };      /* what its I/O orders */
WT_HIDDEN void wt_fd_open(wt_thread *t, int fd, int kind, uintptr_t pc);
WT_HIDDEN void wt_fd_open_pair(wt_thread *t, const int fds[2], uintptr_t pc); /* pipe, socketpair */
WT_HIDDEN void wt_fd_dup(wt_thread *t, int oldfd, int newfd, uintptr_t pc);
/* fn: the intercepted function, shown as the top frame of the access */
WT_HIDDEN void wt_fd_close(wt_thread *t, int fd, uintptr_t pc, void *fn); /* before the real close */
WT_HIDDEN void wt_fd_close_range(wt_thread *t, unsigned first, unsigned last, uintptr_t pc,
                                 void *fn); /* each open fd, as close */
WT_HIDDEN int wt_fd_io(wt_thread *t, int fd, int edge, uintptr_t pc, void *fn); /* its WT_FD_* */
WT_HIDDEN bool wt_fd_find(uintptr_t addr, wt_report_loc *out); /* report location */

/* ---- report/report.c: gathering a report, dedup, counting ---------------- */
WT_HIDDEN void wt_report_race(wt_thread *t, const wt_report_access *cur,
                              const wt_report_access *prev);
WT_HIDDEN unsigned wt_report_count(void);
WT_HIDDEN uint32_t wt_report_mutexes(const wt_report *r, uint32_t *uids, uint32_t max);

/* Lock reports; misuse reports are deduplicated by (kind, pc) and return
 * whether this one was printed. */
WT_HIDDEN void wt_report_lock_order(wt_thread *t, const wt_report_edge *edges, uint32_t n,
                                    int apart);
/* kind: WT_R_DEADLOCK (a cycle, or a holder gone) or WT_R_ALL_BLOCKED. */
WT_HIDDEN void wt_report_deadlock(int kind, const wt_report_wait *waits, uint32_t n);
WT_HIDDEN bool wt_report_misuse_event(wt_thread *t, int kind, uintptr_t pc, wt_ctx ctx,
                                const wt_report_misuse *m);

/* ---- deadlock/lockgraph.c: lock-order inversions ------------------------- */
/* t acquires lock uid (write: exclusively) at ctx, blocking, while it
 * holds t->held[0..nheld) (t->lockset); adds the edges and reports a new
 * cycle. */
WT_HIDDEN void wt_lockgraph_acquire(wt_thread *t, uint32_t uid, bool write, wt_ctx ctx);
/* Thread creation and join order lock orders (called by the parent and
 * the joiner). */
WT_HIDDEN void wt_lockgraph_created(wt_thread *parent, uint32_t child_uid);
WT_HIDDEN void wt_lockgraph_joined(wt_thread *joiner, uint32_t child_uid);
WT_HIDDEN void wt_lockgraph_fork_lock(bool lock);

/* ---- deadlock/misuse.c: misuse of the threading API (called by interceptors;
 *      a,cv,mx are the program's objects) ------------------------------- */
WT_HIDDEN void wt_misuse_mutex_bad(wt_thread *t, const volatile void *m, uintptr_t pc);
/* Before a blocking acquisition by a thread holding locks: true if it
 * already holds a and will wait for itself (reported). */
WT_HIDDEN bool wt_misuse_relock(wt_thread *t, const volatile void *a, int kind, bool write,
                                uintptr_t pc);
WT_HIDDEN void wt_misuse_unlock(wt_thread *t, const volatile void *a, int kind, int state,
                                uint32_t owner, uintptr_t pc);
/* An OpenMP lock unset by a thread not holding it (true: reported). */
WT_HIDDEN bool wt_misuse_omp_unset(wt_thread *t, uintptr_t id, uintptr_t pc);
/* Before destroying a lock: true if it is held (reported). */
/* a cond weft meets for the first time holds garbage: reported (true) */
WT_HIDDEN bool wt_misuse_cond_uninit(wt_thread *t, const volatile void *cv, uintptr_t pc);
WT_HIDDEN bool wt_misuse_destroy(wt_thread *t, const volatile void *a, int kind, uintptr_t pc);
WT_HIDDEN bool wt_misuse_cond_begin(wt_thread *t, const volatile void *cv,
                                    const volatile void *mx, bool forever, uintptr_t pc);
WT_HIDDEN void wt_misuse_cond_end(wt_thread *t, const volatile void *cv, bool timedout);
WT_HIDDEN void wt_misuse_cond_wake(wt_thread *t, const volatile void *cv, bool all, uintptr_t pc);
/* Before pthread_mutex_init / pthread_rwlock_init: reports one that is held. */
WT_HIDDEN void wt_misuse_reinit(wt_thread *t, const volatile void *a, int kind, uintptr_t pc);
/* Before pthread_barrier_init: true (reported) if threads wait at it. */
WT_HIDDEN bool wt_misuse_barrier_reinit(wt_thread *t, const volatile void *b, uintptr_t pc);
WT_HIDDEN bool wt_misuse_cond_destroy(wt_thread *t, const volatile void *cv, uintptr_t pc);
WT_HIDDEN void wt_misuse_barrier_init(const volatile void *b, unsigned count);
WT_HIDDEN void wt_misuse_barrier_arrive(const volatile void *b);
WT_HIDDEN bool wt_misuse_barrier_destroy(wt_thread *t, const volatile void *b, uintptr_t pc);
WT_HIDDEN void wt_misuse_sem_init(const volatile void *s, unsigned value);
WT_HIDDEN void wt_misuse_sem_post(const volatile void *s);
WT_HIDDEN void wt_misuse_sem_wait_begin(const volatile void *s);
WT_HIDDEN void wt_misuse_sem_wait_end(const volatile void *s, bool took);
WT_HIDDEN void wt_misuse_sem_took(const volatile void *s);
/* A call that is not async-signal-safe (fn, the interceptor) made while
 * t->in_signal: reported once per call site. */
WT_HIDDEN void wt_misuse_signal_unsafe(wt_thread *t, uintptr_t pc, uintptr_t fn);
WT_HIDDEN bool wt_misuse_sem_reinit(wt_thread *t, const volatile void *s, uintptr_t pc);
/* A destroyed semaphore (word 2), barrier (word 3) or condition variable
 * (word 7): marked, and calls on it reported (true: fail them). */
WT_HIDDEN void wt_misuse_mark_destroyed(wt_thread *t, volatile void *obj, int word, uintptr_t pc);
WT_HIDDEN bool wt_misuse_dead(wt_thread *t, const volatile void *obj, int word, int sync_kind,
                              uintptr_t pc);
WT_HIDDEN bool wt_misuse_sem_destroy(wt_thread *t, const volatile void *s, uintptr_t pc);
WT_HIDDEN void wt_misuse_thread_created(wt_thread *t, uintptr_t th, uint32_t uid,
                                        bool detached, uintptr_t pc);
WT_HIDDEN void wt_misuse_thread_detached(wt_thread *t, uintptr_t th, uint32_t uid,
                                         uintptr_t pc);
WT_HIDDEN void wt_misuse_thread_joined(wt_thread *t, uintptr_t th, uint32_t uid, uintptr_t pc);
WT_HIDDEN int wt_misuse_join(wt_thread *t, uintptr_t th, uintptr_t pc); /* errno or 0 */
WT_HIDDEN int wt_misuse_detach(wt_thread *t, uintptr_t th, uintptr_t pc); /* errno or 0 */
/* by: the thread that cancelled it (ctx is then its cancel), or ~0u. */
/* A timed wait's timeout whose tv_nsec is out of range (EINVAL, no wait). */
struct timespec;
WT_HIDDEN void wt_misuse_timeout(wt_thread *t, const volatile void *obj, int kind,
                                 const struct timespec *ts, uintptr_t pc);
WT_HIDDEN void wt_misuse_thread_exit(wt_thread *t, uintptr_t pc, wt_ctx ctx, uint32_t by);
WT_HIDDEN void wt_misuse_fork_lock(bool lock);
WT_HIDDEN void wt_misuse_after_fork_child(void);

/* ---- deadlock/deadlock.c: the watchdog that finds threads blocked for good --- */
extern _Atomic uint32_t wt_watch_tick;  /* advances while the watchdog runs */
extern _Atomic int wt_watch_started;
/* Set once a second thread exists (created, or adopted besides main), and
 * never cleared.  Until then nobody can acquire what a release would
 * publish: every thread made later starts from its creator's clock. */
extern _Atomic int wt_many_threads;
/* Called when the program creates its first thread (or a lone thread
 * is about to wait for itself): a single-threaded process has nothing
 * else to deadlock with, and keeps glibc's single-thread fast paths. */
WT_HIDDEN void wt_watchdog_start_slow(void);
/* The program has installed a signal handler (which may sem_post). */
WT_HIDDEN bool wt_signal_any_handler(void);
/* What a handler for sig would acquire: sigwait and signalfd reads */
WT_HIDDEN void wt_signal_acquire(wt_thread *t, int sig, uintptr_t pc);
WT_INLINE void wt_watchdog_start(void) {
  if (WT_UNLIKELY(!atomic_load_explicit(&wt_watch_started, memory_order_relaxed)))
    wt_watchdog_start_slow();
}
/* Around a call that may block forever (a lock, a join): obj is the
 * lock's address or the joined thread's uid; kind an enum wt_wait_kind.
 * False (and no wt_wait_end due) if the thread is already noted as
 * waiting: a signal handler that interrupted a blocking call. */
WT_INLINE bool wt_wait_begin(wt_thread *t, uint32_t kind, uintptr_t obj, bool write,
                             uintptr_t pc) {
  uint32_t seq = atomic_load_explicit(&t->wait.seq, memory_order_relaxed);
  if (WT_UNLIKELY(seq & 1)) return false;
  t->wait.kind = kind;
  t->wait.obj = obj;
  t->wait.write = write;
  t->wait.pc = pc;
  t->wait.tick = atomic_load_explicit(&wt_watch_tick, memory_order_relaxed);
  atomic_store_explicit(&t->wait.seq, seq | 1, memory_order_release);
  return true;
}
WT_INLINE void wt_wait_end(wt_thread *t) {
  uint32_t seq = atomic_load_explicit(&t->wait.seq, memory_order_relaxed);
  atomic_store_explicit(&t->wait.seq, seq + 1, memory_order_release);
  /* The held list changes next: not before the watchdog can see that
   * the wait is over. */
  atomic_thread_fence(memory_order_release);
}

/* ---- report/print.c: the only file that knows the report text ------------ */
WT_HIDDEN void wt_print_report(const wt_report *r);
WT_HIDDEN void wt_print_summary(unsigned nreports);

/* ---- init.c: start-up, options, exit -------------------------------- */
WT_HIDDEN void wt_init(void);
extern _Atomic int wt_inited;
/* halt_on_error: the exit notes, then exit with exitcode. */
WT_HIDDEN __attribute__((noreturn)) void wt_halt(void);

/* ---- options.c: WEFT_OPTIONS, declared in options.def --------------- */
#define WT_OPT_CTYPE_BOOL int
#define WT_OPT_CTYPE_INT int
#define WT_OPT_CTYPE_STR const char *
#define WT_OPT_CTYPE_ENUM int
#define WT_OPT(kind, name, def, values, help) extern WT_OPT_CTYPE_##kind wt_opt_##name;
#include "options.def"
#undef WT_OPT
enum { WT_FORMAT_TEXT, WT_FORMAT_JSON }; /* wt_opt_report_format, as in options.def */
WT_HIDDEN void wt_options_parse(const char *env);

/* ---- report/logfile.c: where the runtime writes (log_path) --------------- */
WT_HIDDEN void wt_log_open(void);  /* start-up; an unusable log_path dies (exit 2) */
WT_HIDDEN int wt_report_fd(void);  /* reports */
WT_HIDDEN int wt_log_fd(void);     /* other notes: the report log, or stderr for JSON */

/* ---- report output: every kind goes through wt_report_emit (report.c),
 *      which fingerprints, filters by suppressions, counts, prints in the
 *      chosen format under the report lock and halts if asked. --------- */
WT_HIDDEN void wt_report_emit(wt_thread *t, wt_report *r);
WT_HIDDEN unsigned wt_report_count_kind(int kind);        /* printed reports */
WT_HIDDEN const char *wt_report_kind_name(int kind);      /* report/print.c: "data race" */
/* report/print.c: the frames a report shows for ctx, innermost first (runtime
 * frames dropped, stopping at main); frame() is called for each. */
WT_HIDDEN int wt_report_walk_stack(wt_ctx ctx, void (*frame)(const wt_frame *, int, void *),
                                   void *arg, int max);
WT_HIDDEN uint64_t wt_fingerprint(const wt_report *r);   /* report/fingerprint.c */
/* report/repeats.c: is r a race at the source lines of one printed before?  The
 * group's id either way (0: none), for wt_repeat_seen.  Report lock. */
WT_HIDDEN bool wt_repeat_of_printed(const wt_report *r, uint32_t *group);
WT_HIDDEN void wt_repeat_seen(uint32_t group);
WT_HIDDEN void wt_repeats_print_summary(void);
WT_HIDDEN void wt_print_report_json(const wt_report *r); /* report/print_json.c */
/* The "repeats" record: a printed report found again (report/print_json.c). */
WT_HIDDEN void wt_print_repeats_json(int kind, uint64_t fingerprint, unsigned seen,
                                     unsigned pairs);
/* report/suppress.c */
WT_HIDDEN void wt_suppress_load(const char *path);  /* "" = none; a bad file dies (exit 2) */
WT_HIDDEN bool wt_suppressed(const wt_report *r);   /* needs r->fingerprint; counts the hit */
WT_HIDDEN unsigned wt_suppressed_count(void);
WT_HIDDEN void wt_suppress_print_summary(void);     /* at exit */
/* The rule type that applies to a kind ("race", "deadlock", "mutex",
 * "thread", "signal"), by the kind's name; 0 if none. */
WT_HIDDEN const char *wt_suppress_type(int kind);
/* "race_top:<function>" for r's top frame; false if it has no name. */
WT_HIDDEN bool wt_suppress_hint(const wt_report *r, char *buf, size_t cap);
/* core/lastsync.c: each thread's last release and acquire (sync.c notes them). */
WT_HIDDEN void wt_last_sync_note(const wt_thread *t, bool release, uint32_t sync_uid,
                                 uint32_t sync_kind, wt_ctx ctx);
WT_HIDDEN bool wt_last_sync_get(uint32_t thread_uid, bool release, wt_report_sync *out);
WT_HIDDEN const char *wt_sync_kind_name(uint32_t kind); /* "mutex", "sem"... */

/* ---- stats.c: print_stats, and the counters it reads ---------------- */
WT_HIDDEN void wt_stats_print(void);
WT_HIDDEN uint32_t wt_sync_count(void);     /* core/sync.c: objects ever created */
WT_HIDDEN uint32_t wt_sync_live(uint32_t *peak); /* ... alive now (and at most at once) */
WT_HIDDEN uint32_t wt_thread_count(void);   /* core/thread.c: threads ever started */
WT_HIDDEN uint32_t wt_ctx_depot_size(void); /* core/stack.c: contexts interned */
WT_HIDDEN size_t wt_shadow_bytes(void);     /* core/access.c: shadow pages mapped */

#endif
