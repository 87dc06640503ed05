/* Every runtime struct and constant, with its bit budget.
 * Only plain data lives here: no functions, no OS headers beyond stdint. */
#ifndef WEFT_TYPES_H
#define WEFT_TYPES_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Epochs ----------------------------------------------------------
 * An epoch names one moment of one thread slot: clock << 14 | slot.
 * Epochs are stored in shadow cells above 13 flag bits, so they get 51:
 *  - 14 slot bits: at most 16,383 threads alive at once (slots of
 *    finished threads are reused, see thread.c);
 *  - 37 clock bits: a thread ticks once per release (unlock, post,
 *    release store...), so 1.4e11 releases; at a brisk 5 million a
 *    second that is eight hours of one thread.  Overflow stops the
 *    program with a message rather than mis-ordering accesses.
 * Epoch 0 means "no access": every clock starts at 1. */
typedef uint64_t wt_epoch;
#define WT_SLOT_BITS 14
#define WT_CLOCK_BITS 37
#define WT_MAX_SLOTS ((1u << WT_SLOT_BITS) - 1)
#define WT_MAX_CLOCK ((1ull << WT_CLOCK_BITS) - 1)
#define WT_EPOCH(clk, slot) (((uint64_t)(clk) << WT_SLOT_BITS) | (slot))
#define WT_EPOCH_SLOT(e) ((uint32_t)((e) & ((1u << WT_SLOT_BITS) - 1)))
#define WT_EPOCH_CLOCK(e) ((e) >> WT_SLOT_BITS)

/* ---- Vector clocks ---------------------------------------------------
 * Dense by slot; entries past n are zero.  Owned by one thread or
 * guarded by the lock of the sync object that holds it. */
typedef struct wt_vc {
  uint64_t *clk;
  uint32_t n, cap;
} wt_vc;

/* ---- Shadow cells ----------------------------------------------------
 * One hot cell (16 bytes) shadows one 8-byte granule and its cold twin
 * (8 bytes, wt_cold) holds where each of its accesses came from: 24
 * bytes of shadow per 8 bytes of memory, against ThreadSanitizer's 16
 * plus its meta shadow.  The access fast path reads only the hot cell.
 *
 * The hot cell holds up to two *records*.  A record is one epoch's
 * access of some bytes of the granule, of one kind (read or write,
 * plain or atomic), made from one context:
 *
 *   record: [ epoch : 51 ][ spare write atomic ext lock : 5 ][ mask : 8 ]
 *
 * Per byte, at most one write record covers it (its last write) and any
 * number of read records (the reads since, not ordered with each other).
 * Records of one epoch and kind merge across bytes, whatever statement
 * made them, so a thread that touches a granule in pieces, in any sizes
 * and offsets, keeps one record: whether bytes need separate records is
 * a question of epochs alone.  Which statement touched which bytes is
 * kept apart, for reports only: a record keeps its first access's site,
 * and the site log (sitelog.c) the others'.
 * A granule with more than two records keeps them in a block (wt_recs)
 * that word a points at (ext); b is then 0.  Nothing is ever evicted.
 * The lock bit of word a guards the cell on the slow path. */
typedef struct wt_cell {
  _Atomic uint64_t a;
  _Atomic uint64_t b;
} wt_cell;

/* Site words: a record's context id (24 bits, the depot's size) and
 * the shape of the access that made it, which a report needs to show the
 * previous access as the program made it:
 *   bit 31 clear: 1 to 8 bytes; bits 24-26 the offset of its first byte
 *                 in its granule, bits 27-29 its size - 1;
 *   bit 31 set:   a longer access; bits 24-30 its size, 0 past 127.  */
typedef struct wt_cold {
  _Atomic uint32_t a, b;
} wt_cold;

