// Memory whose shadow holds blocks of records (granules with more than
// two records) is given back to the kernel by glibc's own munmap inside
// free(), which no interceptor sees, and then handed out again: to the
// program's next large blocks and to the runtime's own chunks, which the
// runtime maps with raw system calls.  Rounds of this must neither hang
// (a shadow reset inside the runtime's allocator once spun forever there)
// nor lose the race planted in the last round's block.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <malloc.h>
#include <stdlib.h>

#define BLOCK (2u << 20) /* past the mmap threshold: mapped and unmapped */
#define ROUNDS 8

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

/* Three epochs of one thread on three bytes of each granule: three write
 * records, so every granule of the block takes a block of records. */
static void scribble(unsigned char *p, size_t n) {
  for (int k = 0; k < 3; k++) {
    pthread_mutex_lock(&m);
    for (size_t i = 0; i < n; i += 8) p[i + k] = (unsigned char)(i + k);
    pthread_mutex_unlock(&m);
  }
}

static void *racer(void *arg) {
  unsigned char *last = wtest_ptr_take();
  last[8 * 1000 + 1] = 7; /* unordered with main's write of it */
  return NULL;
}

int main(void) {
  pthread_t t;
  /* A fixed threshold: glibc would raise it after the first free. */
  WTEST_EXPECT(mallopt(M_MMAP_THRESHOLD, 128 << 10) == 1);
  wtest_create(&t, racer, NULL);
  unsigned long sum = 0;
  unsigned char *last = NULL;
  for (int r = 0; r < ROUNDS; r++) {
    unsigned char *p = malloc(BLOCK);
    WTEST_EXPECT(p != NULL);
    scribble(p, BLOCK);
    sum += p[8 * 77 + 2];
    if (r == ROUNDS - 1) {
      last = p;
      break;
    }
    free(p);
  }
  wtest_ptr_publish(last);
  wtest_join(t);
  printf("sum %lu\n", sum);
  free(last);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 1 at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: #0 racer {{.*}}shadow_reuse_unmapped.c:[[#]]
// CHECK: Previous write of size 1 at [[ADDR]] by main thread
// CHECK-NEXT: #0 scribble {{.*}}shadow_reuse_unmapped.c:[[#]]
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
