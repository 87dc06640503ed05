/* WEFT_OPTIONS: key=value pairs separated by ':' or spaces.  The list of
 * options lives in options.def; this file only turns text into values.
 * A mistake stops the program before it runs (exit 2) rather than being
 * ignored: a CI job that silently ran with default options would lie. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WT_OPT(type, name, def, help) type wt_opt_##name = def;
#include "options.def"
#undef WT_OPT

static int parse_int(const char *v, int *out) {
  char *end;
  long x = strtol(v, &end, 10);
  if (*v == 0 || *end != 0 || x < -2147483647L || x > 2147483647L) return 0;
  *out = (int)x;
  return 1;
}

static int set_int(int *dst, const char *v) { return parse_int(v, dst); }
static int set_str(const char **dst, const char *v) { *dst = v; return 1; }
#define SETTER(type) _Generic((type *)0, int *: set_int, const char **: set_str)

static void print_help(void) {
  wt_printf("weft: options (WEFT_OPTIONS=\"key=value:key=value\"):\n");
#define WT_OPT(type, name, def, help) wt_printf("  %-18s %s\n", #name, help);
#include "options.def"
#undef WT_OPT
}

void wt_options_parse(const char *env) {
  if (!env) return;
  /* Values point into this copy, kept for the life of the process. */
  size_t len = strlen(env);
  char *buf = wt_alloc(len + 1);
  memcpy(buf, env, len + 1);
  for (char *p = buf; *p;) {
    while (*p == ':' || *p == ' ') *p++ = 0;
    if (!*p) break;
    char *key = p;
    while (*p && *p != ':' && *p != ' ') p++;
    if (*p) *p++ = 0;
    char *eq = strchr(key, '=');
    if (!eq) wt_die("WEFT_OPTIONS: '%s' is not key=value", key);
    *eq = 0;
    const char *val = eq + 1;
    int known = 0, ok = 0;
#define WT_OPT(type, name, def, help)                                          \
    if (!known && strcmp(key, #name) == 0) {                                  \
      known = 1;                                                              \
      ok = SETTER(type)(&wt_opt_##name, val);                                 \
    }
#include "options.def"
#undef WT_OPT
    if (!known) wt_die("WEFT_OPTIONS: unknown option '%s' (WEFT_OPTIONS=help=1 lists them)", key);
    if (!ok) wt_die("WEFT_OPTIONS: bad value '%s' for option '%s'", val, key);
  }
  if (wt_opt_help) {
    print_help();
    _exit(0);
  }
}
