/* Memory lifetime interceptors.  A new block starts with no history and
 * is then written by its allocating thread (so another thread touching it
 * before it was handed over races with the allocation); a free is a write
 * of the whole block (so a use racing with the free is reported) and its
 * sync objects die with it (except for blocks libomp allocates and frees
 * for itself, which only start and end afresh).  Blocks come from glibc through its
 * __libc_* entry points, which need no dlsym and so work at any moment,
 * even inside dlsym itself. */
#include "intercept.h"

#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <sys/mman.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

/* Past this size a new block is only reset, not marked written: marking
 * would build shadow for memory the program may never touch. */
#define IMITATE_WRITE_MAX (64u << 10)

static wt_thread *alloc_thread(void) {
  wt_thread *t = wt_cur;
  if (t) return t->ignore ? 0 : t;
  if (!atomic_load_explicit(&wt_inited, memory_order_acquire)) return 0;
  return wt_thread_slow();
}

/* A thread glibc started for itself (a timer's helper and notification
 * threads, through its internal pthread_create) hands blocks to the
 * threads it starts in ways weft cannot see.  What such a thread
 * allocates and frees from inside libc is libc's own business, and only
 * starts and ends afresh, as libomp's blocks do. */
static bool libc_private(const wt_thread *t, uintptr_t pc) {
  if (WT_LIKELY(t->parent_uid != ~0u || t->uid == 0)) return false;
  static _Atomic uintptr_t lo, hi;
  if (!atomic_load_explicit(&hi, memory_order_acquire)) {
    uintptr_t l = 0, h = 1;
    wt_module_named("libc.so", &l, &h);
    atomic_store_explicit(&lo, l, memory_order_relaxed);
    atomic_store_explicit(&hi, h ? h : 1, memory_order_release);
  }
  return pc - atomic_load_explicit(&lo, memory_order_relaxed) <
         atomic_load_explicit(&hi, memory_order_relaxed) - atomic_load_explicit(&lo, memory_order_relaxed);
}

static bool private_block(const wt_thread *t, uintptr_t pc) {
  return wt_i_skip(t, pc) || WT_UNLIKELY(libc_private(t, pc));
}

/* fn: the interceptor, shown as the top frame of the block's write. */
static void *on_alloc(void *p, size_t size, uintptr_t pc, void *fn) {
  wt_thread *t = alloc_thread();
  if (t && WT_UNLIKELY(t->in_signal)) wt_misuse_signal_unsafe(t, pc, (uintptr_t)fn);
  if (!p || !t) return p;
  t->ignore++;
  wt_ctx ctx = wt_ctx_access_in(t, pc, (uintptr_t)fn);
  size_t usable = malloc_usable_size(p);
  wt_heap_add((uintptr_t)p, size, t->uid, ctx);
  t->ignore--;
  /* A block libomp allocates for itself is not written by the program:
   * whichever thread first touches it through the program owns it. */
  if (size <= IMITATE_WRITE_MAX && !private_block(t, pc)) {
    wt_shadow_alloc(t, (uintptr_t)p, size, pc, ctx);
    if (usable > size) wt_shadow_reset((uintptr_t)p + size, usable - size);
  } else {
    wt_shadow_reset((uintptr_t)p, usable);
  }
  return p;
}

/* A free writes the block, so that a use racing with it is reported, and
 * those records then say freed, so that any later use is reported as a
 * use after free (access.c), ordered or not.  As ThreadSanitizer does,
 * only the first FREE_CHECK_MAX bytes are checked and marked: the rest
 * keeps its history until the next block there starts afresh, and a pass
 * over every large block freed would cost too much.  A block marked whole
 * then goes to the quarantine (true: the caller must not free it); a
 * larger one goes back at once, as holding large blocks made every new
 * one come from memory nobody had touched lately (alloc_free, 64 KiB
 * blocks, ran 2x slower with them held). */
#define FREE_CHECK_MAX 1024u

