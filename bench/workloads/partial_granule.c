/* Benchmark workload: 1-, 2- and 4-byte accesses to parts of 8-byte
 * granules.  Each thread owns a table of 8-byte records (a uint8, a uint8,
 * a uint16 and a uint32 field, written by separate statements) and a byte
 * array read and written as bytes, halfwords and words; both are hit at
 * pseudo-random places, so the compiler cannot widen or vectorize the
 * accesses.  It stresses a shadow-memory detector's handling of accesses
 * smaller than its granule: each of them shares a shadow cell with its
 * neighbours in the same 8 bytes.  Race-free: every thread touches only
 * its own table and array; main reads them after join.
 *
 * Usage: partial_granule [SCALE]   (SCALE multiplies the number of
 * updates, default 1).  Prints a checksum that is the same in every
 * build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { NTHREADS = 2, NRECS = 4096, NBYTES = 16384 };
/* Updates per thread at scale 1: about half a second natively here. */
#define BASE_ITERS 50000000L

struct rec { /* exactly one 8-byte granule */
  uint8_t kind;
  uint8_t flags;
  uint16_t count;
  uint32_t sum;
};

struct worker {
  pthread_t tid;
  long iters;
  uint64_t seed;
  uint64_t check; /* written by the worker, read by main after join */
  struct rec recs[NRECS];
  union { /* one byte array seen at three widths (C11 allows the pun) */
    uint8_t b[NBYTES];
    uint16_t h[NBYTES / 2];
    uint32_t w[NBYTES / 4];
  } bytes;
};

static void *run(void *arg) {
  struct worker *t = arg;
  uint64_t x = t->seed, acc = 0;
  for (long i = 0; i < t->iters; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    /* A record: each field its own load and store, at its own width. */
    struct rec *r = &t->recs[(x >> 33) & (NRECS - 1)];
    r->count += 1;
    r->kind = (uint8_t)(x >> 24);
    if (r->kind & 1)
      r->flags ^= (uint8_t)(x >> 48);
    r->sum += (uint32_t)(x >> 16) ^ r->flags;
    /* The byte array: a byte, the halfword and the word around another
     * byte, and the byte at the other end of that word. */
    unsigned off = (unsigned)(x >> 45) & (NBYTES - 1);
    uint8_t b = t->bytes.b[off];
    t->bytes.h[off / 2] += (uint16_t)(b + 1);
    uint32_t w = t->bytes.w[off / 4 ^ 1];
    t->bytes.w[off / 4 ^ 1] = w * 33 + b;
    t->bytes.b[off ^ 3] = (uint8_t)(w >> 8);
    acc += r->count + w;
  }
  for (int i = 0; i < NRECS; i++) {
    const struct rec *r = &t->recs[i];
    acc = acc * 31 + ((uint64_t)r->kind << 40 | (uint64_t)r->flags << 32 |
                      (uint64_t)r->count << 16) + r->sum;
  }
  for (int i = 0; i < NBYTES / 4; i++)
    acc = acc * 31 + t->bytes.w[i];
  t->check = acc;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long iters = (long)(BASE_ITERS * scale);
  if (iters < 1)
    iters = 1;

  struct worker *w = calloc(NTHREADS, sizeof *w);
  if (!w) {
    perror("calloc");
    return 1;
  }
  for (int i = 0; i < NTHREADS; i++) {
    w[i].iters = iters;
    w[i].seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1);
    if (pthread_create(&w[i].tid, NULL, run, &w[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  uint64_t mix = 0;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(w[i].tid, NULL);
    mix = mix * 0x100000001b3ULL ^ w[i].check;
  }
  printf("partial_granule: updates=%ld checksum=%016llx\n", iters * NTHREADS,
         (unsigned long long)mix);
  free(w);
  return 0;
}
