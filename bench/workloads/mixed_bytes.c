/* Benchmark workload: byte-wise writes next to 8- and 16-byte reads of the
 * same memory, in phases.  There is one 32 KiB table of one-byte tags per
 * thread; in each phase a thread takes one table, stores a tag into every
 * byte of it (a byte at a time: the tags come from a recurrence the
 * compiler cannot vectorize), counts one tag value with a loop clang
 * vectorizes into 16-byte loads, hashes the table 8 bytes at a time, then
 * retags random bytes, each followed by a read of the 8 bytes around it.
 * A pthread barrier ends the phase and the tables move on to the next
 * thread, so every phase starts in a new epoch on memory another thread
 * read and wrote last.  It stresses a shadow-memory detector where its
 * granules hold byte-wise state that wide reads must then check as a
 * whole.  Race-free: in a phase each table has exactly one thread, and
 * the barrier orders each phase's accesses before the next phase's.
 *
 * Usage: mixed_bytes [SCALE]   (SCALE multiplies the number of phases,
 * default 1; the table size stays fixed).  Prints a checksum that is the
 * same in every build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NTHREADS = 2, TABLE = 32 * 1024, RETAGS = 4096 };
/* Phases at scale 1: about half a second natively here. */
#define BASE_PHASES 5000L

static uint8_t tables[NTHREADS][TABLE];
static pthread_barrier_t phase_end;

struct worker {
  pthread_t tid;
  int id;
  long phases;
  uint64_t check; /* written by the worker, read by main after join */
};

static void *run(void *arg) {
  struct worker *w = arg;
  uint64_t x = 0x9e3779b97f4a7c15ULL * (uint64_t)(w->id + 1), acc = 0;
  for (long p = 0; p < w->phases; p++) {
    uint8_t *tab = tables[(w->id + p) % NTHREADS];
    /* Tag every byte, one byte store each. */
    for (int i = 0; i < TABLE; i++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      tab[i] = (uint8_t)(x >> 60);
    }
    /* Count one tag: vectorized, 16 bytes per load (byte-wide counters,
     * so a vector holds 16 lanes; 128 bytes cannot overflow one). */
    uint8_t want = (uint8_t)(p & 15);
    uint32_t n = 0;
    for (int i = 0; i < TABLE; i += 128) {
      uint8_t c = 0;
      for (int k = 0; k < 128; k++)
        c += tab[i + k] == want;
      n += c;
    }
    /* Hash the table a word at a time: 8 bytes per load. */
    uint64_t h = n;
    for (int i = 0; i < TABLE; i += 8) {
      uint64_t v;
      memcpy(&v, tab + i, 8);
      h = (h ^ v) * 0x100000001b3ULL;
    }
    /* Retag single bytes, each read back with its 7 neighbours. */
    for (int k = 0; k < RETAGS; k++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      unsigned pos = (unsigned)(x >> 40) & (TABLE - 1);
      tab[pos] = (uint8_t)(x >> 20);
      uint64_t v;
      memcpy(&v, tab + (pos & ~7u), 8);
      h = (h ^ v) * 0x100000001b3ULL;
    }
    acc = acc * 31 + h;
    pthread_barrier_wait(&phase_end); /* hand the table to the next thread */
  }
  w->check = acc;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long phases = (long)(BASE_PHASES * scale);
  if (phases < 1)
    phases = 1;

  if (pthread_barrier_init(&phase_end, NULL, NTHREADS) != 0) {
    perror("pthread_barrier_init");
    return 1;
  }
  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.id = i, .phases = phases};
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
  for (int t = 0; t < NTHREADS; t++)
    for (int i = 0; i < TABLE; i++)
      mix = mix * 31 + tables[t][i];
  pthread_barrier_destroy(&phase_end);
  printf("mixed_bytes: phases=%ld checksum=%016llx\n", phases,
         (unsigned long long)mix);
  return 0;
}