#define WT_R_MASK 0xffull            /* bytes of the granule */
#define WT_R_LOCK (1ull << 8)        /* word a: slow-path lock of this cell */
#define WT_R_EXT (1ull << 9)         /* word a: the records are in a block */
#define WT_R_ATOMIC (1ull << 10)     /* an atomic access */
#define WT_R_WRITE (1ull << 11)      /* a write */
#define WT_R_FREED (1ull << 12)      /* with WRITE: free() ended the block here */
#define WT_R_BITS 13
#define WT_R_EPOCH(x) ((x) >> WT_R_BITS)

#define WT_SITE_CTX_BITS 24
#define WT_SITE_CTX(s) ((s) & ((1u << WT_SITE_CTX_BITS) - 1))

/* More than two records: n of them in w[] with their site words after
 * w[cap].  Blocks are the runtime allocator's power-of-two blocks; the
 * smallest (64 bytes) holds 4 records.  The locked path changes them and
 * bumps seq before it unlocks; a thread widening its own record with a
 * CAS (access.c) checks seq to know no locker overwrote it meanwhile. */
typedef struct wt_recs {
  _Atomic uint32_t n, seq;
  uint32_t cap, spare;
  _Atomic uint64_t w[];
} wt_recs;

/* Shadow pages: one directory slot per 4 KiB application page, pointing
 * at 512 hot cells followed by their 512 cold twins (12 KiB).  The
 * directory is one MAP_NORESERVE array covering the whole 47-bit user
 * address space, so no fixed layout is assumed. */
#define WT_PAGE_SHIFT 12
#define WT_PAGE_SIZE (1ul << WT_PAGE_SHIFT)
#define WT_GRANULE 8
#define WT_CELLS_PER_PAGE (WT_PAGE_SIZE / WT_GRANULE)
#define WT_ADDR_BITS 47

/* ---- Stack depot -----------------------------------------------------
 * A 32-bit "context id" names a call stack plus the locks held, interned
 * in a trie: each node is (parent, pc, lockset).  0 is the empty stack. */
typedef uint32_t wt_ctx;
typedef uint32_t wt_lockset;   /* interned set of held locks, 0 = none */
#define WT_MAX_FRAMES 64       /* frames kept per printed stack */

/* ---- Threads ---------------------------------------------------------*/
enum wt_thread_state { WT_T_RUNNING, WT_T_FINISHED, WT_T_JOINED };

#define WT_SHADOW_STACK_CAP 4096 /* deeper frames are counted, not kept */
#define WT_SHADOW_STACK_MIN 64   /* first allocation; doubles on demand */
#define WT_MAX_HELD 64           /* held locks listed in a race report */
#define WT_CTX_CACHE 128         /* per-thread context cache entries (3 KiB): an unrolled loop has dozens of access sites */

typedef struct wt_held {
  struct wt_sync *sync;
  uint32_t uid;       /* the lock's report number (M<uid>) */
  uint32_t write;     /* exclusive (1) or shared (0) */
  wt_ctx ctx;         /* where it was acquired */
  uintptr_t addr;     /* its address: a lock re-initialized while held
                         keeps it, under a new uid */
} wt_held;

/* What a thread is blocked in, for the deadlock watchdog (deadlock.c).
 * seq is odd from just before a blocking lock or join until it returns;
 * the other fields are written before seq turns odd and stay still until
 * it is even again, and so does the thread's list of held locks, so the
 * watchdog reads them like a seqlock.  Timed waits and trylocks never set
 * it: they cannot block forever. */
/* COND, SEM and BARRIER are noted for the all-threads-blocked check only:
 * untimed waits on process-private objects, which only another thread of
 * this process can end. */
enum wt_wait_kind { WT_WAIT_LOCK = 1, WT_WAIT_JOIN = 2,
                    WT_WAIT_COND = 3, WT_WAIT_SEM = 4, WT_WAIT_BARRIER = 5,
                    WT_WAIT_OMP_IDLE = 6, /* an OpenMP worker between regions */
                    WT_WAIT_REPORTED = 0x100 /* flag: a double lock, reported */ };
