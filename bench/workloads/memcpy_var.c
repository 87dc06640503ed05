/* Benchmark workload: memcpy of variable lengths, 1 to 300 bytes, between
 * two per-thread buffers, the way strings get copied around a text heap.
 * Lengths and offsets come from a fixed-seed generator, so the copies
 * start and end at every alignment and cover whole granules, parts of them
 * and both; every 4096 copies the buffers swap roles, so what was copied
 * in is copied out again.  The compiler cannot inline a copy whose length
 * it does not know, so each one is a call to memcpy.  It stresses a
 * shadow-memory detector's memcpy handling: range checks of the source and
 * destination shadow with ragged ends, plus the per-call cost.  Race-free:
 * every thread touches only its own two buffers; main reads the results
 * after join.
 *
 * Usage: memcpy_var [SCALE]   (SCALE multiplies the number of copies,
 * default 1).  Prints a checksum that is the same in every build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NTHREADS = 2, BUFSIZE = 64 * 1024, MAXLEN = 300, SWAP = 4096 };
/* Copies per thread at scale 1: about half a second natively here. */
#define BASE_COPIES 20000000L

struct worker {
  pthread_t tid;
  long copies;
  uint64_t seed;
  uint8_t *buf[2]; /* BUFSIZE each, only this thread touches them */
  uint64_t check;  /* written by the worker, read by main after join */
};

static void *run(void *arg) {
  struct worker *t = arg;
  uint64_t x = t->seed, acc = 0;
  for (int i = 0; i < BUFSIZE; i++) {
    t->buf[0][i] = (uint8_t)('a' + i % 26);
    t->buf[1][i] = (uint8_t)(i * 7);
  }
  int from = 0;
  for (long c = 0; c < t->copies; c++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t len = 1 + (size_t)(x >> 24 & 0xffff) % MAXLEN;
    size_t src = (size_t)(x >> 40) % (BUFSIZE - MAXLEN);
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t dst = (size_t)(x >> 40) % (BUFSIZE - MAXLEN);
    memcpy(t->buf[!from] + dst, t->buf[from] + src, len);
    acc = acc * 31 + t->buf[!from][dst + len / 2];
    if ((c + 1) % SWAP == 0)
      from = !from;
  }
  for (int i = 0; i < BUFSIZE; i++)
    acc = acc * 31 + t->buf[0][i] + t->buf[1][i];
  t->check = acc;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long copies = (long)(BASE_COPIES * scale);
  if (copies < 1)
    copies = 1;

  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.copies = copies,
                           .seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1)};
    w[i].buf[0] = malloc(BUFSIZE);
    w[i].buf[1] = malloc(BUFSIZE);
    if (!w[i].buf[0] || !w[i].buf[1]) {
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
  uint64_t mix = 0;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(w[i].tid, NULL);
    mix = mix * 0x100000001b3ULL ^ w[i].check;
    free(w[i].buf[0]);
    free(w[i].buf[1]);
  }
  printf("memcpy_var: copies=%ld checksum=%016llx\n", copies * NTHREADS,
         (unsigned long long)mix);
  return 0;
}
