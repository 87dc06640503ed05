/* Benchmark workload: the shape of a threaded decompressor (pigz -d).  An
 * inflater thread fills a 32 KiB window a byte at a time, with literals
 * and with back-reference copies that read bytes written earlier, some of
 * them in the previous pass over the window.  When the window is full it
 * waits for two helper threads to finish the previous block, copies the
 * window into the shared block with memcpy and wakes them: a checker that
 * hashes the block 8 bytes at a time and a writer that hands it to
 * write() on /dev/null.  So every pass starts a new epoch of the inflater
 * on memory its own earlier epochs wrote and read, and the block has one
 * writer and two readers from different threads in each round.  It
 * stresses a shadow-memory detector on byte-wise rewriting of memory that
 * already holds several histories.  Race-free: a mutex and condition
 * variables hand the block over, and the window is the inflater's alone.
 *
 * Usage: inflate_window [SCALE]   (SCALE multiplies the number of passes,
 * default 1).  Prints a checksum that is the same in every build. */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { WINDOW = 32 * 1024 };
/* Passes at scale 1: about a tenth of a second natively here. */
#define BASE_PASSES 1500L

static unsigned char window[WINDOW], block[WINDOW];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER, done = PTHREAD_COND_INITIALIZER;
static long round_no;       /* blocks handed over, under lock */
static int busy;            /* helpers still on the current block, under lock */
static int finished;        /* no more blocks, under lock */
static uint64_t check_hash; /* the checker's, read by main after join */
static int devnull;

/* Each helper takes every block once, then tells the inflater. */
static int next_block(long *seen) {
  pthread_mutex_lock(&lock);
  while (round_no == *seen && !finished) pthread_cond_wait(&ready, &lock);
  int more = round_no != *seen;
  *seen = round_no;
  pthread_mutex_unlock(&lock);
  return more;
}

static void block_done(void) {
  pthread_mutex_lock(&lock);
  if (--busy == 0) pthread_cond_signal(&done);
  pthread_mutex_unlock(&lock);
}

static void *checker(void *arg) {
  (void)arg;
  long seen = 0;
  uint64_t h = 0;
  while (next_block(&seen)) {
    for (int i = 0; i < WINDOW; i += 8) {
      uint64_t w;
      memcpy(&w, block + i, 8);
      h = (h ^ w) * 0x100000001b3ULL;
    }
    block_done();
  }
  check_hash = h;
  return 0;
}

static void *writer(void *arg) {
  (void)arg;
  long seen = 0;
  while (next_block(&seen)) {
    if (write(devnull, block, WINDOW) != WINDOW) abort();
    block_done();
  }
  return 0;
}

int main(int argc, char **argv) {
  long passes = BASE_PASSES * (argc > 1 ? atol(argv[1]) : 1);
  devnull = open("/dev/null", O_WRONLY);
  if (devnull < 0) return 1;
  pthread_t ck, wr;
  pthread_create(&ck, 0, checker, 0);
  pthread_create(&wr, 0, writer, 0);
  uint64_t x = 0x9e3779b97f4a7c15ULL;
  unsigned pos = 0;
  for (long p = 0; p < passes; p++) {
    /* Fill the window: a literal, or a copy of 3 to 34 bytes from up to
     * 4 KiB back (across the window's end into the previous pass). */
    for (unsigned i = 0; i < WINDOW;) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      if ((x >> 62) == 0) {
        window[i++] = (unsigned char)(x >> 40);
      } else {
        unsigned len = 3 + (unsigned)(x >> 35 & 31), dist = 1 + (unsigned)(x >> 20 & 4095);
        for (; len && i < WINDOW; len--, i++)
          window[i] = window[(i - dist) & (WINDOW - 1)];
      }
    }
    pos += WINDOW;
    /* Hand the window over once both helpers are done with the last one. */
    pthread_mutex_lock(&lock);
    while (busy) pthread_cond_wait(&done, &lock);
    memcpy(block, window, WINDOW);
    busy = 2;
    round_no++;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
  }
  pthread_mutex_lock(&lock);
  while (busy) pthread_cond_wait(&done, &lock);
  finished = 1;
  pthread_cond_broadcast(&ready);
  pthread_mutex_unlock(&lock);
  pthread_join(ck, 0);
  pthread_join(wr, 0);
  printf("inflate_window: %u bytes, hash %016llx\n", pos, (unsigned long long)check_hash);
  return 0;
}
