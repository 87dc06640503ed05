/* Two threads count misses while the main thread reads the total: the
 * unlocked stats_miss() races with itself and with stats_total().  The
 * count usually comes out right, so only weft makes this test fail (exit
 * status 66). */
#include <pthread.h>
#include <stdio.h>

#include "stats.h"

static void *worker(void *arg) {
  for (int i = 0; i < 1000; i++) stats_miss();
  return arg;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, NULL);
  long seen = stats_total();
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  printf("misses: %ld (seen %ld while counting)\n", stats_total(), seen);
  return 0;
}
