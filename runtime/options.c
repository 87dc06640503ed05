/* WEFT_OPTIONS: key=value pairs separated by ':' or spaces.  The list of
 * options lives in options.def; this file only turns text into values and
 * checks them by kind (BOOL, INT with its range, STR, ENUM with its
 * words).  A mistake stops the program before it runs (exit 2) rather
 * than being ignored: a CI job that silently ran with default options
 * would lie. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WT_OPT(kind, name, def, values, help) WT_OPT_CTYPE_##kind wt_opt_##name = def;
#include "options.def"
#undef WT_OPT

static bool parse_long(const char *v, long *out) {
  char *end;
  long x = strtol(v, &end, 10);
  if (*v == 0 || *end != 0) return false;
  *out = x;
  return true;
}

/* values is "min..max". */
static bool set_INT(int *dst, const char *v, const char *values) {
  long x, lo, hi;
  const char *dots = wt_strstr(values, "..");
  if (!parse_long(v, &x) || !dots) return false;
  lo = strtol(values, 0, 10);
  hi = strtol(dots + 2, 0, 10);
  if (x < lo || x > hi) return false;
  *dst = (int)x;
  return true;
}

static bool set_BOOL(int *dst, const char *v, const char *values) {
  if (!wt_strcmp(v, "1") || !wt_strcmp(v, "true")) *dst = 1;
  else if (!wt_strcmp(v, "0") || !wt_strcmp(v, "false")) *dst = 0;
  else return false;
  return true;
}

static bool set_STR(const char **dst, const char *v, const char *values) {
  *dst = v;
  return true;
}

/* values is "word|word|..."; the result is the word's index. */
static bool set_ENUM(int *dst, const char *v, const char *values) {
  size_t len = wt_strlen(v);
  int i = 0;
  for (const char *w = values;; i++) {
    const char *bar = wt_strchr(w, '|');
    size_t wlen = bar ? (size_t)(bar - w) : wt_strlen(w);
    if (len > 0 && wlen == len && wt_memcmp(w, v, len) == 0) {
      *dst = i;
      return true;
    }
    if (!bar) return false;
    w = bar + 1;
  }
}

/* What a bad value should have been, for the error message. */
static const char *expected(const char *kind, const char *values) {
  static char buf[160];
  if (!wt_strcmp(kind, "BOOL")) return "0, 1, true or false";
  if (!wt_strcmp(kind, "INT")) {
    const char *dots = wt_strstr(values, "..");
    wt_snprintf(buf, sizeof buf, "an integer from %.*s to %s", (int)(dots - values), values,
             dots + 2);
    return buf;
  }
  if (!wt_strcmp(kind, "ENUM")) {
    size_t n = 0;
    for (const char *p = values; *p && n + 4 < sizeof buf; p++) {
      if (*p == '|') {
        memcpy(buf + n, " or ", 4);
        n += 4;
      } else {
        buf[n++] = *p;
      }
    }
    buf[n] = 0;
    return buf;
  }
  return "a string";
}

static void print_help(void) {
  wt_printf("weft: options (WEFT_OPTIONS=\"key=value:key=value\"):\n");
#define WT_OPT(kind, name, def, values, help) wt_printf("  %-20s %s\n", #name, help);
#include "options.def"
#undef WT_OPT
}

void wt_options_parse(const char *env) {
  if (!env) return;
  /* Values point into this copy, kept for the life of the process. */
  size_t len = wt_strlen(env);
  char *buf = wt_alloc(len + 1);
  memcpy(buf, env, len + 1);
  for (char *p = buf; *p;) {
    while (*p == ':' || *p == ' ') *p++ = 0;
    if (!*p) break;
    char *key = p;
    while (*p && *p != ':' && *p != ' ') p++;
    if (*p) *p++ = 0;
    char *eq = wt_strchr(key, '=');
    if (!eq) wt_die("WEFT_OPTIONS: '%s' is not key=value", key);
    *eq = 0;
    const char *val = eq + 1;
    bool known = false, ok = false;
    const char *want = 0;
#define WT_OPT(kind, name, def, values, help)                                  \
    if (!known && wt_strcmp(key, #name) == 0) {                                  \
      known = true;                                                           \
      ok = set_##kind(&wt_opt_##name, val, values);                           \
      if (!ok) want = expected(#kind, values);                                \
    }
#include "options.def"
#undef WT_OPT
    if (!known) wt_die("WEFT_OPTIONS: unknown option '%s' (WEFT_OPTIONS=help=1 lists them)", key);
    if (!ok) wt_die("WEFT_OPTIONS: bad value '%s' for option '%s' (expected %s)", val, key, want);
  }
  if (wt_opt_help) {
    print_help();
    _exit(0);
  }
}
