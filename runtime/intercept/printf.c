/* Interceptors of the printf family: a format reads its string and every
 * string argument (%s, to its NUL or its precision), writes the target of
 * every %n, and the sprintf functions write the bytes they produce.  The
 * functions that write to a stream or an fd also order through it, as
 * fwrite does (intercept/stdio.c).
 *
 * The arguments are taken from a copy of the va_list once the format
 * has given each one's type, in order or by position (%2$s).  Those
 * after one whose type is not known (a conversion glibc added by
 * register_printf_function, a position the format skips) are not
 * checked: guessing a type would read the wrong argument.  The runtime
 * formats with libc's vsnprintf, found past these interceptors
 * (platform/str.c). */
#include "intercept.h"
#include "format.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>


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

/* How an argument is taken from the va_list; A_NONE: not known. */
enum { A_NONE, A_INT, A_LONG, A_DOUBLE, A_LDOUBLE, A_PTR };

static int arg_type(int conv, int len) {
  switch (conv) {
  case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': case 'b': case 'B':
    return len == LEN_L || len == LEN_LL || len == LEN_SIZE ? A_LONG : A_INT;
  case 'c': case 'C': return A_INT;
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
    return len == LEN_BIG_L ? A_LDOUBLE : A_DOUBLE;
  case 'p': case 's': case 'S': case 'n': return A_PTR;
  }
  return A_NONE;
}

/* "m$" at *pp: argument m - 1, and *pp moves past it; else -1. */
static int position(const char **pp) {
  const char *q = *pp;
  int n = 0;
  while (*q >= '0' && *q <= '9') {
    if (n < 1000000) n = n * 10 + (*q - '0');
    q++;
  }
  if (*q != '$' || q == *pp || n == 0) return -1;
  *pp = q + 1;
  return n - 1;
}

/* A conversion that reads or writes memory through its argument. */
typedef struct {
  char conv;    /* 's', 'S' or 'n' */
  int8_t len;   /* LEN_* */
  int arg;      /* the pointer's argument */
  int prec_arg; /* the precision's argument (.*), or -1 */
  long prec;    /* else the precision, -1 for none */
} mem_use;

#define MAX_ARGS 64 /* arguments past these are not checked */
#define MAX_USES 64

typedef struct {
  uint8_t type[MAX_ARGS];
  int limit; /* arguments from here on are not taken */
  mem_use use[MAX_USES];
  int nuse;
} arg_plan;

static void want(arg_plan *pl, int i, int type) {
  if (i >= MAX_ARGS) {
    if (pl->limit > MAX_ARGS) pl->limit = MAX_ARGS;
  } else if (pl->type[i] == A_NONE) {
    pl->type[i] = (uint8_t)type;
  } else if (pl->type[i] != type && i < pl->limit) {
    pl->limit = i; /* two types for one argument: it cannot be taken */
  }
}

/* First the format, for the type of each argument it names, in order
 * ("%d") or by position ("%2$d", "%*3$d"); then the arguments, taken in
 * their order up to the first whose type is not known (a gap among the
 * positions, a conversion glibc added by register_printf_function):
 * guessing a type would read the wrong argument. */
static void plan_format(arg_plan *pl, const char *fmt) {
  int next = 0;
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') continue;
    p++;
    if (*p == '%') continue;
    int pos = position(&p);
    while (*p && wt_strchr("-+ #0'I", *p)) p++;
    if (*p == '*') {
      p++;
      int w = position(&p);
      want(pl, w >= 0 ? w : next++, A_INT);
    } else {
      while (*p >= '0' && *p <= '9') p++;
    }
    long prec = -1;
    int prec_arg = -1;
    if (*p == '.') {
      p++;
      if (*p == '*') {
        p++;
        int w = position(&p);
        prec_arg = w >= 0 ? w : next++;
        want(pl, prec_arg, A_INT);
      } else {
        prec = 0;
        while (*p >= '0' && *p <= '9')
          if (prec < 1000000000) prec = prec * 10 + (*p++ - '0');
          else p++;
      }
    }
    int len = wt_format_length(&p);
    if (*p == 'm') continue; /* strerror(errno): no argument */
    int arg = pos >= 0 ? pos : next++;
    int type = arg_type(*p, len);
    if (type == A_NONE) {
      if (arg < pl->limit) pl->limit = arg;
      if (pos < 0 || !*p) return; /* the arguments after it are not known either */
      continue;
    }
    want(pl, arg, type);
    if ((*p == 's' || *p == 'S' || *p == 'n') && pl->nuse < MAX_USES)
      pl->use[pl->nuse++] = (mem_use){.conv = *p == 'S' || len == LEN_L ? 'S' : *p,
                                      .len = (int8_t)len, .arg = arg,
                                      .prec_arg = prec_arg, .prec = prec};
  }
}