/* A free of a block that holds a mutex or rwlock the freeing thread
 * holds destroys a locked lock.  Only the thread's own holds are looked
 * at: a few entries, where a search of the sync table would cost every
 * free of a large block one probe per 64 bytes. */
static void freed_held(wt_thread *t, uintptr_t p, size_t size, uintptr_t pc) {
  for (uint32_t k = 0; k < t->nheld; k++) {
    uintptr_t a = t->held[k].addr;
    if (a - p >= size) continue;
    int kind = (int)wt_sync_kind_of(t->held[k].uid);
    if (kind != WT_SYNC_MUTEX && kind != WT_SYNC_RWLOCK) continue;
    int e = errno;
    wt_misuse_destroy(t, (const void *)a, kind, pc);
    errno = e;
    return;
  }
}

/* glibc serves a large request (128 KiB and up, by default) with a
 * mapping of its own, which free unmaps by an internal call that the
 * munmap interceptor never sees.  The shadow of such a block past the
 * bytes the free marked goes back at once, as for an unmapping: a
 * program that allocates large buffers again and again would otherwise
 * keep the shadow of every address they ever had.  The test is glibc's
 * chunk header, the word before the block: its IS_MMAPPED bit (2). */
static bool glibc_mapped(const void *p) { return ((const size_t *)p)[-1] & 2; }

static bool on_free(void *p, uintptr_t pc, void *fn, bool keep) {
  wt_thread *t = alloc_thread();
  if (t && WT_UNLIKELY(t->in_signal)) wt_misuse_signal_unsafe(t, pc, (uintptr_t)fn);
  if (!p || !t) return false;
  uint32_t alloc_uid;
  wt_ctx alloc_ctx;
  size_t size = wt_heap_remove((uintptr_t)p, &alloc_uid, &alloc_ctx);
  if (!size) return false; /* allocated before weft started, or not by malloc */
  size_t marked = size < FREE_CHECK_MAX ? size : FREE_CHECK_MAX;
  if (WT_UNLIKELY(private_block(t, pc))) {
    /* libomp frees what it ordered the program's uses of itself. */
    wt_shadow_reset((uintptr_t)p, marked);
    wt_sync_free_range((uintptr_t)p, size);
    return false;
  }
  wt_access_range_ctx(t, (uintptr_t)p, marked, true, pc, wt_ctx_access_in(t, pc, (uintptr_t)fn));
  wt_shadow_freed(t, (uintptr_t)p, marked);
  if (size > marked && glibc_mapped(p)) wt_shadow_unmapped((uintptr_t)p + marked, size - marked);
  if (WT_UNLIKELY(t->nheld)) freed_held(t, (uintptr_t)p, size, pc);
  wt_sync_free_range((uintptr_t)p, size);
  return keep && size <= FREE_CHECK_MAX &&
         wt_quarantine_put((uintptr_t)p, size, alloc_uid, alloc_ctx);
}

void *malloc(size_t n) { return on_alloc(__libc_malloc(n), n, WT_PC(), malloc); }

void *calloc(size_t n, size_t m) {
  size_t total;
  if (__builtin_mul_overflow(n, m, &total)) return __libc_calloc(n, m);
  return on_alloc(__libc_calloc(n, m), total, WT_PC(), calloc);
}

void free(void *p) {
  if (!on_free(p, WT_PC(), free, true)) __libc_free(p);
}

void *realloc(void *p, size_t n) {
  uintptr_t pc = WT_PC();
  if (!p) return on_alloc(__libc_malloc(n), n, pc, realloc);
  /* realloc reads the old block and ends its life: a free, then a new block. */
  on_free(p, pc, realloc, false);
  void *q = __libc_realloc(p, n);
  if (!q && n) { /* the old block lives on, and is not freed after all */
    wt_thread *t = alloc_thread();
    size_t usable = malloc_usable_size(p);
    wt_shadow_reset((uintptr_t)p, usable < FREE_CHECK_MAX ? usable : FREE_CHECK_MAX);
    if (t)
      wt_heap_add((uintptr_t)p, usable, t->uid, wt_ctx_access_in(t, pc, (uintptr_t)realloc));
    return q;
  }
  return on_alloc(q, n, pc, realloc);
}

