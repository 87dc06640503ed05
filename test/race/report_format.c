// The report text, line by line, with exact source lines: header, the
// current access and its stack, the previous access and its stack, one
// block per thread in the order the accesses name them (current first)
// with its creation stack, the summary naming the current access, the
// closing rule, and the count at exit (docs/reports.md).
// Checks sit next to the code they describe, in the order of the output.
// Indentation is exact (two spaces for headings, four for frames).
// The location line is checked in a second pass (LOC): its place among
// the sections is not part of the stable format.
// Sibling: norace/report_format.c differs only by the synchronization.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t > %t.out 2>&1
// RUN: FileCheck --strict-whitespace %s < %t.out && FileCheck --strict-whitespace %s --check-prefix=LOC < %t.out
#include "weft_test.h"

int x;

// CHECK:      {{^}}=================={{$}}
// CHECK-NEXT: {{^}}WARNING: weft: data race (pid=[[#]]){{$}}
// CHECK-NEXT: {{^}}  Write of size 4 at 0x[[#%x,ADDR:]] by thread T1:{{$}}
__attribute__((noinline)) static void store_cur(int v) {
  x = v; // CHECK-NEXT: {{^}}    #0 store_cur {{.*}}report_format.c:[[#CUR_LINE:@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
}

static void *cur_thread(void *arg) {
  wtest_step_wait(1);
  store_cur(2); // CHECK-NEXT: {{^}}    #1 cur_thread {{.*}}report_format.c:[[#@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
  return NULL;
}

// CHECK:      {{^}}  Previous write of size 4 at 0x[[#%x,ADDR]] by thread T2:{{$}}
__attribute__((noinline)) static void store_prev(int v) {
  x = v; // CHECK-NEXT: {{^}}    #0 store_prev {{.*}}report_format.c:[[#@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
}

static void *prev_thread(void *arg) {
  store_prev(1); // CHECK-NEXT: {{^}}    #1 prev_thread {{.*}}report_format.c:[[#@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
  wtest_step_set(1);
  return NULL;
}

// LOC:        {{^}}  Write of size 4 at 0x[[#%x,ADDR:]] by thread T1:{{$}}
// LOC:        {{^}}  Location is global 'x' of size 4 at 0x[[#%x,ADDR]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
int main(void) {
  pthread_t a, b;
  // CHECK:      {{^}}  Thread T1 (tid=[[#]], running) created by main thread at:{{$}}
  // CHECK-NEXT: {{^}}    #0 pthread_create {{.*}}
  wtest_create(&a, cur_thread, NULL); // CHECK-NEXT: {{^}}    #1 main {{.*}}report_format.c:[[#@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
  // CHECK:      {{^}}  Thread T2 (tid=[[#]], {{running|finished}}) created by main thread at:{{$}}
  // CHECK-NEXT: {{^}}    #0 pthread_create {{.*}}
  wtest_create(&b, prev_thread, NULL); // CHECK-NEXT: {{^}}    #1 main {{.*}}report_format.c:[[#@LINE]]:[[#]] ({{.*}}+0x{{[0-9a-f]+}}){{$}}
  wtest_join(a);
  wtest_join(b);
  return 0;
}

// CHECK:      {{^}}SUMMARY: weft: data race {{.*}}report_format.c:[[#CUR_LINE]]:[[#]] in store_cur{{$}}
// CHECK-NEXT: {{^}}=================={{$}}
// CHECK-NOT:  WARNING: weft
// CHECK:      {{^}}weft: reported 1 warnings{{$}}
