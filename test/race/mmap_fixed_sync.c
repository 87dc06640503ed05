// A mutex in a mapping that MAP_FIXED maps over: the new pages hold a new
// mutex, initialised at the same address, that orders nothing with the
// old one.  T1 writes x and unlocks the old mutex; main, after the new
// mapping, locks and unlocks the new mutex and reads x: a race, which a
// sync object that outlived its mapping would hide.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <sys/mman.h>

static char *region;
int x;

static void *writer(void *arg) {
  pthread_mutex_t *m = (pthread_mutex_t *)region;
  WTEST_CHECK(pthread_mutex_lock(m));
  x = 1;
  WTEST_CHECK(pthread_mutex_unlock(m));
  wtest_step_set(1);
  return NULL;
}

int main(void) {
  region = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  WTEST_EXPECT(region != MAP_FAILED);
  WTEST_CHECK(pthread_mutex_init((pthread_mutex_t *)region, NULL));
  pthread_t a;
  wtest_create(&a, writer, NULL);
  wtest_step_wait(1);
  WTEST_EXPECT(mmap(region, 4096, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == region);
  pthread_mutex_t *m = (pthread_mutex_t *)region;
  WTEST_CHECK(pthread_mutex_init(m, NULL));
  WTEST_CHECK(pthread_mutex_lock(m));
  wtest_use(x);
  WTEST_CHECK(pthread_mutex_unlock(m));
  wtest_join(a);
  munmap(region, 4096);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at [[ADDR:0x[0-9a-f]+]] by main thread (mutexes: write M[[#]]):
// CHECK-NEXT: #0 main {{.*}}mmap_fixed_sync.c:[[#]]
// CHECK: Previous write of size 4 at [[ADDR]] by thread T1 (mutexes: write M[[#]]):
// CHECK-NEXT: #0 writer {{.*}}mmap_fixed_sync.c:[[#]]
// CHECK: Mutex M{{[0-9]+}} is already destroyed.
// CHECK: Location is global 'x' of size 4 at [[ADDR]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
