// Thread reuse: 10,000 threads created and joined one after another.  Each
// finished thread's slot and memory must be recycled: resident memory may
// not grow by more than 16 MiB between the 1,000th and the 10,000th thread
// (the program measures VmRSS itself and exits 1 if it does).  The threads
// are ordered by create/join, so there is nothing to report.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 0 %t 2>&1 | FileCheck %s
#include "weft_test.h"
#include <string.h>

#define THREADS 10000
#define BASELINE 1000
#define MAX_GROWTH_KIB (16 * 1024)

long counter;
long slots[64];

static void *body(void *arg) {
  long i = (long)arg;
  counter++;
  slots[i % 64] += i;
  return NULL;
}

static long vm_rss_kib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kib = -1;
  if (!f)
    return -1;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "VmRSS:", 6) == 0) {
      kib = strtol(line + 6, NULL, 10);
      break;
    }
  fclose(f);
  return kib;
}

int main(void) {
  long base = -1;
  for (long i = 1; i <= THREADS; i++) {
    pthread_t t;
    wtest_create(&t, body, (void *)i);
    wtest_join(t);
    if (i == BASELINE)
      base = vm_rss_kib();
  }
  long end = vm_rss_kib();
  WTEST_EXPECT(base > 0 && end > 0);
  WTEST_EXPECT(counter == THREADS);
  printf("VmRSS after %d threads: %ld KiB, after %d: %ld KiB\n", BASELINE, base, THREADS, end);
  if (end - base > MAX_GROWTH_KIB) {
    fprintf(stderr, "thread_reuse: VmRSS grew by %ld KiB (limit %d KiB)\n", end - base,
            MAX_GROWTH_KIB);
    return 1;
  }
  return 0;
}

// CHECK-NOT: WARNING: weft
// CHECK: VmRSS after 1000 threads: {{[0-9]+}} KiB, after 10000: {{[0-9]+}} KiB
// CHECK-NOT: weft: reported
