/* Interceptors of stdio's block and line I/O: the buffers they read and
 * fill, checked at the size moved, and the stream's file descriptor,
 * which orders as the fd's own I/O does (fd.c): output releases into it
 * when the program hands the data over, input acquires from it once the
 * data is there.  stdio's own buffering sits in between and only delays
 * the data, so the edges are never ones the program does not have.
 * Opening and closing a stream opens and closes its fd, as open and
 * close do: glibc makes those calls internally, where the fd
 * interceptors do not see them.  Formats are printf.c's and scanf.c's. */
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

/* getline and getdelim fill the line and its NUL (the buffer may have
 * been grown by realloc, which the allocator interceptors saw).  With
 * _GNU_SOURCE and optimization, <stdio.h> turns getline into __getdelim. */
static ssize_t got_line(wt_thread *t, FILE *f, char **line, ssize_t r, uintptr_t pc, void *fn) {
  if (t && r > 0 && line && *line) input(t, f, *line, (size_t)r + 1, pc, fn);
  return r;
}

ssize_t getline(char **line, size_t *cap, FILE *f) {
  WT_REAL_DECL(ssize_t, getline, (char **, size_t *, FILE *));
  wt_thread *t = checking();
  return got_line(t, f, line, WT_REAL(getline)(line, cap, f), WT_PC(), (void *)getline);
}

#define GETDELIM_INTERCEPTOR(name)                                            \
  ssize_t name(char **line, size_t *cap, int delim, FILE *f) {                \
    WT_REAL_DECL(ssize_t, name, (char **, size_t *, int, FILE *));            \
    wt_thread *t = checking();                                                \
    return got_line(t, f, line, WT_REAL(name)(line, cap, delim, f), WT_PC(),  \
                    (void *)name);                                            \
  }
GETDELIM_INTERCEPTOR(getdelim)
GETDELIM_INTERCEPTOR(__getdelim)

/* ---- opening and closing streams -------------------------------------- */
static FILE *opened_stream(wt_thread *t, FILE *f, uintptr_t pc) {
  if (f && t) {
    int e = errno;
    wt_fd_open(t, fileno(f), WT_FD_FILE, pc);
    errno = e;
  }
  return f;
}

#define FOPEN_INTERCEPTOR(name)                                               \
  FILE *name(const char *path, const char *mode) {                            \
    WT_REAL_DECL(FILE *, name, (const char *, const char *));                 \
    wt_thread *t = wt_enter();                                                \
    return opened_stream(t, WT_REAL(name)(path, mode), WT_PC());              \
  }
FOPEN_INTERCEPTOR(fopen)
FOPEN_INTERCEPTOR(fopen64)

#define TMPFILE_INTERCEPTOR(name)                                             \
  FILE *name(void) {                                                          \
    WT_REAL_DECL(FILE *, name, (void));                                       \
    wt_thread *t = wt_enter();                                                \
    return opened_stream(t, WT_REAL(name)(), WT_PC());                        \
  }
TMPFILE_INTERCEPTOR(tmpfile)
TMPFILE_INTERCEPTOR(tmpfile64)

/* A close before the real call, as close does: once it returns another
 * thread may get the same fd number from an open. */
static void closing_stream(wt_thread *t, FILE *f, uintptr_t pc, void *fn) {
  if (!f) return;
  int e = errno;
  int fd = fileno(f);
  if (fd >= 0) wt_fd_close(t, fd, pc, fn);
  errno = e;
}

/* With a path, freopen closes the stream's fd and opens another. */
#define FREOPEN_INTERCEPTOR(name)                                             \
  FILE *name(const char *path, const char *mode, FILE *f) {                   \
    WT_REAL_DECL(FILE *, name, (const char *, const char *, FILE *));         \
    wt_thread *t = wt_enter();                                                \
    if (!path) return WT_REAL(name)(path, mode, f);                           \
    closing_stream(t, f, WT_PC(), (void *)name);                              \
    return opened_stream(t, WT_REAL(name)(path, mode, f), WT_PC());           \
  }
FREOPEN_INTERCEPTOR(freopen)
FREOPEN_INTERCEPTOR(freopen64)

int fclose(FILE *f) {
  WT_REAL_DECL(int, fclose, (FILE *));
  wt_thread *t = wt_enter();
  closing_stream(t, f, WT_PC(), (void *)fclose);
  return WT_REAL(fclose)(f);
}
