// sscanf writes each target it assigns: a thread reading a record while
// another thread parses into it, with nothing ordering the two, races
// inside sscanf (uninstrumented libc), reported at sscanf's caller.  The
// %d target is 4 bytes; the %11s target is the bytes stored, "bob" and
// its NUL, so the reader's byte past them races with nothing.
// Sibling: norace/sscanf_targets.c.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

static struct {
  int id;
  char name[12];
} rec = {7, "alice"};

static void *reader(void *arg) {
  wtest_use(rec.id);
  wtest_use(rec.name[3]);
  wtest_use(rec.name[4]);
  wtest_step_set(1);
  return arg;
}

int main(void) {
  pthread_t a;
  wtest_create(&a, reader, NULL);
  wtest_step_wait(1);
  WTEST_EXPECT(sscanf("42 bob", "%d %11s", &rec.id, rec.name) == 2);
  wtest_join(a);
  printf("%d %s\n", rec.id, rec.name);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at [[ID:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: #0 {{.*}}sscanf {{.*}}intercept/scanf.c
// CHECK-NEXT: #1 main {{.*}}sscanf_target.c:27
// CHECK: Previous read of size 4 at [[ID]] by thread T1:
// CHECK-NEXT: #0 reader {{.*}}sscanf_target.c:16
// CHECK: Location is global 'rec' of size 16
// CHECK: WARNING: weft: data race
// CHECK-NEXT: Write of size 4 at {{0x[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 {{.*}}sscanf {{.*}}intercept/scanf.c
// CHECK: Previous read of size 1 at {{0x[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 reader {{.*}}sscanf_target.c:17
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 2 warnings
// CHECK: 42 bob
