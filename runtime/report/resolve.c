/* Finding the real libc function behind an interceptor (intercept.h). */
#include "intercept.h"

void *wt_resolve(const char *name, const char *version) {
  void *p = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
  if (!p) wt_die("cannot find the real %s%s%s", name, version ? "@" : "", version ? version : "");
  return p;
}
