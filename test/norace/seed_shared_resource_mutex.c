// The seed program with its fix: ten threads each do
// `shared_resource += 1` under one pthread mutex.  No report, status 0,
// and the total is 10.  Built at every optimization level.
// Sibling: race/seed_shared_resource.c is the same program without the mutex.
// RUN: %weft-cc -O1 -g %s -o %t.O1 && %expect-exit 0 %t.O1 2>&1 | FileCheck %s --check-prefix=NORACE
// RUN: %weft-cc -O0 -g %s -o %t.O0 && %expect-exit 0 %t.O0 2>&1 | FileCheck %s --check-prefix=NORACE
// RUN: %weft-cc -O2 -g %s -o %t.O2 && %expect-exit 0 %t.O2 2>&1 | FileCheck %s --check-prefix=NORACE
// RUN: %weft-cc -O3 -g %s -o %t.O3 && %expect-exit 0 %t.O3 2>&1 | FileCheck %s --check-prefix=NORACE
#include <pthread.h>
#include <stdio.h>

int shared_resource = 0;
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void *run(void *arg) {
  pthread_mutex_lock(&lock);
  shared_resource += 1;
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(void) {
  pthread_t threads[10];
  for (int i = 0; i < 10; i++)
    pthread_create(&threads[i], NULL, run, NULL);
  for (int i = 0; i < 10; i++)
    pthread_join(threads[i], NULL);
  printf("shared_resource = %d\n", shared_resource);
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE: shared_resource = 10
// NORACE-NOT: weft: reported
