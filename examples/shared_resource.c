/* The motivating example: ten threads each add one to a global int with no
 * lock.  No two increments are ordered by any synchronization, so weft
 * reports a data race on 'shared_resource' however the threads happened to
 * be scheduled, and the program exits with status 66.
 * examples/shared_resource_locked.c is the fixed version. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 10

int shared_resource;

static void *run(void *arg) {
  (void)arg;
  shared_resource += 1;
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
