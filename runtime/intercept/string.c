/* Interceptors of the C library's string and memory functions called as
 * functions (the pass sees memcpy, memmove and memset as intrinsics, so
 * those are not here).  Each reads and writes what it touched: a string
 * up to its terminating NUL, a comparison up to the byte that decided
 * it, a search up to what it found.  memcmp and bcmp read all n bytes of
 * both sides, as ThreadSanitizer does by default: the library's vector
 * code reads past the first difference anyway.  The accesses belong to
 * the caller, with the function as the top frame.
 *
 * Calls before the runtime is up, and those made while the runtime runs
 * a helper (the unwinder), are passed through unchecked: these functions
 * are called too early and too often to start the runtime from. */
#include "intercept.h"

#include <string.h>


/* Bytes of a and b a strcmp (at most n of them) looks at. */
static size_t compared(const char *a, const char *b, size_t n) {
  size_t i = 0;
  while (i < n && a[i] && a[i] == b[i]) i++;
  return i < n ? i + 1 : n;
}

static size_t bounded_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i]) i++;
  return i;
}

#define CMP_INTERCEPTOR(name)                                                 \
  int name(const void *a, const void *b, size_t n) {                          \
    WT_REAL_DECL(int, name, (const void *, const void *, size_t));            \
    wt_thread *t = wt_i_checking();                                                \
    if (t) {                                                                  \
      wt_i_read(t, a, n, WT_PC(), (void *)name);                                     \
      wt_i_read(t, b, n, WT_PC(), (void *)name);                                     \
    }                                                                         \
    return WT_REAL(name)(a, b, n);                                            \
  }
CMP_INTERCEPTOR(memcmp)
CMP_INTERCEPTOR(bcmp)

size_t strlen(const char *s) {
  WT_REAL_DECL(size_t, strlen, (const char *));
  size_t r = WT_REAL(strlen)(s);
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, r + 1, WT_PC(), (void *)strlen);
  return r;
}

size_t strnlen(const char *s, size_t n) {
  WT_REAL_DECL(size_t, strnlen, (const char *, size_t));
  size_t r = WT_REAL(strnlen)(s, n);
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, r < n ? r + 1 : n, WT_PC(), (void *)strnlen);
  return r;
}

int strcmp(const char *a, const char *b) {
  WT_REAL_DECL(int, strcmp, (const char *, const char *));
  wt_thread *t = wt_i_checking();
  if (t) {
    size_t k = compared(a, b, (size_t)-1);
    wt_i_read(t, a, k, WT_PC(), (void *)strcmp);
    wt_i_read(t, b, k, WT_PC(), (void *)strcmp);
  }
  return WT_REAL(strcmp)(a, b);
}

int strncmp(const char *a, const char *b, size_t n) {
  WT_REAL_DECL(int, strncmp, (const char *, const char *, size_t));
  wt_thread *t = wt_i_checking();
  if (t) {
    size_t k = compared(a, b, n);
    wt_i_read(t, a, k, WT_PC(), (void *)strncmp);
    wt_i_read(t, b, k, WT_PC(), (void *)strncmp);
  }
  return WT_REAL(strncmp)(a, b, n);
}

char *strchr(const char *s, int c) {
  WT_REAL_DECL(char *, strchr, (const char *, int));
  char *r = WT_REAL(strchr)(s, c);
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, r ? (size_t)(r - s) + 1 : wt_strlen(s) + 1, WT_PC(), (void *)strchr);
  return r;
}

char *strrchr(const char *s, int c) {
  WT_REAL_DECL(char *, strrchr, (const char *, int));
  char *r = WT_REAL(strrchr)(s, c);
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, wt_strlen(s) + 1, WT_PC(), (void *)strrchr);
  return r;
}

void *memchr(const void *s, int c, size_t n) {
  WT_REAL_DECL(void *, memchr, (const void *, int, size_t));
  void *r = WT_REAL(memchr)(s, c, n);
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, r ? (size_t)((const char *)r - (const char *)s) + 1 : n, WT_PC(),
            (void *)memchr);
  return r;
}

char *strstr(const char *h, const char *n) {
  WT_REAL_DECL(char *, strstr, (const char *, const char *));
  char *r = WT_REAL(strstr)(h, n);
  wt_thread *t = wt_i_checking();
  if (t) {
    size_t nl = wt_strlen(n);
    wt_i_read(t, n, nl + 1, WT_PC(), (void *)strstr);
    wt_i_read(t, h, r ? (size_t)(r - h) + nl : wt_strlen(h) + 1, WT_PC(), (void *)strstr);
  }
  return r;
}

char *strcpy(char *d, const char *s) {
  WT_REAL_DECL(char *, strcpy, (char *, const char *));
  wt_thread *t = wt_i_checking();
  size_t k = t ? wt_strlen(s) + 1 : 0;
  char *r = WT_REAL(strcpy)(d, s);
  if (t) {
    wt_i_read(t, s, k, WT_PC(), (void *)strcpy);
    wt_i_write(t, d, k, WT_PC(), (void *)strcpy);
  }
  return r;
}

/* strncpy pads the destination with NULs to n bytes. */
char *strncpy(char *d, const char *s, size_t n) {
  WT_REAL_DECL(char *, strncpy, (char *, const char *, size_t));
  wt_thread *t = wt_i_checking();
  size_t k = t ? bounded_len(s, n) : 0;
  char *r = WT_REAL(strncpy)(d, s, n);
  if (t) {
    wt_i_read(t, s, k < n ? k + 1 : n, WT_PC(), (void *)strncpy);
    wt_i_write(t, d, n, WT_PC(), (void *)strncpy);
  }
  return r;
}

char *strcat(char *d, const char *s) {
  WT_REAL_DECL(char *, strcat, (char *, const char *));
  wt_thread *t = wt_i_checking();
  size_t dl = t ? wt_strlen(d) : 0, sl = t ? wt_strlen(s) + 1 : 0;
  char *r = WT_REAL(strcat)(d, s);
  if (t) {
    wt_i_read(t, d, dl + 1, WT_PC(), (void *)strcat);
    wt_i_read(t, s, sl, WT_PC(), (void *)strcat);
    wt_i_write(t, d + dl, sl, WT_PC(), (void *)strcat);
  }
  return r;
}

char *strncat(char *d, const char *s, size_t n) {
  WT_REAL_DECL(char *, strncat, (char *, const char *, size_t));
  wt_thread *t = wt_i_checking();
  size_t dl = t ? wt_strlen(d) : 0, sl = t ? bounded_len(s, n) : 0;
  char *r = WT_REAL(strncat)(d, s, n);
  if (t) {
    wt_i_read(t, d, dl + 1, WT_PC(), (void *)strncat);
    wt_i_read(t, s, sl < n ? sl + 1 : n, WT_PC(), (void *)strncat);
    wt_i_write(t, d + dl, sl + 1, WT_PC(), (void *)strncat);
  }
  return r;
}

/* The copy is a fresh block of libc's: only the source is checked. */
char *strdup(const char *s) {
  WT_REAL_DECL(char *, strdup, (const char *));
  wt_thread *t = wt_i_checking();
  if (t) wt_i_read(t, s, wt_strlen(s) + 1, WT_PC(), (void *)strdup);
  return WT_REAL(strdup)(s);
}
