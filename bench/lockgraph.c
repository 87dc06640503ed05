/* Benchmark workload for the lock-order graph (runtime/deadlock/lockgraph.c):
 * NLOCKS mutexes and NEDGES distinct ordered pairs (i < j, so the orders
 * never form a cycle), drawn with a fixed seed and split between two
 * threads.  Each pair is taken as "lock i; lock j; unlock both".  The
 * first pass adds NEDGES distinct edges, in an order unrelated to the
 * lock numbers (the graph's topological order is rebuilt as it goes).
 * The second pass, in the same threads, takes every pair again: each is
 * then a repeated acquisition order, one chain-cache probe.
 *
 * Usage: lockgraph [NLOCKS [NEDGES [CYCLE]]]  (defaults 10000 100000 0).
 * CYCLE=1: halfway through the first pass, one thread takes two locks of
 * its last pair in both orders, a cycle that cannot deadlock (one
 * thread).  CYCLE=2: every pair is taken in both orders by its thread, so
 * the graph is one big tangle of cycles, none of which can deadlock (any
 * cycle would need two edges of one thread): every new edge is inside a
 * cycle and is searched.
 * Prints "pass1 <s> pass2 <s> checksum <n>" on stdout. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t *locks;
static uint32_t (*pairs)[2];
static long npairs;
static int cycle;
static pthread_barrier_t phase;

typedef struct part { int id; uint64_t sum; } part;

static void take(part *p, long from, long to) {
  for (long k = from; k < to; k++) {
    uint32_t i = pairs[k][0], j = pairs[k][1];
    pthread_mutex_lock(&locks[i]);
    pthread_mutex_lock(&locks[j]);
    p->sum += i ^ j;
    pthread_mutex_unlock(&locks[j]);
    pthread_mutex_unlock(&locks[i]);
    if (cycle == 2) {
      pthread_mutex_lock(&locks[j]);
      pthread_mutex_lock(&locks[i]);
      p->sum += i;
      pthread_mutex_unlock(&locks[i]);
      pthread_mutex_unlock(&locks[j]);
    }
  }
}

/* Pairs [0, n/2) in halves to the two threads, then the cycle, then
 * [n/2, n) likewise: the first pass.  Then all again: the second. */
static void *run(void *arg) {
  part *p = arg;
  long half = npairs / 2, q = half / 2, r = (npairs - half) / 2;
  for (int pass = 0; pass < 2; pass++) {
    take(p, p->id ? q : 0, p->id ? half : q);
    pthread_barrier_wait(&phase);
    if (pass == 0 && cycle == 1 && p->id == 0) {
      pthread_mutex_t *a = &locks[pairs[q - 1][0]], *b = &locks[pairs[q - 1][1]];
      pthread_mutex_lock(b); pthread_mutex_lock(a); pthread_mutex_unlock(a); pthread_mutex_unlock(b);
    }
    pthread_barrier_wait(&phase);
    take(p, p->id ? half + r : half, p->id ? npairs : half + r);
    pthread_barrier_wait(&phase); /* end of the pass */
    pthread_barrier_wait(&phase); /* main has read the clock */
  }
  return NULL;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  long nlocks = argc > 1 ? atol(argv[1]) : 10000;
  npairs = argc > 2 ? atol(argv[2]) : 100000;
  cycle = argc > 3 ? atoi(argv[3]) : 0;
  if (nlocks < 2 || npairs < 1 || npairs > nlocks * (nlocks - 1) / 2) {
    fprintf(stderr, "lockgraph: bad sizes\n");
    return 2;
  }
  locks = malloc(nlocks * sizeof *locks);
  pairs = malloc(npairs * sizeof *pairs);
  for (long i = 0; i < nlocks; i++) pthread_mutex_init(&locks[i], NULL);
  /* Distinct pairs: a hash set of i * nlocks + j. */
  long cap = 1;
  while (cap < 2 * npairs) cap *= 2;
  uint64_t *seen = calloc(cap, sizeof *seen);
  uint64_t x = 0x9e3779b97f4a7c15ull;
  for (long k = 0; k < npairs;) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    uint32_t i = (uint32_t)((x >> 33) % nlocks), j = (uint32_t)((x >> 13) % nlocks);
    if (i == j) continue;
    if (i > j) { uint32_t t = i; i = j; j = t; }
    uint64_t key = (uint64_t)i * nlocks + j + 1;
    long h = (long)((key * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
    while (seen[h] && seen[h] != key) h = (h + 1) & (cap - 1);
    if (seen[h]) continue;
    seen[h] = key;
    pairs[k][0] = i;
    pairs[k][1] = j;
    k++;
  }
  free(seen);
  pthread_barrier_init(&phase, NULL, 3);
  part p[2] = {{0, 0}, {1, 0}};
  pthread_t th[2];
  double t[3];
  t[0] = now();
  for (int k = 0; k < 2; k++)
    if (pthread_create(&th[k], NULL, run, &p[k])) return 1;
  for (int pass = 0; pass < 2; pass++) {
    pthread_barrier_wait(&phase);
    pthread_barrier_wait(&phase);
    pthread_barrier_wait(&phase);
    t[pass + 1] = now();
    pthread_barrier_wait(&phase);
  }
  for (int k = 0; k < 2; k++) pthread_join(th[k], NULL);
  double t1 = t[1] - t[0], t2 = t[2] - t[1];
  uint64_t sum = p[0].sum + p[1].sum;
  printf("pass1 %.3f pass2 %.3f checksum %llu\n", t1, t2, (unsigned long long)sum);
  return 0;
}
