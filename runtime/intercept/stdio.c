/* Interceptors of stdio's block and line I/O: the buffers they read and
 * fill, checked at the size moved, and the stream's file descriptor,
 * which orders as the fd's own I/O does (fd.c): output releases into it
 * when the program hands the data over, input acquires from it once the
 * data is there.  stdio's own buffering sits in between and only delays
 * the data, so the edges are never ones the program does not have.
 * printf-family formats are not looked into. */
#include "intercept.h"

#include <errno.h>
#include <stdio.h>

static wt_thread *checking_at(uintptr_t pc) {
  wt_thread *t = wt_enter();
  return !wt_i_skip(t, pc) && !t->ignore ? t : 0;
}
/* A macro: the caller is the interceptor's caller. */
#define checking() checking_at(WT_PC())

static void output(wt_thread *t, FILE *f, const void *p, size_t n, uintptr_t pc, void *fn) {
  int e = errno;
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, false, pc, fn);
  wt_fd_io(t, fileno(f), WT_FD_RELEASE, pc, fn);
  errno = e;
}

static void input(wt_thread *t, FILE *f, void *p, size_t n, uintptr_t pc, void *fn) {
  int e = errno;
  wt_fd_io(t, fileno(f), WT_FD_ACQUIRE, pc, fn);
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, true, pc, fn);
  errno = e;
}

size_t fread(void *p, size_t size, size_t n, FILE *f) {
  WT_REAL_DECL(size_t, fread, (void *, size_t, size_t, FILE *));
  wt_thread *t = checking();
  size_t r = WT_REAL(fread)(p, size, n, f);
  if (t) input(t, f, p, r * size, WT_PC(), (void *)fread);
  return r;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f) {
  WT_REAL_DECL(size_t, fwrite, (const void *, size_t, size_t, FILE *));
  wt_thread *t = checking();
  if (t) output(t, f, p, size * n, WT_PC(), (void *)fwrite);
  return WT_REAL(fwrite)(p, size, n, f);
}

char *fgets(char *s, int n, FILE *f) {
  WT_REAL_DECL(char *, fgets, (char *, int, FILE *));
  wt_thread *t = checking();
  char *r = WT_REAL(fgets)(s, n, f);
  if (t && r) input(t, f, s, wt_strlen(s) + 1, WT_PC(), (void *)fgets);
  return r;
}

int fputs(const char *s, FILE *f) {
  WT_REAL_DECL(int, fputs, (const char *, FILE *));
  wt_thread *t = checking();
  if (t) output(t, f, s, wt_strlen(s) + 1, WT_PC(), (void *)fputs);
  return WT_REAL(fputs)(s, f);
}

int puts(const char *s) {
  WT_REAL_DECL(int, puts, (const char *));
  wt_thread *t = checking();
  if (t) output(t, stdout, s, wt_strlen(s) + 1, WT_PC(), (void *)puts);
  return WT_REAL(puts)(s);
}
