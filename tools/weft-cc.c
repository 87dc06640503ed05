/* weft-cc and weft-c++: drop-in compiler wrappers that exec clang 19 with the
 * weft pass plugin and, when the command links an executable, the weft
 * runtime.  Built twice from this file: WEFT_CXX selects clang++.
 * Everything the user wrote is passed through untouched and in order; this
 * file only adds flags.  It must never interpret more of the command line
 * than deciding "does this link an executable" and "did the user pick -g". */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef WEFT_CXX
#define TOOL "weft-c++"
#define CLANG_ENV "WEFT_CLANGXX"
#define CLANG_DEFAULT WEFT_CLANGXX_PATH
#else
#define TOOL "weft-cc"
#define CLANG_ENV "WEFT_CLANG"
#define CLANG_DEFAULT WEFT_CLANG_PATH
#endif

#define PLUGIN_NAME "WeftPass.so"
#define RUNTIME_NAME "libweft_rt.a"
/* Response files may nest; clang stops somewhere too, and a cycle must not
 * hang the wrapper. */
#define MAX_RSP_DEPTH 8

static void die(const char *fmt, const char *arg) {
  fprintf(stderr, TOOL ": error: ");
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  exit(2);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) die("%s", "out of memory");
  return p;
}

static char *concat(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = xmalloc(la + lb + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb + 1);
  return s;
}

/* <dir of /proc/self/exe>/../lib/weft, without the "..": the kernel has
 * already resolved symlinks, so a wrapper linked into PATH still finds the
 * tree it was built or installed in. */
static char *weft_libdir(void) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) die("%s", "cannot read /proc/self/exe to locate the weft install");
  exe[n] = '\0';
  for (int up = 0; up < 2; up++) {
    char *slash = strrchr(exe, '/');
    if (!slash) die("cannot locate the weft install from %s", exe);
    *slash = '\0';
  }
  return concat(exe, "/lib/weft");
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A bare name is looked up in PATH, as execvp would. */
static bool find_program(const char *prog) {
  if (strchr(prog, '/')) return access(prog, X_OK) == 0 && is_file(prog);
  const char *path = getenv("PATH");
  if (!path) path = "/usr/local/bin:/usr/bin:/bin";
  while (*path) {
    size_t len = strcspn(path, ":");
    char *cand = xmalloc(len + strlen(prog) + 2);
    memcpy(cand, path, len);
    cand[len] = '/';
    strcpy(cand + len + 1, prog);
    bool ok = access(cand, X_OK) == 0 && is_file(cand);
    free(cand);
    if (ok) return true;
    path += len;
    if (*path == ':') path++;
  }
  return false;
}

/* What the command line says about itself. */
struct scan {
  bool no_link;   /* -c, -S, -E, -M, ...: no link step runs */
  bool shared;    /* -shared or -r: the executable carries the runtime */
  bool has_g;     /* any -g* option: the user chose the debug level */
  bool has_x;     /* a -x option is in force at the end of the line */
  bool has_input; /* a file operand or "-" */
  bool non_asm;   /* an input that is not plain assembly (.s) */
  bool has_output;
};

/* Options whose value is the next argument: the value must not be mistaken
 * for an input or an option. */
static const char *const separate_value[] = {
    "-o", "-x", "-I", "-D", "-U", "-L", "-l", "-include", "-imacros",
    "-isystem", "-iquote", "-idirafter", "-iprefix", "-iwithprefix",
    "-iwithprefixbefore", "-isysroot", "-iframework", "-cxx-isystem",
    "-ivfsoverlay", "-F", "-MF", "-MT", "-MQ", "-MJ", "-Xlinker", "-Xclang",
    "-Xassembler", "-Xpreprocessor", "-Xanalyzer", "-Xopenmp-target", "-mllvm",
    "-target", "-arch", "-u", "-T", "-z", "-e", "-B", "-A", "--sysroot",
    "-serialize-diagnostics", "-dependency-file", "-dependency-dot",
    "-working-directory", "-aux-info", "--include", "--output", "--language",
    "--define-macro", "--undefine-macro", "--library-directory",
    "--include-directory", "--param", "--config", "--system-header-prefix",
    "--target", "--output-class-directory", NULL};

