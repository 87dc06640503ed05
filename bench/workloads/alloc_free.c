/* Benchmark workload: malloc a 64 KiB block, touch a few bytes of it,
 * free it, over and over, in two threads.  The block is far bigger than
 * what is touched, so the run time is mostly the allocator and whatever a
 * detector does per allocation and free: a shadow-memory detector that
 * clears or marks the shadow of the whole block on malloc or free pays for
 * 64 KiB each time, one that does it lazily pays little.  The touched
 * bytes are at the two ends and at pseudo-random offsets, written and then
 * read back, so neither the accesses nor the allocation can be optimized
 * away.  Race-free: every block is used only by the thread that allocated
 * it, between its malloc and its free.
 *
 * Usage: alloc_free [SCALE]   (SCALE multiplies the number of
 * allocations, default 1).  Prints a checksum that is the same in every
 * build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { NTHREADS = 2, BLOCK = 64 * 1024, TOUCHES = 4 };
/* Allocations per thread at scale 1: about 0.3 s natively here (and
 * minutes under TSan, which clears the shadow of the whole block). */
#define BASE_ALLOCS 6000000L

struct worker {
  pthread_t tid;
  long allocs;
  uint64_t seed;
  uint64_t check; /* written by the worker, read by main after join */
  int failed;
};

static void *run(void *arg) {
  struct worker *t = arg;
  uint64_t x = t->seed, acc = 0;
  for (long n = 0; n < t->allocs; n++) {
    unsigned char *p = malloc(BLOCK);
    if (!p) {
      t->failed = 1;
      return NULL;
    }
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    /* A header and a trailer, and a few bytes in between. */
    p[0] = (unsigned char)n;
    p[BLOCK - 1] = (unsigned char)(n >> 8);
    unsigned off[TOUCHES];
    for (int k = 0; k < TOUCHES; k++) {
      off[k] = (unsigned)(x >> (16 + 11 * k)) & (BLOCK - 1);
      p[off[k]] = (unsigned char)(x >> (8 * k));
    }
    /* Read back: a later store may have hit the same byte, so the
     * compiler has to load these. */
    for (int k = 0; k < TOUCHES; k++)
      acc = acc * 31 + p[off[k]];
    acc = acc * 31 + p[0] + p[BLOCK - 1];
    free(p);
  }
  t->check = acc;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long allocs = (long)(BASE_ALLOCS * scale);
  if (allocs < 1)
    allocs = 1;

  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.allocs = allocs,
                           .seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1)};
    if (pthread_create(&w[i].tid, NULL, run, &w[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  uint64_t mix = 0;
  int failed = 0;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(w[i].tid, NULL);
    mix = mix * 0x100000001b3ULL ^ w[i].check;
    failed |= w[i].failed;
  }
  if (failed) {
    fprintf(stderr, "alloc_free: malloc failed\n");
    return 1;
  }
  printf("alloc_free: allocs=%ld checksum=%016llx\n", allocs * NTHREADS,
         (unsigned long long)mix);
  return 0;
}
