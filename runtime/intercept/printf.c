/* Interceptors of the printf family: a format reads its string and every
 * string argument (%s, to its NUL or its precision), writes the target of
 * every %n, and the sprintf functions write the bytes they produce.  The
 * functions that write to a stream or an fd also order through it, as
 * fwrite does (intercept/stdio.c).
 *
 * The arguments are walked with a copy of the va_list, in the order the
 * format names them.  A format this walker does not know all of (a
 * positional %1$s, a conversion glibc added by register_printf_function)
 * is checked up to that point only: guessing an argument's type would
 * read the wrong one.  The runtime formats with libc's vsnprintf, found
 * past these interceptors (platform/str.c). */
#include "intercept.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

static wt_thread *checking_at(uintptr_t pc) {
  if (WT_UNLIKELY(!atomic_load_explicit(&wt_inited, memory_order_acquire))) return 0;
  wt_thread *t = wt_thread_get();
  return t && !wt_i_skip(t, pc) && !t->ignore ? t : 0;
}
/* A macro: the caller is the interceptor's caller. */
#define checking() checking_at(WT_PC())

static void rd(wt_thread *t, const void *p, size_t n, uintptr_t pc, void *fn) {
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, false, pc, fn);
}

static void wr(wt_thread *t, void *p, size_t n, uintptr_t pc, void *fn) {
  if (n && p) wt_access_range_in(t, (uintptr_t)p, n, true, pc, fn);
}

static size_t str_bytes(const char *s, long prec) {
  size_t i = 0;
  if (prec < 0) {
    while (s[i]) i++;
    return i + 1;
  }
  while (i < (size_t)prec && s[i]) i++;
  return i < (size_t)prec ? i + 1 : i;
}

static size_t wstr_bytes(const wchar_t *s, long prec) {
  size_t i = 0;
  while (s[i] && (prec < 0 || i < (size_t)prec)) i++;
  return (s[i] ? i : i + 1) * sizeof(wchar_t);
}

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_BIG_L, LEN_SIZE };

static int length_of(const char **pp) {
  const char *p = *pp;
  int len = LEN_NONE;
  switch (*p) {
  case 'h':
    len = p[1] == 'h' ? (p++, LEN_HH) : LEN_H;
    p++;
    break;
  case 'l':
    len = p[1] == 'l' ? (p++, LEN_LL) : LEN_L;
    p++;
    break;
  case 'q': len = LEN_LL, p++; break;
  case 'L': len = LEN_BIG_L, p++; break;
  case 'j':
  case 'z':
  case 'Z':
  case 't': len = LEN_SIZE, p++; break;
  }
  *pp = p;
  return len;
}

static void n_target(wt_thread *t, void *p, int len, uintptr_t pc, void *fn) {
  size_t n = len == LEN_HH ? 1 : len == LEN_H ? 2 : len == LEN_NONE ? sizeof(int) : 8;
  wr(t, p, n, pc, fn);
}

/* Checks the format and the arguments it names. */
static void format_args(wt_thread *t, const char *fmt, va_list args, uintptr_t pc, void *fn) {
  if (!fmt) return;
  int e = errno;
  rd(t, fmt, wt_strlen(fmt) + 1, pc, fn);
  va_list ap;
  va_copy(ap, args);
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') continue;
    p++;
    if (*p == '%') continue;
    const char *q = p;
    while (*q >= '0' && *q <= '9') q++;
    if (*q == '$') break; /* positional */
    while (*p && wt_strchr("-+ #0'I", *p)) p++;
    if (*p == '*') (void)va_arg(ap, int), p++;
    else
      while (*p >= '0' && *p <= '9') p++;
    long prec = -1;
    if (*p == '.') {
      p++;
      if (*p == '*') {
        prec = va_arg(ap, int), p++;
        if (prec < 0) prec = -1;
      } else {
        prec = 0;
        while (*p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0');
      }
    }
    int len = length_of(&p);
    switch (*p) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': case 'b': case 'B':
      if (len == LEN_L || len == LEN_LL || len == LEN_SIZE) (void)va_arg(ap, long);
      else (void)va_arg(ap, int);
      break;
    case 'c': case 'C': (void)va_arg(ap, int); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
      if (len == LEN_BIG_L) (void)va_arg(ap, long double);
      else (void)va_arg(ap, double);
      break;
    case 'p': (void)va_arg(ap, void *); break;
    case 's':
      if (len == LEN_L) {
        const wchar_t *w = va_arg(ap, const wchar_t *);
        if (w) rd(t, w, wstr_bytes(w, prec), pc, fn);
      } else {
        const char *s = va_arg(ap, const char *);
        if (s) rd(t, s, str_bytes(s, prec), pc, fn); /* NULL prints "(null)" */
      }
      break;
    case 'S': {
      const wchar_t *w = va_arg(ap, const wchar_t *);
      if (w) rd(t, w, wstr_bytes(w, prec), pc, fn);
      break;
    }
    case 'n': n_target(t, va_arg(ap, void *), len, pc, fn); break;
    case 'm': break;
    default: goto out; /* not known: stop before reading a wrong argument */
    }
    if (!*p) break;
  }
