/* Benchmark workload: text handling through the C library, the way a
 * configuration parser or a log formatter does it.  Main builds a sorted
 * dictionary of words before the threads start; both workers then share
 * it read-only.  Each worker, per step: formats a line with snprintf,
 * takes it apart with strchr and strlen, looks each field up in the
 * dictionary by binary search with strcmp, checks a prefix with memcmp and
 * a substring with strstr, copies the line with strcpy into an output
 * buffer, and writes the buffer to its own /dev/null descriptor with
 * write() whenever it fills; every 64 steps it refills an input buffer
 * from /dev/zero with read().  Every one of these is an intercepted call
 * for a detector that models the C library.  Race-free: the dictionary is
 * written only before the threads are created, everything else is
 * per-thread, and main reads the results after join.
 *
 * Usage: libc_text [SCALE]   (SCALE multiplies the number of steps,
 * default 1).  Prints a checksum that is the same in every build. */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { NTHREADS = 2, NWORDS = 4096, WORDLEN = 16, OUTSIZE = 4096, INSIZE = 4096 };
/* Steps per thread at scale 1: about half a second natively here. */
#define BASE_STEPS 400000L

static char words[NWORDS][WORDLEN]; /* sorted; written by main before the threads */

struct worker {
  pthread_t tid;
  long steps;
  uint64_t seed;
  uint64_t check; /* written by the worker, read by main after join */
};

static void make_word(char *w, uint64_t x) {
  int len = 5 + (int)(x % 9);
  for (int i = 0; i < len; i++) {
    w[i] = (char)('a' + (x >> (i * 3 + 8)) % 26);
  }
  w[len] = 0;
}

static int by_word(const void *a, const void *b) { return strcmp(a, b); }

static int lookup(const char *key) {
  int lo = 0, hi = NWORDS - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    int c = strcmp(key, words[mid]);
    if (c == 0) return mid;
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

static void *run(void *arg) {
  struct worker *t = arg;
  int out_fd = open("/dev/null", O_WRONLY);
  int in_fd = open("/dev/zero", O_RDONLY);
  if (out_fd < 0 || in_fd < 0) {
    perror("open");
    exit(1);
  }
  char line[128], field[64], out[OUTSIZE], in[INSIZE];
  size_t used = 0;
  uint64_t x = t->seed, acc = 0;
  for (long s = 0; s < t->steps; s++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const char *a = words[(x >> 33) % NWORDS];
    const char *b = words[(x >> 45) % NWORDS];
    int n = snprintf(line, sizeof line, "%s=%s;%lu", a, b, (unsigned long)(s & 0xffff));
    const char *eq = strchr(line, '=');
    size_t klen = (size_t)(eq - line);
    memcpy(field, line, klen);
    field[klen] = 0;
    acc = acc * 31 + (uint64_t)lookup(field);
    const char *semi = strchr(eq + 1, ';');
    size_t vlen = (size_t)(semi - eq - 1);
    memcpy(field, eq + 1, vlen);
    field[vlen] = 0;
    acc = acc * 31 + (uint64_t)lookup(field) + strlen(semi);
    acc += memcmp(a, b, 4) < 0;
    acc += strstr(line, "ab") != NULL;
    if (used + (size_t)n + 1 > OUTSIZE) {
      if (write(out_fd, out, used) != (ssize_t)used) {
        perror("write");
        exit(1);
      }
      used = 0;
    }
    strcpy(out + used, line);
    used += (size_t)n;
    if (s % 64 == 0) {
      if (read(in_fd, in, sizeof in) != (ssize_t)sizeof in) {
        perror("read");
        exit(1);
      }
      acc += (uint64_t)in[s % INSIZE];
    }
  }
  close(out_fd);
  close(in_fd);
  t->check = acc;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long steps = (long)(BASE_STEPS * scale);
  if (steps < 1) steps = 1;
  uint64_t x = 0x2545f4914f6cdd1dULL;
  for (int i = 0; i < NWORDS; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    make_word(words[i], x);
  }
  qsort(words, NWORDS, WORDLEN, by_word);

  struct worker w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (struct worker){.steps = steps, .seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1)};
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
  printf("libc_text: steps=%ld checksum=%016llx\n", steps * NTHREADS, (unsigned long long)mix);
  return 0;
}
