/* The OS contract: memory mappings, raw output, thread and process ids,
 * stack and TLS bounds, fatal errors.  Other runtime files reach the OS
 * only through here (interceptors excepted: they are the libc surface). */
#include "internal.h"

#include <dlfcn.h>
#include <link.h>
#include <sched.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Raw system calls: the runtime defines mmap and munmap itself (to reset
 * the shadow of the program's mappings), and its own memory must never
 * go through them, or a shadow reset would run inside the runtime's own
 * allocator lock. */
static void *raw_mmap(size_t size, int flags, int *err) {
  long r = syscall(SYS_mmap, 0, size, PROT_READ | PROT_WRITE, flags, -1, 0);
  if (r == -1) *err = errno;
  return (void *)r;
}

void *wt_mmap(size_t size) {
  int err = 0;
  void *p = raw_mmap(size, MAP_PRIVATE | MAP_ANONYMOUS, &err);
  if (p == MAP_FAILED) wt_die("cannot map %zu bytes of runtime memory (errno %d)", size, err);
  return p;
}

void *wt_mmap_noreserve(size_t size) {
  int err = 0;
  void *p = raw_mmap(size, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, &err);
  if (p == MAP_FAILED)
    wt_die("cannot reserve %zu bytes of address space (errno %d); "
           "is the address space limited with ulimit -v?", size, err);
  return p;
}

void wt_munmap(void *p, size_t size) { syscall(SYS_munmap, p, size); }

/* Dropping the pages both zeroes them and gives the memory back.  By
 * system call: madvise is intercepted. */
void wt_zero_pages(void *p, size_t size) {
  if (syscall(SYS_madvise, p, size, MADV_DONTNEED) != 0) __builtin_memset(p, 0, size);
}

void wt_write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = syscall(SYS_write, fd, buf, len); /* never the write interceptor */
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    buf += n;
    len -= (size_t)n;
  }
}

int wt_gettid(void) { return (int)syscall(SYS_gettid); }
int wt_getpid(void) { return (int)getpid(); }

bool wt_thread_alive(int pid, int tid) {
  return !(syscall(SYS_tgkill, pid, tid, 0) != 0 && errno == ESRCH);
}

void wt_stack_bounds(uintptr_t *lo, uintptr_t *hi) {
  pthread_attr_t a;
  void *addr = 0;
  size_t size = 0;
  *lo = *hi = 0;
  if (pthread_getattr_np(pthread_self(), &a) != 0) return;
  if (pthread_attr_getstack(&a, &addr, &size) == 0) {
    *lo = (uintptr_t)addr;
    *hi = (uintptr_t)addr + size;
  }
  pthread_attr_destroy(&a);
}

/* The calling thread's static TLS: the span of every loaded module's TLS
 * block for this thread, as the dynamic loader reports it.  A tight span
 * matters: glibc puts a thread's TLS right above its stack, so a loose
 * one would call the first stack frames TLS. */
struct tls_span { uintptr_t lo, hi; };

static int tls_module(struct dl_phdr_info *info, size_t size, void *arg) {
  struct tls_span *span = arg;
  if (!info->dlpi_tls_data) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_TLS) {
      uintptr_t lo = (uintptr_t)info->dlpi_tls_data, hi = lo + info->dlpi_phdr[i].p_memsz;
      if (!span->lo || lo < span->lo) span->lo = lo;
      if (hi > span->hi) span->hi = hi;
    }
  return 0;
}

void wt_tls_bounds(uintptr_t *lo, uintptr_t *hi) {
  struct tls_span span = {0, 0};
  dl_iterate_phdr(tls_module, &span);
  *lo = span.lo;
  *hi = span.hi;
}

struct module_span { uintptr_t addr, lo, hi; };

static int module_of(struct dl_phdr_info *info, size_t size, void *arg) {
  struct module_span *m = arg;
  uintptr_t lo = ~(uintptr_t)0, hi = 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_LOAD) {
      uintptr_t a = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
      if (a < lo) lo = a;
      if (a + info->dlpi_phdr[i].p_memsz > hi) hi = a + info->dlpi_phdr[i].p_memsz;
    }
  if (m->addr < lo || m->addr >= hi) return 0;
  m->lo = lo;
  m->hi = hi;
  return 1;
}

void wt_module_span(uintptr_t addr, uintptr_t *lo, uintptr_t *hi) {
  struct module_span m = {addr, 0, 0};
  dl_iterate_phdr(module_of, &m);
  *lo = m.lo;
  *hi = m.hi;
}

struct module_named { const char *prefix; uintptr_t lo, hi; };

static int module_named(struct dl_phdr_info *info, size_t size, void *arg) {
  struct module_named *m = arg;
  const char *name = info->dlpi_name ? wt_base_name(info->dlpi_name) : "";
  if (__builtin_strncmp(name, m->prefix, __builtin_strlen(m->prefix)) != 0) return 0;
  m->lo = ~(uintptr_t)0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_LOAD) {
      uintptr_t a = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
      if (a < m->lo) m->lo = a;
      if (a + info->dlpi_phdr[i].p_memsz > m->hi) m->hi = a + info->dlpi_phdr[i].p_memsz;
    }
  return 1;
}

bool wt_module_named(const char *prefix, uintptr_t *lo, uintptr_t *hi) {
  struct module_named m = {prefix, 0, 0};
  bool found = dl_iterate_phdr(module_named, &m) != 0;
  if (lo) *lo = m.lo;
  if (hi) *hi = m.hi;
  return found;
}

void wt_yield(void) { sched_yield(); }

static void vformat(char *buf, size_t cap, const char *fmt, va_list ap) {
  wt_vsnprintf(buf, cap, fmt, ap);
}

void wt_printf(const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vformat(buf, sizeof buf, fmt, ap);
  va_end(ap);
  wt_write_all(wt_log_fd(), buf, __builtin_strlen(buf));
}

void wt_die(const char *fmt, ...) {
  char buf[1024];
  int n = wt_snprintf(buf, sizeof buf, "weft: fatal: ");
  va_list ap;
  va_start(ap, fmt);
  vformat(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  va_end(ap);
  size_t len = __builtin_strlen(buf);
  buf[len++] = '\n';
  wt_write_all(2, buf, len);
  _exit(2);
}

void wt_check_failed(const char *file, int line, const char *cond) {
  wt_die("internal check failed: %s at %s:%d", cond, file, line);
}