out:
  va_end(ap);
  errno = e;
}

static void to_stream(wt_thread *t, FILE *f, uintptr_t pc, void *fn) {
  int e = errno;
  if (f) wt_fd_io(t, fileno(f), WT_FD_RELEASE, pc, fn);
  errno = e;
}

static void to_fd(wt_thread *t, int fd, uintptr_t pc, void *fn) {
  int e = errno;
  wt_fd_io(t, fd, WT_FD_RELEASE, pc, fn);
  errno = e;
}

/* What snprintf wrote into a buffer of cap bytes, its NUL included. */
static void produced(wt_thread *t, char *buf, size_t cap, int r, uintptr_t pc, void *fn) {
  if (r < 0 || !cap) return;
  int e = errno;
  wr(t, buf, (size_t)r < cap ? (size_t)r + 1 : cap, pc, fn);
  errno = e;
}

/* ---- to a stream or an fd ------------------------------------------------- */
int vfprintf(FILE *f, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vfprintf, (FILE *, const char *, va_list));
  wt_thread *t = checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)vfprintf);
    to_stream(t, f, WT_PC(), (void *)vfprintf);
  }
  return WT_REAL(vfprintf)(f, fmt, ap);
}

/* The variadic ones pass their arguments on to the v-function: not to the
 * interceptor above, which would check them a second time. */
#define STREAM_PRINTF(name, vname, decl, stream, ...)                         \
  int name decl {                                                             \
    WT_REAL_DECL(int, vname, (FILE *, const char *, va_list));                \
    wt_thread *t = checking();                                                \
    va_list ap;                                                               \
    va_start(ap, fmt);                                                        \
    if (t) {                                                                  \
      format_args(t, fmt, ap, WT_PC(), (void *)name);                         \
      to_stream(t, stream, WT_PC(), (void *)name);                            \
    }                                                                         \
    int r = WT_REAL(vname)(stream, fmt, ap);                                  \
    va_end(ap);                                                               \
    return r;                                                                 \
  }
STREAM_PRINTF(printf, vfprintf, (const char *fmt, ...), stdout)
STREAM_PRINTF(fprintf, vfprintf, (FILE * f, const char *fmt, ...), f)

int vprintf(const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vfprintf, (FILE *, const char *, va_list));
  wt_thread *t = checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)vprintf);
    to_stream(t, stdout, WT_PC(), (void *)vprintf);
  }
  return WT_REAL(vfprintf)(stdout, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vdprintf, (int, const char *, va_list));
  wt_thread *t = checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)vdprintf);
    to_fd(t, fd, WT_PC(), (void *)vdprintf);
  }
  return WT_REAL(vdprintf)(fd, fmt, ap);
}

int dprintf(int fd, const char *fmt, ...) {
  WT_REAL_DECL(int, vdprintf, (int, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)dprintf);
    to_fd(t, fd, WT_PC(), (void *)dprintf);
  }
  int r = WT_REAL(vdprintf)(fd, fmt, ap);
  va_end(ap);
  return r;
}

/* ---- into memory ------------------------------------------------------------ */
int vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vsnprintf, (char *, size_t, const char *, va_list));
  wt_thread *t = checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vsnprintf);
  int r = WT_REAL(vsnprintf)(buf, cap, fmt, ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)vsnprintf);
  return r;
}