static const char *const stop_before_link[] = {
    "-c", "-S", "-E", "-M", "-MM", "-fsyntax-only", "--version", "--help",
    "-help", "--compile", "--assemble", "--preprocess", "--analyze",
    "-dumpversion", "-dumpmachine", "-dumpspecs", "--precompile", NULL};

static bool in_list(const char *arg, const char *const *list) {
  for (; *list; list++)
    if (strcmp(arg, *list) == 0) return true;
  return false;
}

static void scan_args(struct scan *s, int argc, char **argv, int depth);

/* Response files are read only to classify the command; the @file itself
 * is passed to clang unchanged.  Tokenized as LLVM does on Linux (GNU
 * style): blanks separate, quotes group, a backslash escapes the next
 * character inside quotes too. */
struct buf {
  char *s;
  size_t len, cap;
};

static void buf_put(struct buf *b, char c) {
  if (b->len == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 64;
    char *grown = realloc(b->s, b->cap);
    if (!grown) die("%s", "out of memory");
    b->s = grown;
  }
  b->s[b->len++] = c;
}

static bool is_blank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static char *read_token(FILE *f) {
  int c;
  do c = fgetc(f);
  while (is_blank(c));
  if (c == EOF) return NULL;
  struct buf b = {0};
  int quote = 0;
  for (; c != EOF && (quote || !is_blank(c)); c = fgetc(f)) {
    if (quote && c == quote) {
      quote = 0;
      continue;
    }
    if (!quote && (c == '\'' || c == '"')) {
      quote = c;
      continue;
    }
    if (c == '\\') {
      c = fgetc(f);
      if (c == EOF) break;
    }
    buf_put(&b, (char)c);
  }
  buf_put(&b, '\0');
  return b.s;
}

static void scan_response_file(struct scan *s, const char *path, int depth) {
  FILE *f = fopen(path, "r");
  if (!f) {
    s->has_input = s->non_asm = true; /* clang takes it as a file name */
    return;
  }
  struct {
    char **v;
    int n, cap;
  } args = {0};
  for (char *tok; (tok = read_token(f));) {
    if (args.n == args.cap) {
      args.cap = args.cap ? args.cap * 2 : 16;
      char **grown = realloc(args.v, sizeof *grown * (size_t)args.cap);
      if (!grown) die("%s", "out of memory");
      args.v = grown;
    }
    args.v[args.n++] = tok;
  }
  fclose(f);
  scan_args(s, args.n, args.v, depth + 1);
  for (int i = 0; i < args.n; i++) free(args.v[i]);
  free(args.v);
}

static void scan_args(struct scan *s, int argc, char **argv, int depth) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '@' && a[1]) {
      if (depth < MAX_RSP_DEPTH) scan_response_file(s, a + 1, depth);
      continue;
    }
    if (a[0] != '-' || a[1] == '\0') {
      s->has_input = true; /* a file, or "-" for stdin */
      size_t len = strlen(a);
      if (len < 2 || strcmp(a + len - 2, ".s") != 0) s->non_asm = true;
      continue;
    }
    if (in_list(a, separate_value)) {
      const char *val = i + 1 < argc ? argv[i + 1] : "";
      if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) s->has_output = true;
      if (strcmp(a, "-x") == 0 || strcmp(a, "--language") == 0)
        s->has_x = strcmp(val, "none") != 0;
      i++;
      continue;
    }
    if (in_list(a, stop_before_link) || strncmp(a, "-print-", 7) == 0 ||
        strncmp(a, "--print-", 8) == 0) {
      s->no_link = true;
      continue;
    }
    if (strcmp(a, "-shared") == 0 || strcmp(a, "--shared") == 0 ||
        strcmp(a, "-r") == 0) {
      s->shared = true;
      continue;
    }
    if (strncmp(a, "-g", 2) == 0 || strcmp(a, "--debug") == 0 ||
        strncmp(a, "--debug=", 8) == 0) {
      s->has_g = true;
      continue;
    }
    if (strncmp(a, "-x", 2) == 0) {
      s->has_x = strcmp(a + 2, "none") != 0;
      continue;
    }
    if (strncmp(a, "--language=", 11) == 0) {
      s->has_x = strcmp(a + 11, "none") != 0;
      continue;
    }
    if (strncmp(a, "-o", 2) == 0 && strncmp(a, "-obj", 4) != 0) {
      s->has_output = true; /* joined form -ofile */
      continue;
    }
    if (strncmp(a, "--output=", 9) == 0) s->has_output = true;
  }
}

