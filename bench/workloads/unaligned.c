/* Benchmark workload: unaligned 4- and 8-byte loads that straddle two
 * 8-byte granules.  Each thread fills its own buffer with memset and
 * memcpy (words from a small dictionary, so text repeats), then runs an
 * LZ-style match finder over it: at every byte position it loads 4 bytes
 * to hash, looks the hash up in a table of last positions, and compares 8
 * bytes there with 8 bytes here.  So most loads start at an odd offset:
 * 7 in 8 of the 8-byte loads and 3 in 8 of the 4-byte loads cover parts of
 * two granules.  It stresses a shadow-memory detector's slow path for
 * accesses that cross a granule boundary, on memory its memset/memcpy
 * handling has just written.  Race-free: every thread touches only its
 * own buffer and table; main reads the results after join.
 *
 * Usage: unaligned [SCALE]   (SCALE multiplies the number of passes,
 * default 1; the buffer size stays fixed).  Prints a checksum that is the
 * same in every build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NTHREADS = 2, BUFSIZE = 256 * 1024, HASH_BITS = 14 };
/* Passes over the buffer per thread at scale 1: about half a second
 * natively here. */
#define BASE_PASSES 300

static const char dict[] = "the quick brown fox jumps over lazy dogs and "
                           "a match finder hashes four bytes at every "
                           "position of its window to find earlier copies";

struct worker {
  pthread_t tid;
  long passes;
  uint64_t seed;
  uint8_t *buf;      /* BUFSIZE + 8 bytes: the last 8-byte load stays in */
  uint32_t *head;    /* 1 << HASH_BITS: last position + 1 of each hash */
  uint64_t matched;  /* written by the worker, read by main after join */
  uint64_t check;
};

static void fill(struct worker *t, uint64_t *x) {
  memset(t->buf, ' ', BUFSIZE + 8);
  for (size_t pos = 0; pos + 32 < BUFSIZE;) {
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t from = (size_t)(*x >> 33) % (sizeof dict - 24);
    size_t len = 3 + (size_t)(*x >> 58) % 20; /* 3..22 bytes */
    memcpy(t->buf + pos, dict + from, len);
    pos += len + (size_t)(*x >> 29 & 1); /* sometimes a space between */
  }
}

static void *run(void *arg) {
  struct worker *t = arg;
  uint64_t x = t->seed, matched = 0, check = 0;
  const uint8_t *p = t->buf;
  for (long pass = 0; pass < t->passes; pass++) {
    fill(t, &x);
    memset(t->head, 0, sizeof(uint32_t) << HASH_BITS);
    for (uint32_t i = 0; i < BUFSIZE; i++) {
      uint32_t v;
      memcpy(&v, p + i, 4);
      uint32_t h = (v * 2654435761u) >> (32 - HASH_BITS);
      uint32_t cand = t->head[h];
      t->head[h] = i + 1;
      if (cand) {
        uint64_t here, there;
        memcpy(&here, p + i, 8);
        memcpy(&there, p + cand - 1, 8);
        uint64_t d = here ^ there;
        matched += d ? (unsigned)__builtin_ctzll(d) / 8 : 8;
        check = check * 31 + (i - cand);
      }
    }
  }
  t->matched = matched;
  t->check = check;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long passes = (long)(BASE_PASSES * scale);
  if (passes < 1)
    passes = 1;

  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.passes = passes,
                           .seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1)};
    w[i].buf = malloc(BUFSIZE + 8);
    w[i].head = malloc(sizeof(uint32_t) << HASH_BITS);
    if (!w[i].buf || !w[i].head) {
      perror("malloc");
      return 1;
    }
  }
  for (int i = 0; i < NTHREADS; i++) {
    if (pthread_create(&w[i].tid, NULL, run, &w[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  uint64_t matched = 0, mix = 0;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(w[i].tid, NULL);
    matched += w[i].matched;
    mix = mix * 0x100000001b3ULL ^ w[i].check;
    free(w[i].buf);
    free(w[i].head);
  }
  printf("unaligned: passes=%ld matched=%llu checksum=%016llx\n", passes,
         (unsigned long long)matched, (unsigned long long)mix);
  return 0;
}
