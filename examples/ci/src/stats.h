/* A tiny statistics module, the code under test in the CI example
 * (docs/ci.md).  stats_hit() takes the lock; stats_miss() forgets it,
 * which is the data race weft finds. */
#ifndef STATS_H
#define STATS_H

void stats_hit(void);
void stats_miss(void);
long stats_total(void);

#endif
