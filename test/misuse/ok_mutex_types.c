// No false alarms from mutexes that report their own misuse: a recursive
// mutex locked twice; an error-checking one relocked (EDEADLK) and
// unlocked by a thread that does not own it (EPERM); the same for a
// robust mutex.  These are defined results the program may rely on.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s --allow-empty
#include "weft_test.h"
#include <errno.h>

static pthread_mutex_t rec, err, rob;

static void *other(void *arg) {
  WTEST_EXPECT(pthread_mutex_unlock(&err) == EPERM);
  WTEST_EXPECT(pthread_mutex_unlock(&rob) == EPERM);
  WTEST_EXPECT(pthread_mutex_unlock(&rec) == EPERM);
  return NULL;
}

static void init(pthread_mutex_t *m, int type, int robust) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, type);
  if (robust) pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  WTEST_CHECK(pthread_mutex_init(m, &a));
  pthread_mutexattr_destroy(&a);
}

int main(void) {
  init(&rec, PTHREAD_MUTEX_RECURSIVE, 0);
  init(&err, PTHREAD_MUTEX_ERRORCHECK, 0);
  init(&rob, PTHREAD_MUTEX_NORMAL, 1);
  WTEST_CHECK(pthread_mutex_lock(&rec));
  WTEST_CHECK(pthread_mutex_lock(&rec));
  WTEST_CHECK(pthread_mutex_lock(&err));
  WTEST_EXPECT(pthread_mutex_lock(&err) == EDEADLK);
  WTEST_CHECK(pthread_mutex_lock(&rob));
  pthread_t t;
  wtest_create(&t, other, NULL);
  wtest_join(t);
  WTEST_CHECK(pthread_mutex_unlock(&rob));
  WTEST_CHECK(pthread_mutex_unlock(&err));
  WTEST_EXPECT(pthread_mutex_unlock(&err) == EPERM);
  WTEST_CHECK(pthread_mutex_unlock(&rec));
  WTEST_CHECK(pthread_mutex_unlock(&rec));
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK-NOT: weft: reported
