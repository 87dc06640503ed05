// A program with one data race on the global x, used by the option and
// report tests: T1 writes x holding mutex m, then T2 writes it holding
// nothing.  Variants:
//   -DTWO_RACES  T2 then also races on y (another pair of sites)
//   -DABORT      main aborts after the race (log files must survive)
//   -DSWAP       the same two stacks race in the other order (T2 writes
//                first, T1 second): the fingerprint must not change
//   -DSHIFT      unrelated code above: lines and offsets move
// main prints "main done" on stdout last, so a test can tell whether the
// program ran to its end.
#include "weft_test.h"

#ifdef SHIFT
int unrelated_counter;
__attribute__((noinline)) void unrelated(int n) {
  for (int i = 0; i < n; i++) unrelated_counter += i;
}
#endif

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
// Separate 8-byte granules: each variable keeps its own history.
_Alignas(8) int x;
_Alignas(8) int y;

__attribute__((noinline)) static void store_a(int v) { x = v; }
__attribute__((noinline)) static void store_b(int v) { x = v; }

static void *first(void *arg) {
#ifdef SWAP
  wtest_step_wait(1);
#endif
  pthread_mutex_lock(&m);
  store_a(1);
  y = 1;
  pthread_mutex_unlock(&m);
#ifndef SWAP
  wtest_step_set(1);
#endif
  return NULL;
}

static void *second(void *arg) {
#ifndef SWAP
  wtest_step_wait(1);
#endif
  store_b(2);
#ifdef TWO_RACES
  y = 2;
#endif
#ifdef SWAP
  wtest_step_set(1);
#endif
  return NULL;
}

int main(void) {
  pthread_t a, b;
#ifdef SHIFT
  unrelated(10);
#endif
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
#ifdef ABORT
  abort();
#endif
  printf("main done\n");
  fflush(stdout);
  return 0;
}