void *memalign(size_t align, size_t n) {
  return on_alloc(__libc_memalign(align, n), n, WT_PC(), memalign);
}
void *aligned_alloc(size_t align, size_t n) {
  return on_alloc(__libc_memalign(align, n), n, WT_PC(), aligned_alloc);
}
void *valloc(size_t n) { return on_alloc(__libc_memalign(4096, n), n, WT_PC(), valloc); }

int posix_memalign(void **out, size_t align, size_t n) {
  if (align < sizeof(void *) || (align & (align - 1))) return 22; /* EINVAL */
  void *p = __libc_memalign(align, n);
  if (!p) return 12; /* ENOMEM */
  *out = on_alloc(p, n, WT_PC(), posix_memalign);
  return 0;
}

/* ---- mappings ------------------------------------------------------------
 * A range that is mapped afresh, unmapped, moved or discarded is new
 * memory: its history and the sync objects in it end.  mremap's new range
 * starts afresh too (the history does not move with the pages, which can
 * lose a race across the move but never invents one), and so does memory
 * madvise discards (MADV_DONTNEED, MADV_REMOVE: it reads back as zeros or
 * the file's contents). */
static bool mapping_tracked(void) { return atomic_load_explicit(&wt_inited, memory_order_acquire); }

static void mapping_ends(uintptr_t addr, size_t len) {
  wt_shadow_unmapped(addr, len);
  wt_sync_free_range(addr, len);
}

/* MAP_FIXED may map over memory the program was using: what lived there
 * ends, its sync objects too, as if unmapped first. */
static void mapped(void *p, size_t len, int flags) {
  int e = errno;
  if (flags & MAP_FIXED) mapping_ends((uintptr_t)p, len);
  else wt_shadow_reset((uintptr_t)p, len);
  errno = e;
}

#define MMAP_INTERCEPTOR(name, off_type)                                      \
  void *name(void *addr, size_t len, int prot, int flags, int fd, off_type off) { \
    WT_REAL_DECL(void *, name, (void *, size_t, int, int, int, off_type));    \
    void *p = WT_REAL(name)(addr, len, prot, flags, fd, off);                 \
    if (p != MAP_FAILED && mapping_tracked()) mapped(p, len, flags);          \
    return p;                                                                 \
  }
MMAP_INTERCEPTOR(mmap, off_t)
MMAP_INTERCEPTOR(mmap64, off64_t)

int munmap(void *addr, size_t len) {
  WT_REAL_DECL(int, munmap, (void *, size_t));
  if (mapping_tracked()) mapping_ends((uintptr_t)addr, len);
  return WT_REAL(munmap)(addr, len);
}

void *mremap(void *old, size_t old_len, size_t len, int flags, ...) {
  WT_REAL_DECL(void *, mremap, (void *, size_t, size_t, int, ...));
  void *want = 0;
  if (flags & MREMAP_FIXED) {
    va_list ap;
    va_start(ap, flags);
    want = va_arg(ap, void *);
    va_end(ap);
  }
  void *p = WT_REAL(mremap)(old, old_len, len, flags, want);
  if (p != MAP_FAILED && mapping_tracked()) {
    int e = errno;
    if (p != old) mapping_ends((uintptr_t)old, old_len);
    else if (len < old_len) mapping_ends((uintptr_t)old + len, old_len - len);
    wt_shadow_reset((uintptr_t)p, len);
    errno = e;
  }
  return p;
}

int madvise(void *addr, size_t len, int advice) {
  WT_REAL_DECL(int, madvise, (void *, size_t, int));
  int r = WT_REAL(madvise)(addr, len, advice);
  if (r == 0 && (advice == MADV_DONTNEED || advice == MADV_REMOVE) && mapping_tracked()) {
    int e = errno;
    wt_shadow_unmapped((uintptr_t)addr, len); /* the program gave its pages back too */
    errno = e;
  }
  return r;
}
