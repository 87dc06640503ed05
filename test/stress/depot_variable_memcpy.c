// Contexts are stacks and locks, not access shapes.  Copies of every
// length from 1 to 64 at every offset in a granule (512 shapes), each
// from 4,096 call stacks (12 levels of two functions), are 2 million
// (stack, size, offset) triples.  A depot keyed by shape made a context
// of each, and a long run of this kind filled its 2^24 contexts and left
// every later report with empty stacks.  Now the depot keeps one context
// per stack: about 16,000 trie nodes here, so the count printed at the end
// must stay under 100,000 (a shape-keyed depot would print 2 million),
// and the race at the end shows both stacks.  (Four more levels make the
// shape-keyed count pass 2^24 itself, at 16 times the run time.)
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=print_stats=1 %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string.h>

#define LEVELS 12
static char src[1024], dst[1024];
_Alignas(8) int shared;

__attribute__((noinline)) static void copy(size_t off, size_t len) {
  memcpy(dst + off, src + (len & 7), len);
}

/* Two functions per level, chosen by a bit of path (the outermost level
 * by the top bit, so consecutive paths share their outer frames): 2^LEVELS
 * stacks.
 * Levels alternate between two pairs, so no function calls itself (the
 * compiler would make that a loop), and no tail calls, or the levels
 * would share one frame. */
#define STEP __attribute__((noinline, disable_tail_calls)) static void
STEP a0(int, unsigned, size_t, size_t);
STEP a1(int, unsigned, size_t, size_t);
STEP b0(int, unsigned, size_t, size_t);
STEP b1(int, unsigned, size_t, size_t);
#define BODY(next0, next1)                                  \
  {                                                         \
    if (level == 0) copy(off, len);                         \
    else if (path >> (level - 1) & 1) next1(level - 1, path, off, len); \
    else next0(level - 1, path, off, len);                  \
  }
STEP a0(int level, unsigned path, size_t off, size_t len) BODY(b0, b1)
STEP a1(int level, unsigned path, size_t off, size_t len) BODY(b0, b1)
STEP b0(int level, unsigned path, size_t off, size_t len) BODY(a0, a1)
STEP b1(int level, unsigned path, size_t off, size_t len) BODY(a0, a1)

/* A release before each copy: a new epoch, so each copy changes its
 * bytes' history and interns its context (a copy in the same epoch as
 * the last one over the same bytes would need nothing). */
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
  shared = 1;
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  for (size_t len = 1; len <= 64; len++)
    for (size_t off = 0; off < 8; off++)
      for (unsigned path = 0; path < (1u << LEVELS); path++) {
        pthread_mutex_lock(&m);
        pthread_mutex_unlock(&m);
        a0(LEVELS, path, off, len);
      }
  pthread_t t;
  wtest_create(&t, first, NULL);
  wtest_step_wait(1);
  shared = 2;
  wtest_join(t);
  printf("%d %d\n", dst[5], shared);
  return 0;
}

// CHECK-NOT: depot full
// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 main {{.*}}depot_variable_memcpy.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}depot_variable_memcpy.c:[[#]]
// CHECK-NOT: depot full
// CHECK: contexts in the depot: {{[0-9]{1,5}$}}
