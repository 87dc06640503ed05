/* The string functions the runtime needs, of its own: libc's strlen,
 * strcmp, strchr, strstr and memcmp are intercepted (intercept/string.c),
 * and the runtime never calls its own interceptors.  no_builtin keeps the
 * compiler from turning these loops back into calls to libc.  Formatting
 * is libc's own, found past the printf-family interceptors. */
#include "internal.h"

#include <dlfcn.h>
#include <stdarg.h>

#define WT_NO_BUILTIN __attribute__((no_builtin))

WT_NO_BUILTIN size_t wt_strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

WT_NO_BUILTIN int wt_strcmp(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

WT_NO_BUILTIN int wt_memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; i++)
    if (x[i] != y[i]) return x[i] - y[i];
  return 0;
}

WT_NO_BUILTIN char *wt_strchr(const char *s, int c) {
  for (;; s++) {
    if (*s == (char)c) return (char *)s;
    if (!*s) return 0;
  }
}

WT_NO_BUILTIN char *wt_strstr(const char *h, const char *n) {
  size_t k = wt_strlen(n);
  for (; *h; h++)
    if (wt_memcmp(h, n, k) == 0) return (char *)h;
  return k ? 0 : (char *)h;
}

typedef int vsnprintf_fn(char *, size_t, const char *, va_list);

int wt_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap) {
  static vsnprintf_fn *_Atomic real;
  if (WT_UNLIKELY(!real)) real = (vsnprintf_fn *)dlsym(RTLD_NEXT, "vsnprintf");
  return real(buf, cap, fmt, ap);
}

int wt_snprintf(char *buf, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = wt_vsnprintf(buf, cap, fmt, ap);
  va_end(ap);
  return n;
}
