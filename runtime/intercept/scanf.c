/* Interceptors of the scanf family: the input string (sscanf) or the
 * stream's fd (fscanf, scanf: an acquire, as fread), the format, and a
 * write of every target the call assigned.  Only the first r assigning
 * conversions did, r being what the call returned, so the format is
 * walked after the call, and a target's size is known then: a number's
 * from its length modifier, a string's (%s, %[) from the bytes now in it.
 *
 * A format the walker does not know all of (a positional %1$d, a
 * conversion it has no rule for) is checked up to there: guessing a
 * target's type would write through the wrong argument.  glibc's headers
 * turn sscanf and the rest into __isoc99_sscanf (and, for C23, into
 * __isoc23_sscanf); each name is intercepted.  The same headers rename
 * our definitions too, so each is given its symbol by an asm label. */
#include "intercept.h"
#include "format.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>


/* Bytes a string conversion left in dst: its characters and the NUL. */
static size_t str_size(const void *dst, bool wide) {
  size_t i = 0;
  if (wide) {
    const wchar_t *w = dst;
    while (w[i]) i++;
    return (i + 1) * sizeof(wchar_t);
  }
  const char *s = dst;
  while (s[i]) i++;
  return i + 1;
}

/* The writes of the first `assigned` assigning conversions of fmt. */
static void targets(wt_thread *t, const char *fmt, int assigned, va_list args, uintptr_t pc,
                    void *fn) {
  if (!fmt || assigned <= 0) return;
  int e = errno;
  wt_i_read(t, fmt, wt_strlen(fmt) + 1, pc, fn);
  va_list ap;
  va_copy(ap, args);
  int done = 0;
  for (const char *p = fmt; *p && done < assigned; p++) {
    if (*p != '%') continue;
    p++;
    if (*p == '%') continue;
    bool suppress = *p == '*';
    if (suppress) p++;
    const char *q = p;
    while (*q >= '0' && *q <= '9') q++;
    if (*q == '$') break; /* positional */
    long width = -1;
    if (p != q) {
      width = 0;
      while (*p >= '0' && *p <= '9')
        if (width < 1000000000) width = width * 10 + (*p++ - '0');
        else p++;
    }
    bool alloc = *p == 'm'; /* %ms: the target is a char **, the string new */
    if (alloc) p++;
    int len = wt_format_length(&p);
    char conv = *p;
    if (conv == '[') { /* the set: a ']' right after '[' or '[^' is in it */
      p++;
      if (*p == '^') p++;
      if (*p == ']') p++;
      while (*p && *p != ']') p++;
      if (!*p) break;
    }
    if (conv == 'n') { /* no input, not counted; written once reached */
      if (!suppress) wt_i_write(t, va_arg(ap, void *), wt_format_int_size(len), pc, fn);
      continue;
    }
    size_t size;
    switch (conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': case 'b':
      size = wt_format_int_size(len);
      break;
    case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      size = len == LEN_BIG_L ? sizeof(long double) : len == LEN_L ? sizeof(double) : sizeof(float);
      break;
    case 'p': size = sizeof(void *); break;
    case 's': case '[': case 'S': size = 0; break; /* measured below */
    case 'c': case 'C': {
      long n = width < 0 ? 1 : width;
      size = (size_t)n * (len == LEN_L || conv == 'C' ? sizeof(wchar_t) : 1);
      break;
    }
    default: goto out; /* not known: stop before writing through a wrong argument */
    }
    if (suppress) continue;
    void *dst = va_arg(ap, void *);
    done++;
    if (alloc) {
      wt_i_write(t, dst, sizeof(char *), pc, fn);
      continue;
    }
    if (!size) size = str_size(dst, len == LEN_L || conv == 'S');
    wt_i_write(t, dst, size, pc, fn);
  }
out:
  va_end(ap);
  errno = e;
}

/* What a call did, once it returned r: the input read (the string to its
 * NUL, since how far the call looked is not known; or an acquire from the
 * stream's fd, as fread), then the targets.
 * args is the caller's copy, taken before the real call used its own. */
static int scanned(wt_thread *t, const char *s, FILE *f, const char *fmt, int r, va_list args,
                   uintptr_t pc, void *fn) {
  if (!t) return r;
  int e = errno;
  if (f) wt_fd_io(t, fileno(f), WT_FD_ACQUIRE, pc, fn);
  else if (s) wt_i_read(t, s, wt_strlen(s) + 1, pc, fn);
  errno = e;
  targets(t, fmt, r, args, pc, fn);
  return r;
}

/* The variadic ones call the v-function found past these interceptors,
 * so the targets are checked once.  T in: the input parameter (a string
 * or a stream); S and F: the input as scanned() takes it. */
