// The seed program: ten threads each do `shared_resource += 1` with no
// lock.  The increments race; exactly one report is printed for the
// variable (later races on the same address are not reported again).
// Whichever threads meet first, the report names `run` on both sides.
// Built at every optimization level: the race must survive -O0..-O3;
// and as a non-PIE and a PIE alike, since the shadow
// assumes no address-space layout.
// Sibling: norace/seed_shared_resource_mutex.c adds a pthread mutex.
// RUN: %weft-cc -O1 -g %s -o %t.O1 && %expect-exit 66 %t.O1 2>&1 | FileCheck %s
// RUN: %weft-cc -O0 -g %s -o %t.O0 && %expect-exit 66 %t.O0 2>&1 | FileCheck %s
// RUN: %weft-cc -O2 -g %s -o %t.O2 && %expect-exit 66 %t.O2 2>&1 | FileCheck %s
// RUN: %weft-cc -O3 -g %s -o %t.O3 && %expect-exit 66 %t.O3 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g -no-pie %s -o %t.nopie && %expect-exit 66 %t.nopie 2>&1 | FileCheck %s
// RUN: %weft-cc -O1 -g -fPIE -pie %s -o %t.pie && %expect-exit 66 %t.pie 2>&1 | FileCheck %s
#include <pthread.h>
#include <stdio.h>

int shared_resource = 0;

void *run(void *arg) {
  shared_resource += 1;
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

// CHECK: ==================
// CHECK-NEXT: WARNING: weft: data race (pid={{[0-9]+}})
// CHECK-NEXT: {{Read|Write}} of size 4 at [[ADDR:0x[0-9a-f]+]] by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 run {{.*}}seed_shared_resource.c:[[#]]
// CHECK: Previous {{read|write}} of size 4 at [[ADDR]] by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 run {{.*}}seed_shared_resource.c:[[#]]
// CHECK: Location is global 'shared_resource' of size 4 at [[ADDR]]
// CHECK: Thread T{{[0-9]+}} (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-NEXT: #0 pthread_create
// CHECK-NEXT: #1 main {{.*}}seed_shared_resource.c:[[#]]
// CHECK: SUMMARY: weft: data race {{.*}}seed_shared_resource.c:{{[0-9:]+}} in run
// CHECK-NEXT: ==================
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
