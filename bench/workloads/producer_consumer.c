/* Benchmark workload: a bounded queue with one mutex and two condition
 * variables, two producers and two consumers passing many small items.
 * It stresses condition-variable waits and wake-ups and the hand-off of
 * items (plain stores by one thread, loads by another, ordered only by the
 * mutex).  Race-free: the ring, its indices and the counters are touched
 * only under `q.lock`; per-thread results are read by main after join.
 *
 * Usage: producer_consumer [SCALE]   (SCALE multiplies the number of items,
 * default 1).  Prints a checksum that is the same in every build: each
 * consumer's sum is order-independent and main adds them up. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { NPRODUCERS = 2, NCONSUMERS = 2, CAPACITY = 64 };
/* Items per producer at scale 1: about half a second natively here. */
#define BASE_ITEMS 400000L

struct item {
  uint32_t producer;
  uint32_t seq;
  uint64_t payload;
};

static struct {
  pthread_mutex_t lock;
  pthread_cond_t not_empty, not_full;
  struct item ring[CAPACITY];
  unsigned head, count; /* next slot to pop, items in the ring */
  long taken, total;    /* items popped so far, items to pop in all */
} q = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .not_empty = PTHREAD_COND_INITIALIZER,
    .not_full = PTHREAD_COND_INITIALIZER,
};

struct worker {
  pthread_t tid;
  uint32_t id;
  long items;   /* producers: how many to push */
  uint64_t sum; /* consumers: what they popped, hashed and added */
  long popped;
};

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

static void *produce(void *arg) {
  struct worker *w = arg;
  for (long i = 0; i < w->items; i++) {
    struct item it = {w->id, (uint32_t)i, mix64(((uint64_t)w->id << 32) | (uint64_t)i)};
    pthread_mutex_lock(&q.lock);
    while (q.count == CAPACITY)
      pthread_cond_wait(&q.not_full, &q.lock);
    q.ring[(q.head + q.count) % CAPACITY] = it;
    q.count++;
    pthread_cond_signal(&q.not_empty);
    pthread_mutex_unlock(&q.lock);
  }
  return NULL;
}

static void *consume(void *arg) {
  struct worker *w = arg;
  for (;;) {
    pthread_mutex_lock(&q.lock);
    while (q.count == 0 && q.taken < q.total)
      pthread_cond_wait(&q.not_empty, &q.lock);
    if (q.taken == q.total) {
      pthread_mutex_unlock(&q.lock);
      break;
    }
    struct item it = q.ring[q.head];
    q.head = (q.head + 1) % CAPACITY;
    q.count--;
    q.taken++;
    if (q.taken == q.total) /* wake the other consumer so it can leave */
      pthread_cond_broadcast(&q.not_empty);
    pthread_cond_signal(&q.not_full);
    pthread_mutex_unlock(&q.lock);
    /* Work on the item outside the lock, as a real consumer would. */
    w->sum += mix64(it.payload ^ ((uint64_t)it.producer << 40 | it.seq));
    w->popped++;
  }
  return NULL;
}

int main(int argc, char **argv) {
  double scale = argc > 1 ? atof(argv[1]) : 1.0;
  long items = (long)(BASE_ITEMS * scale);
  if (items < 1)
    items = 1;
  q.total = items * NPRODUCERS;

  struct worker prod[NPRODUCERS], cons[NCONSUMERS];
  for (int i = 0; i < NCONSUMERS; i++) {
    cons[i] = (struct worker){.id = (uint32_t)i};
    if (pthread_create(&cons[i].tid, NULL, consume, &cons[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  for (int i = 0; i < NPRODUCERS; i++) {
    prod[i] = (struct worker){.id = (uint32_t)i, .items = items};
    if (pthread_create(&prod[i].tid, NULL, produce, &prod[i]) != 0) {
      perror("pthread_create");
      return 1;
    }
  }
  for (int i = 0; i < NPRODUCERS; i++)
    pthread_join(prod[i].tid, NULL);
  uint64_t sum = 0;
  long popped = 0;
  for (int i = 0; i < NCONSUMERS; i++) {
    pthread_join(cons[i].tid, NULL);
    sum += cons[i].sum;
    popped += cons[i].popped;
  }
  if (popped != q.total) {
    fprintf(stderr, "producer_consumer: popped %ld items, expected %ld\n",
            popped, q.total);
    return 1;
  }
  printf("producer_consumer: items=%ld checksum=%016llx\n", popped,
         (unsigned long long)sum);
  return 0;
}