/* Checks the format and the arguments it names. */
static void format_args(wt_thread *t, const char *fmt, va_list args, uintptr_t pc, void *fn) {
  if (!fmt) return;
  int e = errno;
  wt_i_read(t, fmt, wt_strlen(fmt) + 1, pc, fn);
  arg_plan pl;
  __builtin_memset(pl.type, 0, sizeof pl.type);
  pl.limit = MAX_ARGS;
  pl.nuse = 0;
  plan_format(&pl, fmt);
  union { long l; int i; void *p; } val[MAX_ARGS];
  int taken = 0;
  va_list ap;
  va_copy(ap, args);
  for (; taken < pl.limit && pl.type[taken] != A_NONE; taken++) {
    switch (pl.type[taken]) {
    case A_INT: val[taken].i = va_arg(ap, int); break;
    case A_LONG: val[taken].l = va_arg(ap, long); break;
    case A_DOUBLE: (void)va_arg(ap, double); break;
    case A_LDOUBLE: (void)va_arg(ap, long double); break;
    case A_PTR: val[taken].p = va_arg(ap, void *); break;
    }
  }
  va_end(ap);
  for (int u = 0; u < pl.nuse; u++) {
    const mem_use *m = &pl.use[u];
    if (m->arg >= taken || m->prec_arg >= taken) continue;
    long prec = m->prec_arg >= 0 ? (val[m->prec_arg].i < 0 ? -1 : val[m->prec_arg].i) : m->prec;
    void *ptr = val[m->arg].p;
    if (!ptr) continue; /* a NULL string prints "(null)" */
    if (m->conv == 'n') wt_i_write(t, ptr, wt_format_int_size(m->len), pc, fn);
    else if (m->conv == 'S') wt_i_read(t, ptr, wstr_bytes(ptr, prec), pc, fn);
    else wt_i_read(t, ptr, str_bytes(ptr, prec), pc, fn);
  }
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
  wt_i_write(t, buf, (size_t)r < cap ? (size_t)r + 1 : cap, pc, fn);
  errno = e;
}

/* ---- to a stream or an fd ------------------------------------------------- */
int vfprintf(FILE *f, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vfprintf, (FILE *, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
    wt_thread *t = wt_i_checking();                                                \
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
  wt_thread *t = wt_i_checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)vprintf);
    to_stream(t, stdout, WT_PC(), (void *)vprintf);
  }
  return WT_REAL(vfprintf)(stdout, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, vdprintf, (int, const char *, va_list));
  wt_thread *t = wt_i_checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)vdprintf);
    to_fd(t, fd, WT_PC(), (void *)vdprintf);
  }
  return WT_REAL(vdprintf)(fd, fmt, ap);
}

int dprintf(int fd, const char *fmt, ...) {
  WT_REAL_DECL(int, vdprintf, (int, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
  wt_thread *t = wt_i_checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vsnprintf);
  int r = WT_REAL(vsnprintf)(buf, cap, fmt, ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)vsnprintf);
  return r;
}

int snprintf(char *buf, size_t cap, const char *fmt, ...) {
  WT_REAL_DECL(int, vsnprintf, (char *, size_t, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
  wt_thread *t = wt_i_checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vsprintf);
  int r = WT_REAL(vsprintf)(buf, fmt, ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)vsprintf);
  return r;
}

int sprintf(char *buf, const char *fmt, ...) {
  WT_REAL_DECL(int, vsprintf, (char *, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
  wt_thread *t = wt_i_checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)vasprintf);
  return WT_REAL(vasprintf)(out, fmt, ap);
}

int asprintf(char **out, const char *fmt, ...) {
  WT_REAL_DECL(int, vasprintf, (char **, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
  wt_thread *t = wt_i_checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)__vfprintf_chk);
    to_stream(t, f, WT_PC(), (void *)__vfprintf_chk);
  }
  return WT_REAL(__vfprintf_chk)(f, flag, fmt, ap);
}

#define STREAM_PRINTF_CHK(name, decl, stream)                                 \
  int name decl {                                                             \
    WT_REAL_DECL(int, __vfprintf_chk, (FILE *, int, const char *, va_list));  \
    wt_thread *t = wt_i_checking();                                                \
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
  wt_thread *t = wt_i_checking();
  if (t) {
    format_args(t, fmt, ap, WT_PC(), (void *)__vprintf_chk);
    to_stream(t, stdout, WT_PC(), (void *)__vprintf_chk);
  }
  return WT_REAL(__vfprintf_chk)(stdout, flag, fmt, ap);
}

int __vsnprintf_chk(char *buf, size_t cap, int flag, size_t len, const char *fmt, va_list ap) {
  WT_REAL_DECL(int, __vsnprintf_chk, (char *, size_t, int, size_t, const char *, va_list));
  wt_thread *t = wt_i_checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__vsnprintf_chk);
  int r = WT_REAL(__vsnprintf_chk)(buf, cap, flag, len, fmt, ap);
  if (t) produced(t, buf, cap, r, WT_PC(), (void *)__vsnprintf_chk);
  return r;
}

int __snprintf_chk(char *buf, size_t cap, int flag, size_t len, const char *fmt, ...) {
  WT_REAL_DECL(int, __vsnprintf_chk, (char *, size_t, int, size_t, const char *, va_list));
  wt_thread *t = wt_i_checking();
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
  wt_thread *t = wt_i_checking();
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__vsprintf_chk);
  int r = WT_REAL(__vsprintf_chk)(buf, flag, len, fmt, ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)__vsprintf_chk);
  return r;
}

int __sprintf_chk(char *buf, int flag, size_t len, const char *fmt, ...) {
  WT_REAL_DECL(int, __vsprintf_chk, (char *, int, size_t, const char *, va_list));
  wt_thread *t = wt_i_checking();
  va_list ap;
  va_start(ap, fmt);
  if (t) format_args(t, fmt, ap, WT_PC(), (void *)__sprintf_chk);
  int r = WT_REAL(__vsprintf_chk)(buf, flag, len, fmt, ap);
  va_end(ap);
  if (t) produced(t, buf, (size_t)-1, r, WT_PC(), (void *)__sprintf_chk);
  return r;
}
