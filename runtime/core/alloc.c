/* The runtime's own allocator.  Runtime code may run inside the user's
 * malloc (through an interceptor) or in a signal handler, so it never
 * calls libc malloc: blocks come from mmap'd chunks, in power-of-two size
 * classes with one free list each.  Blocks above the largest class are
 * mapped directly.  The lock is per class; allocation is on slow paths
 * only (new sync objects, read sets, expanded cells, depot growth). */
#include "internal.h"

#define MIN_SHIFT 4                 /* 16 bytes: the smallest block */
#define MAX_SHIFT 16                /* 64 KiB: larger blocks are mmap'd */
#define NCLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define CHUNK (1ul << 20)           /* carve classes from 1 MiB chunks */

typedef struct free_block { struct free_block *next; } free_block;

static struct {
  wt_spin lock;
  free_block *free;
  char *bump, *end;
} classes[NCLASSES];

static unsigned class_of(size_t size) {
  unsigned s = MIN_SHIFT;
  while (((size_t)1 << s) < size) s++;
  return s - MIN_SHIFT;
}

void *wt_alloc(size_t size) {
  if (size == 0) size = 1;
  if (size > ((size_t)1 << MAX_SHIFT)) return wt_mmap(size);
  unsigned c = class_of(size);
  size_t bsize = (size_t)1 << (c + MIN_SHIFT);
  void *p;
  wt_spin_lock(&classes[c].lock);
  if (classes[c].free) {
    p = classes[c].free;
    classes[c].free = classes[c].free->next;
    wt_spin_unlock(&classes[c].lock);
    __builtin_memset(p, 0, bsize);
    return p;
  }
  if (classes[c].bump + bsize > classes[c].end) {
    classes[c].bump = wt_mmap(CHUNK);
    classes[c].end = classes[c].bump + CHUNK;
  }
  p = classes[c].bump;
  classes[c].bump += bsize;
  wt_spin_unlock(&classes[c].lock);
  return p; /* fresh mmap memory is zero */
}

void wt_free(void *p, size_t size) {
  if (!p) return;
  if (size == 0) size = 1;
  if (size > ((size_t)1 << MAX_SHIFT)) {
    wt_munmap(p, size);
    return;
  }
  unsigned c = class_of(size);
  free_block *b = p;
  wt_spin_lock(&classes[c].lock);
  b->next = classes[c].free;
  classes[c].free = b;
  wt_spin_unlock(&classes[c].lock);
}

void wt_alloc_fork_lock(bool lock) {
  for (unsigned c = 0; c < NCLASSES; c++) {
    if (lock) wt_spin_lock(&classes[c].lock);
    else wt_spin_unlock(&classes[c].lock);
  }
}