int snprintf(char *buf, size_t cap, const char *fmt, ...) {
  WT_REAL_DECL(int, vsnprintf, (char *, size_t, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)snprintf);
  int r = WT_REAL(vsnprintf)(buf, cap, fmt, ap);
  va_end(ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)snprintf);
  return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vsprintf, (char *, const char *, va_list));
  wt_thread *t = checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vsprintf);
  int r = WT_REAL(vsprintf)(buf, fmt, ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)vsprintf);
  return r;
}

int sprintf(char *buf, const char *fmt, ...) {
  WT_REAL_DECL(int, vsprintf, (char *, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)sprintf);
  int r = WT_REAL(vsprintf)(buf, fmt, ap);
  va_end(ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)sprintf);
  return r;
}

/* asprintf's buffer is new memory: only the arguments are checked. */
int vasprintf(char **out, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vasprintf, (char **, const char *, va_list));
  wt_thread *t = checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vasprintf);
  return WT_REAL(vasprintf)(out, fmt, ap);
}

int asprintf(char **out, const char *fmt, ...) {
  WT_REAL_DECL(int, vasprintf, (char **, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)asprintf);
  int r = WT_REAL(vasprintf)(out, fmt, ap);
  va_end(ap);
  return r;
}

/* ---- _FORTIFY_SOURCE's checked versions --------------------------------------- */
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, __vfprintf_chk, (FILE *, int, const char *, va_list));
  wt_thread *t = checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)__vfprintf_chk);
    to_stream(t, f, WT_PC(), (void *)__vfprintf_chk);
  }
  return WT_REAL(__vfprintf_chk)(f, flag, fmt, ap);
}

#define STREAM_PRINTF_CHK(name, decl, stream)                                 \
  int name decl {                                                             \
    WT_REAL_DECL(int, __vfprintf_chk, (FILE *, int, const char *, va_list));  \
    wt_thread *t = checking();                                                \
    va_list ap;                                                               \
    va_start(ap, fmt);                                                        \
    if (t) {                                                                  \
      format_args(t, fmt, ap, WT_PC(), (void *)name);                         \
      to_stream(t, stream, WT_PC(), (void *)name);                            \
    }                                                                         \
    int r = WT_REAL(__vfprintf_chk)(stream, flag, fmt, ap);                   \
    va_end(ap);                                                               \
    return r;                                                                 \
  }
STREAM_PRINTF_CHK(__printf_chk, (int flag, const char *fmt, ...), stdout)
STREAM_PRINTF_CHK(__fprintf_chk, (FILE * f, int flag, const char *fmt, ...), f)

int __vprintf_chk(int flag, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, __vfprintf_chk, (FILE *, int, const char *, va_list));
  wt_thread *t = checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)__vprintf_chk);
    to_stream(t, stdout, WT_PC(), (void *)__vprintf_chk);
  }
  return WT_REAL(__vfprintf_chk)(stdout, flag, fmt, ap);
}

int __vsnprintf_chk(char *buf, size_t cap, int flag, size_t len, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, __vsnprintf_chk, (char *, size_t, int, size_t, const char *, va_list));
  wt_thread *t = checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__vsnprintf_chk);
  int r = WT_REAL(__vsnprintf_chk)(buf, cap, flag, len, fmt, ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)__vsnprintf_chk);
  return r;
}

int __snprintf_chk(char *buf, size_t cap, int flag, size_t len, const char *fmt, ...) {
  WT_REAL_DECL(int, __vsnprintf_chk, (char *, size_t, int, size_t, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__snprintf_chk);
  int r = WT_REAL(__vsnprintf_chk)(buf, cap, flag, len, fmt, ap);
  va_end(ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)__snprintf_chk);
  return r;
}

int __vsprintf_chk(char *buf, int flag, size_t len, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, __vsprintf_chk, (char *, int, size_t, const char *, va_list));
  wt_thread *t = checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__vsprintf_chk);
  int r = WT_REAL(__vsprintf_chk)(buf, flag, len, fmt, ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)__vsprintf_chk);
  return r;
}

int __sprintf_chk(char *buf, int flag, size_t len, const char *fmt, ...) {
  WT_REAL_DECL(int, __vsprintf_chk, (char *, int, size_t, const char *, va_list));
  wt_thread *t = checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__sprintf_chk);
  int r = WT_REAL(__vsprintf_chk)(buf, flag, len, fmt, ap);
  va_end(ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)__sprintf_chk);
  return r;
}