typedef struct wt_wait {
  _Atomic uint32_t seq;
  uint32_t tick;      /* the watchdog's tick when the wait began */
  uint32_t kind;      /* enum wt_wait_kind, maybe | WT_WAIT_REPORTED */
  uint32_t write;     /* a lock wanted exclusively */
  uintptr_t obj;      /* the lock's address, or the joined thread's uid */
  uintptr_t pc;       /* where the program called the blocking function */
} wt_wait;

typedef struct wt_thread {
  /* Hot: read by every access. */
  wt_epoch epoch;          /* own clock << 16 | slot */
  uint64_t *clk;           /* == vc.clk, cached */
  uint32_t nclk;           /* == vc.n */
  uint32_t ignore;         /* >0: accesses are not checked */
  uint32_t in_signal;      /* >0: an asynchronous signal's handler runs
                              (signal.c): no async-signal-unsafe calls */
  int32_t signal_no;       /* ... the innermost one's signal */
  int32_t self_signal;     /* a signal this thread sends itself (raise) */
  uint32_t in_rt;          /* >0: runtime code (the unwinder) runs: its
                              locks are not the program's synchronization */
  uint32_t depth;          /* shadow call stack depth */
  uint32_t nodes_valid;    /* frames whose depot node is known */
  wt_lockset lockset;      /* currently held locks, interned */
  uint32_t top_depth;      /* depth at which top_node was taken (stack.c) */
  wt_ctx top_node;         /* the shadow stack's node at that depth */
  uint32_t slot;
  uintptr_t *stack_pc;     /* [stack_cap] return addresses */
  wt_ctx *stack_node;      /* [stack_cap] depot node per depth */
  uint32_t stack_cap;      /* grows up to WT_SHADOW_STACK_CAP */
  struct wt_ctx_cache {    /* (node, pc, word) -> ctx, by pc: a loop's */
    uintptr_t pc;          /* few access sites each keep their entry */
    wt_ctx node, ctx;
    uint32_t word;
  } ctx_cache[WT_CTX_CACHE], ctx_last; /* ctx_last: the latest hit */

  wt_vc vc;
  wt_vc fence_acq;         /* clocks seen by relaxed loads, for acquire fences */
  wt_vc fence_rel;         /* clock at the last release fence */
  int has_fence_rel;
  int atomic_alone;        /* atomic_begin kept no location clock (wt_many_threads) */

  uint32_t uid;            /* report number: T<uid>, 0 = main */
  uint32_t parent_uid;
  wt_ctx create_ctx;       /* where pthread_create was called */
  int state;               /* enum wt_thread_state */
  int detached;
  int os_tid;
  uintptr_t pthread;       /* pthread_t */
  uintptr_t stk_lo, stk_hi;
  uintptr_t tls_lo, tls_hi;
  uint32_t nheld, held_cap;
  wt_held *held;           /* [held_cap], grows: no cap on locks held */
  wt_wait wait;            /* what it is blocked in (deadlock.c) */
  /* Its end (thread.c): where it exits, or who cancelled it. */
  int exit_armed;          /* the exit key holds it: 1, then 2 in the next round */
  uintptr_t exit_pc;       /* 0 until it returns or calls pthread_exit */
  wt_ctx exit_ctx;
  _Atomic uint32_t cancelled_by; /* uid + 1 of the thread that cancelled it, or 0 */
  _Atomic wt_ctx cancel_ctx;     /* where that thread called pthread_cancel */
  struct wt_thread *next_free;  /* pool of dead threads' structs, or zombies */
  struct wt_thread *next_hash;  /* live threads by pthread_t */
} wt_thread;

/* ---- Sync objects ----------------------------------------------------*/
enum wt_sync_kind {
  WT_SYNC_ATOMIC, WT_SYNC_MUTEX, WT_SYNC_RWLOCK, WT_SYNC_SPIN,
  WT_SYNC_COND, WT_SYNC_BARRIER, WT_SYNC_SEM, WT_SYNC_ONCE,
  WT_SYNC_THREAD, WT_SYNC_OTHER, WT_SYNC_FD, WT_SYNC_SIGNAL,
  WT_SYNC_OMP_LOCK, WT_SYNC_OMP_CRITICAL /* omp_lock_t; critical, ordered, atomic */
};

