// A mapping moved by mremap is still checked at its new address: two
// threads write it with nothing ordering them.
// Sibling: norace/mapping_identity.c orders them with a mutex.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#define _GNU_SOURCE
#include "weft_test.h"
#include <sys/mman.h>
#include <unistd.h>

static char *region;

static void *first(void *arg) {
  region[100] = 7;
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  region[100] = 8;
  return NULL;
}

int main(void) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  WTEST_EXPECT(p != MAP_FAILED);
  region = mremap(p, page, 64 * page, MREMAP_MAYMOVE);
  WTEST_EXPECT(region != MAP_FAILED);
  pthread_t a, b;
  wtest_create(&a, first, NULL);
  wtest_create(&b, second, NULL);
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 1 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 second {{.*}}mapping_identity.c:[[#]]
// CHECK: Previous write of size 1 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 first {{.*}}mapping_identity.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