#define SCAN_V(...) SCAN_V_(__VA_ARGS__) /* FROM_* below are several arguments */
#define SCAN_VARIADIC(...) SCAN_VARIADIC_(__VA_ARGS__)
#define SCAN_V_(name, T, in, S, F)                                           \
  int wt_scan_##name(T in, const char *fmt, va_list ap) __asm__(#name);        \
  int wt_scan_##name(T in, const char *fmt, va_list ap) {                     \
    WT_REAL_DECL(int, name, (T, const char *, va_list));                      \
    wt_thread *t = wt_i_checking();                                                \
    va_list mine;                                                             \
    va_copy(mine, ap);                                                        \
    int r = WT_REAL(name)(in, fmt, ap);                                       \
    scanned(t, S, F, fmt, r, mine, WT_PC(), (void *)wt_scan_##name);          \
    va_end(mine);                                                             \
    return r;                                                                 \
  }
#define SCAN_VARIADIC_(name, vname, T, in, S, F)                               \
  int wt_scan_##name(T in, const char *fmt, ...) __asm__(#name);              \
  int wt_scan_##name(T in, const char *fmt, ...) {                            \
    WT_REAL_DECL(int, vname, (T, const char *, va_list));                     \
    wt_thread *t = wt_i_checking();                                                \
    va_list ap, mine;                                                         \
    va_start(ap, fmt);                                                        \
    va_copy(mine, ap);                                                        \
    int r = WT_REAL(vname)(in, fmt, ap);                                      \
    scanned(t, S, F, fmt, r, mine, WT_PC(), (void *)wt_scan_##name);          \
    va_end(mine);                                                             \
    va_end(ap);                                                               \
    return r;                                                                 \
  }
#define FROM_STRING const char *, s, s, (FILE *)0
#define FROM_STREAM FILE *, f, (const char *)0, f

SCAN_V(vsscanf, FROM_STRING)
SCAN_V(__isoc99_vsscanf, FROM_STRING)
SCAN_V(__isoc23_vsscanf, FROM_STRING)
SCAN_V(vfscanf, FROM_STREAM)
SCAN_V(__isoc99_vfscanf, FROM_STREAM)
SCAN_V(__isoc23_vfscanf, FROM_STREAM)
SCAN_VARIADIC(sscanf, vsscanf, FROM_STRING)
SCAN_VARIADIC(__isoc99_sscanf, __isoc99_vsscanf, FROM_STRING)
SCAN_VARIADIC(__isoc23_sscanf, __isoc23_vsscanf, FROM_STRING)
SCAN_VARIADIC(fscanf, vfscanf, FROM_STREAM)
SCAN_VARIADIC(__isoc99_fscanf, __isoc99_vfscanf, FROM_STREAM)
SCAN_VARIADIC(__isoc23_fscanf, __isoc23_vfscanf, FROM_STREAM)

/* scanf and vscanf read stdin. */
#define SCAN_STDIN(name, vname)                                               \
  int wt_scan_##name(const char *fmt, ...) __asm__(#name);                    \
  int wt_scan_##name(const char *fmt, ...) {                                  \
    WT_REAL_DECL(int, vname, (FILE *, const char *, va_list));                \
    wt_thread *t = wt_i_checking();                                                \
    va_list ap, mine;                                                         \
    va_start(ap, fmt);                                                        \
    va_copy(mine, ap);                                                        \
    int r = WT_REAL(vname)(stdin, fmt, ap);                                   \
    scanned(t, 0, stdin, fmt, r, mine, WT_PC(), (void *)wt_scan_##name);      \
    va_end(mine);                                                             \
    va_end(ap);                                                               \
    return r;                                                                 \
  }
#define VSCAN_STDIN(name, vname)                                              \
  int wt_scan_##name(const char *fmt, va_list ap) __asm__(#name);             \
  int wt_scan_##name(const char *fmt, va_list ap) {                           \
    WT_REAL_DECL(int, vname, (FILE *, const char *, va_list));                \
    wt_thread *t = wt_i_checking();                                                \
    va_list mine;                                                             \
    va_copy(mine, ap);                                                        \
    int r = WT_REAL(vname)(stdin, fmt, ap);                                   \
    scanned(t, 0, stdin, fmt, r, mine, WT_PC(), (void *)wt_scan_##name);      \
    va_end(mine);                                                             \
    return r;                                                                 \
  }
SCAN_STDIN(scanf, vfscanf)
SCAN_STDIN(__isoc99_scanf, __isoc99_vfscanf)
SCAN_STDIN(__isoc23_scanf, __isoc23_vfscanf)
VSCAN_STDIN(vscanf, vfscanf)
VSCAN_STDIN(__isoc99_vscanf, __isoc99_vfscanf)
VSCAN_STDIN(__isoc23_vscanf, __isoc23_vfscanf)