typedef struct wt_spin { _Atomic uint32_t v; } wt_spin;

typedef struct wt_sync {
  struct wt_sync *next;    /* hash chain */
  uintptr_t addr;
  uint32_t kind;           /* enum wt_sync_kind */
  uint32_t uid;            /* report number M<uid>, fresh after destroy */
  wt_spin lock;            /* guards everything below */
  wt_vc clock;             /* released by writers / unlockers */
  wt_vc rclock;            /* released by shared (read) unlockers */
  wt_ctx create_ctx;       /* first use */
  uint32_t owner_uid;      /* thread uid holding it exclusively, or ~0u */
  int32_t recursion;       /* exclusive recursion depth */
  int32_t readers;         /* shared holders */
  uint32_t flags;          /* kind-specific */
  /* The latest release through it (a signal, post, arrival): thread uid
   * << 32 | context, for hang reports.  Written without the lock. */
  _Atomic uint64_t last_release;
} wt_sync;

/* ---- Reports (gathered in report.c, printed by print.c) ---------------
 * The kinds' header words are print.c's; docs/reports.md lists them all. */
enum wt_report_kind {
#define WT_KIND(e, name, supp) e,
#include "kinds.def"
#undef WT_KIND
  WT_R_KIND_COUNT
};

enum wt_loc_kind { WT_LOC_UNKNOWN, WT_LOC_GLOBAL, WT_LOC_HEAP, WT_LOC_STACK,
                   WT_LOC_TLS, WT_LOC_FD };

typedef struct wt_report_access {
  uintptr_t addr;
  uint32_t size;
  uint32_t write, atomic;
  uint32_t thread_uid;
  wt_ctx ctx;              /* stack and locks held */
  uintptr_t pc;            /* top frame, for dedup */
  uint32_t approximate;    /* ctx may be another statement's (sitelog.c) */
  uint32_t freed;          /* previous: the free() of a heap block */
} wt_report_access;

typedef struct wt_report_thread {
  uint32_t uid, parent_uid;
  int os_tid;
  int running;
  wt_ctx create_ctx;
  uint32_t omp_num;        /* its OpenMP thread number in its current region, */
  uintptr_t omp_region;    /* ... whose construct returns here (0: none) */
} wt_report_thread;

typedef struct wt_report_loc {
  int kind;                /* enum wt_loc_kind */
  uintptr_t start;         /* block / object start */
  size_t size;
  uint32_t thread_uid;     /* heap: allocating thread; stack/tls: owner;
                              fd: the thread that opened it */
  wt_ctx ctx;              /* heap: allocation stack; fd: where it was opened */
  int fd;                  /* fd: its number */
  int freed;               /* heap: the block is freed (in quarantine) */
} wt_report_loc;

/* Lock reports.  A cycle has at most WT_REPORT_CYCLE steps: longer
 * lock-order cycles are not searched for, longer wait cycles are cut. */
#define WT_REPORT_CYCLE 16
#define WT_REPORT_THREADS (WT_REPORT_CYCLE + 2)

/* One edge of a lock-order cycle: thread_uid acquired `next` while
 * holding `held`. */
typedef struct wt_report_edge {
  uint32_t thread_uid;
  uint32_t held_uid, held_write; /* M<uid>, exclusive (1) or shared (0) */
  uint32_t next_uid, next_write;
  wt_ctx held_ctx;               /* where `held` was acquired */
  wt_ctx next_ctx;               /* where `next` was acquired */
} wt_report_edge;

/* How a lock-order cycle's acquisitions were kept from deadlocking in
 * this run (lockgraph.c). */
enum wt_cycle_apart {
  WT_APART_NONE,       /* threads that ran at the same time */
  WT_APART_ONE_THREAD, /* every order taken by one thread */
  WT_APART_FORK_JOIN,  /* threads that creation and join kept apart */
};

