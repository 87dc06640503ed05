// A thread fills one granule a byte at a time, and another thread then
// reads one of those bytes with nothing ordering the two.  The read races
// with the write of that byte, and the report names the byte's own
// write, not the granule's last one.  The threads are ordered by raw pipe
// system calls, which the detector does not see.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %expect-exit 66 %t 2>&1 | FileCheck %s
#include "weft_test.h"

_Alignas(8) static char buf[8];
static int to_reader[2], to_writer[2];

static void *writer(void *arg) {
  (void)arg;
  char c = 0;
  for (int i = 0; i < 8; i++) {
    buf[i] = (char)('a' + i);
    wtest_compiler_barrier();
  }
  syscall(SYS_write, to_reader[1], &c, 1);
  syscall(SYS_read, to_writer[0], &c, 1);
  return NULL;
}

static void *reader(void *arg) {
  char c;
  syscall(SYS_read, to_reader[0], &c, 1);
  *(char *)arg = buf[5];
  syscall(SYS_write, to_writer[1], &c, 1);
  return NULL;
}

int main(void) {
  static char out;
  WTEST_CHECK(pipe(to_reader));
  WTEST_CHECK(pipe(to_writer));
  pthread_t w, r;
  wtest_create(&w, writer, NULL);
  wtest_create(&r, reader, &out);
  wtest_join(w);
  wtest_join(r);
  printf("%c\n", out);
  return 0;
}

// CHECK: WARNING: weft: data race
// CHECK-NEXT: Read of size 1 at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: #0 reader {{.*}}byte_fill_then_read.c:27:
// CHECK: Previous write of size 1 at [[ADDR]] by thread T1:
// CHECK-NEXT: #0 writer {{.*}}byte_fill_then_read.c:16:
// CHECK-NOT: WARNING: weft
// CHECK: weft: reported 1 warnings
