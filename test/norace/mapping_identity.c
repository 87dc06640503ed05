// Memory that changes identity: mremap moves a mapping (its bytes come
// along), madvise(MADV_DONTNEED) discards a page (it reads back as zeros),
// and vfork runs a child that calls instrumented code and exits.  Each
// thread's use of the memory is ordered by a mutex, so nothing races; the
// program's own results (the bytes, the child's status) are checked too.
// Sibling: race/mapping_identity.c drops the mutex.
// RUN: %weft-cc -O1 -g %test_include %s -o %t && %t 2>&1 | FileCheck %s --allow-empty
#define _GNU_SOURCE
#include "weft_test.h"
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static char *region;
static size_t page;

static void *writer(void *arg) {
  pthread_mutex_lock(&m);
  region[100] = 7;
  pthread_mutex_unlock(&m);
  return NULL;
}

static int child_work(int v) { return v * 2 + 1; }

int main(void) {
  page = (size_t)sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  WTEST_EXPECT(p != MAP_FAILED);
  p[5] = 42;
  region = mremap(p, page, 64 * page, MREMAP_MAYMOVE);
  WTEST_EXPECT(region != MAP_FAILED);
  WTEST_EXPECT(region[5] == 42);

  pthread_t t;
  wtest_create(&t, writer, NULL);
  wtest_join(t);
  pthread_mutex_lock(&m);
  WTEST_EXPECT(region[100] == 7);
  region[100] = 8;
  pthread_mutex_unlock(&m);

  WTEST_EXPECT(madvise(region, page, MADV_DONTNEED) == 0);
  WTEST_EXPECT(region[100] == 0 && region[5] == 0);

  pid_t pid = vfork();
  if (pid == 0) _exit(child_work(3));
  WTEST_EXPECT(pid > 0);
  int status;
  WTEST_EXPECT(waitpid(pid, &status, 0) == pid);
  WTEST_EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 7);
  WTEST_EXPECT(munmap(region, 64 * page) == 0);
  return 0;
}

// CHECK-NOT: WARNING: weft