/* One blocked thread of a deadlock. */
typedef struct wt_report_wait {
  uint32_t thread_uid;
  uint32_t lock_uid;       /* the lock waited for; ~0u: a pthread_join */
  uint32_t lock_write;     /* wanted exclusively */
  uint32_t holder_uid;     /* the lock's holder, or the thread joined */
  uint32_t holder_gone;    /* the holder has ended: it cannot release */
  wt_ctx wait_ctx;         /* where it waits */
  wt_ctx holder_ctx;       /* where the holder acquired the lock (0: join) */
  uint32_t wait_kind;      /* enum wt_wait_kind (all threads blocked) */
  uintptr_t obj_addr;      /* ... and the object's address */
  uint32_t last_thread;    /* ... its latest signaller, poster or arrival */
  wt_ctx last_ctx;         /* ... and where (0: none) */
} wt_report_wait;

/* A misuse: thread `cur.thread_uid` did something at `cur.ctx` to the
 * object at obj_addr; the other fields are filled as the kind needs. */
typedef struct wt_report_misuse {
  uintptr_t obj_addr;
  uint32_t obj_uid;        /* M<uid>, ~0u if the object has none */
  uint32_t obj_kind;       /* enum wt_sync_kind; WT_SYNC_THREAD for joins */
  uint32_t write;          /* a double lock: the mode asked for */
  uint32_t other_thread;   /* owner, thread joined...; ~0u if none */
  wt_ctx other_ctx;        /* earlier acquisition, destroy, join... */
  uint32_t other_write;    /* a double lock: the mode held */
  uint32_t other_uid;      /* cond: the mutex the other waiters use */
  uintptr_t cond_addr;     /* cond: the condition variable */
  uint32_t count;          /* waiters (barrier, semaphore); bad type word */
  uint32_t nlocks;         /* exit holding locks: the locks (all of them) */
  uint32_t nlocks_kept;    /* ... of which the first are listed here */
  wt_report_edge locks[WT_REPORT_CYCLE]; /* held_uid/held_write/held_ctx */
} wt_report_misuse;

/* A thread's most recent release or acquire through a sync object
 * (lastsync.c), shown so a reader sees which edge is missing. */
typedef struct wt_report_sync {
  uint32_t thread_uid;
  uint32_t release;        /* 1: its last release; 0: its last acquire */
  uint32_t sync_uid;       /* M<uid> */
  uint32_t sync_kind;      /* enum wt_sync_kind */
  wt_ctx ctx;              /* where */
} wt_report_sync;

#define WT_REPORT_STACKS 16    /* identifying stacks a report may carry */
#define WT_REPORT_SYNCS 4      /* last release and acquire of two threads */

typedef struct wt_report {
  int kind;                /* enum wt_report_kind */
  wt_report_access cur, prev;  /* misuse: cur is the offending call */
  wt_report_loc loc;
  uint32_t nthreads;
  wt_report_thread threads[WT_REPORT_THREADS];
  /* Every kind: the stacks that identify the bug (a race: the current
   * then the previous access; an inversion: each acquisition).  The
   * fingerprint hashes them and suppression rules match their frames. */
  uint32_t nstacks;
  wt_ctx stacks[WT_REPORT_STACKS];
  uint32_t nsyncs;
  wt_report_sync syncs[WT_REPORT_SYNCS];
  uint64_t fingerprint;    /* set by wt_report_emit (fingerprint.c) */
  uint32_t pair_slot;      /* a race: its pc pair's slot in report.c's set, + 1 */
  uint32_t nedges;         /* lock-order inversion: the cycle, in order */
  uint32_t apart;          /* ... enum wt_cycle_apart */
  wt_report_edge edges[WT_REPORT_CYCLE];
  uint32_t nwaits;         /* deadlock: the blocked threads, in cycle order */
  wt_report_wait waits[WT_REPORT_CYCLE];
  wt_report_misuse misuse;
} wt_report;

#endif
