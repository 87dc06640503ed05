/* examples/shared_resource.c with the increment under a mutex: every
 * unlock happens before the next lock, so the increments are ordered and
 * weft stays silent (exit status 0, no report).  The read in main after
 * pthread_join is ordered by the joins. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 10

int shared_resource;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *run(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  shared_resource += 1;
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t threads[NTHREADS];
  for (int i = 0; i < NTHREADS; i++)
    pthread_create(&threads[i], NULL, run, NULL);
  for (int i = 0; i < NTHREADS; i++)
    pthread_join(threads[i], NULL);
  printf("shared_resource = %d\n", shared_resource);
  return 0;
}
