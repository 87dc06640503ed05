// Slow but live: the producer sleeps longer than the deadlock timeout
// between items while the consumer waits on a condition variable, and a
// consumer blocked in read() on a pipe is filled after a sleep.  A
// sleeping thread or one in I/O can still wake the others: no report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: env WEFT_OPTIONS=deadlock_timeout_ms=100 %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <time.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int items, got;
static int fds[2];

static void *consumer(void *arg) {
  pthread_mutex_lock(&m);
  while (got < 3) {
    while (items == 0) pthread_cond_wait(&c, &m);
    items--;
    got++;
  }
  pthread_mutex_unlock(&m);
  return NULL;
}

static void *reader(void *arg) {
  char ch = 0;
  return read(fds[0], &ch, 1) == 1 && ch == 'x' ? (void *)1 : NULL;
}

static void nap(void) {
  struct timespec ts = {0, 300 * 1000000L}; /* three timeouts */
  nanosleep(&ts, NULL);
}

int main(void) {
  pthread_t t, u;
  if (pipe(fds)) return 1;
  wtest_create(&t, consumer, NULL);
  for (int i = 0; i < 3; i++) {
    nap();
    pthread_mutex_lock(&m);
    items++;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
  }
  wtest_join(t);
  wtest_create(&u, reader, NULL);
  nap();
  if (write(fds[1], "x", 1) != 1) return 1;
  void *ok;
  pthread_join(u, &ok);
  printf("got %d, read %d\n", got, ok != NULL);
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: got 3, read 1
// CHECK-NOT: WARNING: weft
