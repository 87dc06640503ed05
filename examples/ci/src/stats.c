/* See stats.h.  The bug is deliberate: stats_miss() updates `misses`
 * without `lock`, which every other access to it holds. */
#include "stats.h"

#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long hits, misses;

void stats_hit(void) {
  pthread_mutex_lock(&lock);
  hits++;
  pthread_mutex_unlock(&lock);
}

void stats_miss(void) {
  misses++;
}

long stats_total(void) {
  pthread_mutex_lock(&lock);
  long total = hits + misses;
  pthread_mutex_unlock(&lock);
  return total;
}
