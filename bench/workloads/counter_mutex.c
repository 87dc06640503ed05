/* Benchmark workload: one mutex-protected counter, heavily contended.
 * The seed example (threads doing `lock; shared_resource += 1; unlock`)
 * grown until it runs long enough to time.  It stresses the lock
 * interceptors and the happens-before edges of a hot mutex; the private
 * arithmetic between critical sections stands for the plain accesses of
 * real code.  Race-free: every shared access is under `lock`.
 *
 * Usage: counter_mutex [SCALE]   (SCALE multiplies the iteration count,
 * default 1).  Prints a checksum that is the same in every build. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { NTHREADS = 4 };
/* Iterations per thread at scale 1: about half a second natively here. */
#define BASE_ITERS 1500000L

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long shared_resource;

struct worker {
  pthread_t tid;
  long iters;
  uint64_t seed; /* private state: only this thread touches it */
};

static void *run(void *arg) {
  struct worker *w = arg;
  uint64_t x = w->seed;
  for (long i = 0; i < w->iters; i++) {
    pthread_mutex_lock(&lock);
    shared_resource += 1;
    pthread_mutex_unlock(&lock);
    /* A few steps of a 64-bit LCG: cheap, private, impossible to fold. */
    for (int k = 0; k < 4; k++)
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  w->seed = x;
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long iters = (long)(BASE_ITERS * scale);
  if (iters < 1)
    iters = 1;

  struct worker w[NTHREADS];
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
    mix ^= w[i].seed;
  }
  if (shared_resource != iters * NTHREADS) {
    fprintf(stderr, "counter_mutex: counter is %ld, expected %ld\n",
            shared_resource, iters * NTHREADS);
    return 1;
  }
  printf("counter_mutex: count=%ld checksum=%016llx\n", shared_resource,
         (unsigned long long)mix);
  return 0;
}
