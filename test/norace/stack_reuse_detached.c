// Detached threads exit one after another; glibc hands a finished
// thread's stack to the next thread it creates, so later threads write
// locals at addresses earlier, unordered threads wrote.  A thread's stack
// dies with it: no report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --check-prefix=NORACE --allow-empty
#include "weft_test.h"

static void fill(unsigned char *p, int n, int v) {
  for (int i = 0; i < n; i++)
    p[i] = (unsigned char)(v + i);
  __asm__ volatile("" : : "r"(p) : "memory");
}

static void *child(void *arg) {
  unsigned char locals[512];
  fill(locals, sizeof locals, (int)(long)arg);
  wtest_step_set((int)(long)arg + 1);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  for (long i = 0; i < 50; i++) {
    pthread_t t;
    WTEST_CHECK(pthread_create(&t, &attr, child, (void *)i));
    wtest_step_wait((int)i + 1);
  }
  return 0;
}

// NORACE-NOT: WARNING: weft
// NORACE-NOT: weft: reported
