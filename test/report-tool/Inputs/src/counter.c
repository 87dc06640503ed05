// Source shown by the weft-report tests (never compiled by them): the
// sample logs in ../logs name its lines.
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int counter;

void bump_locked(void) {
  pthread_mutex_lock(&lock);
  counter++;
  pthread_mutex_unlock(&lock);
}

void bump(void) {
  counter++;
}

int peek(void) {
  pthread_mutex_lock(&lock);
  int v = counter;
  pthread_mutex_unlock(&lock);
  return v;
}

void *worker(void *arg) {
  bump_locked();
  bump();
  return arg;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], 0, worker, 0);
  int seen = peek();
  for (int i = 0; i < 2; i++) pthread_join(t[i], 0);
  return seen;
}