/* Shell-quoted, so the printed line can be pasted back into a shell. */
static void print_command(char **argv) {
  fputs(TOOL ":", stderr);
  for (; *argv; argv++) {
    const char *a = *argv;
    bool plain = *a != '\0';
    for (const char *p = a; *p; p++)
      if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                  "0123456789-_=+,./:@%", *p)) plain = false;
    fputc(' ', stderr);
    if (plain) {
      fputs(a, stderr);
      continue;
    }
    fputc('\'', stderr);
    for (const char *p = a; *p; p++) {
      if (*p == '\'') fputs("'\\''", stderr);
      else fputc(*p, stderr);
    }
    fputc('\'', stderr);
  }
  fputc('\n', stderr);
}

int main(int argc, char **argv) {
  const char *clang = getenv(CLANG_ENV);
  if (!clang || !*clang) clang = CLANG_DEFAULT;
  if (!find_program(clang))
    die("compiler not found: %s (set " CLANG_ENV " to a clang 19)", clang);

  char *libdir = weft_libdir();
  char *plugin = concat(libdir, "/" PLUGIN_NAME);
  char *runtime = concat(libdir, "/" RUNTIME_NAME);
  if (!is_file(plugin)) die("weft pass plugin not found: %s", plugin);

  struct scan s = {0};
  scan_args(&s, argc - 1, argv + 1, 0);
  bool link = !s.no_link && (s.has_input || s.has_output);
  bool add_runtime = link && !s.shared;
  if (add_runtime && !is_file(runtime)) die("weft runtime not found: %s", runtime);

  /* clang + 4 leading flags + user args + up to 8 link flags + NULL */
  char **out = xmalloc(sizeof *out * ((size_t)argc + 16));
  int n = 0;
  out[n++] = (char *)clang;
  out[n++] = concat("-fplugin=", plugin);
  /* IR inputs (.ll, .bc) run no frontend action, so -fplugin alone would
   * leave them uninstrumented; the pass guards against running twice. */
  out[n++] = concat("-fpass-plugin=", plugin);
  if (!s.has_g) out[n++] = "-g";
  /* clang calls it unused on plain assembly, which -Werror turns fatal. */
  if (s.non_asm || !s.has_input || s.has_x) out[n++] = "-fno-omit-frame-pointer";
  for (int i = 1; i < argc; i++) out[n++] = argv[i];
  if (add_runtime) {
    /* A user's -x still applies to later operands: without this reset
     * clang would compile the archive as source. */
    if (s.has_x) {
      out[n++] = "-x";
      out[n++] = "none";
    }
    out[n++] = "-Wl,--whole-archive";
    out[n++] = runtime;
    out[n++] = "-Wl,--no-whole-archive";
    out[n++] = "-lpthread";
    out[n++] = "-ldl";
    out[n++] = "-lunwind";
    /* Instrumented shared libraries dlopen'ed later resolve the __weft_*
     * entry points against the executable. */
    out[n++] = "-rdynamic";
  }
  out[n] = NULL;

  const char *verbose = getenv("WEFT_CC_VERBOSE");
  if (verbose && *verbose && strcmp(verbose, "0") != 0) print_command(out);

  if (strchr(clang, '/')) execv(clang, out);
  else execvp(clang, out);
  fprintf(stderr, TOOL ": error: cannot run %s: %s\n", clang, strerror(errno));
  return 2;
}
