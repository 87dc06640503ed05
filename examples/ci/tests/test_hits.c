/* Two threads count hits: correctly locked, so weft stays quiet and the
 * test passes. */
#include <pthread.h>
#include <stdio.h>

#include "stats.h"

static void *worker(void *arg) {
  for (int i = 0; i < 1000; i++) stats_hit();
  return arg;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  long total = stats_total();
  printf("hits: %ld\n", total);
  return total == 2000 ? 0 : 1;
}
