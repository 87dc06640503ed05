/* weft-config: prints the flags that build a program with weft without the
 * wrappers (plain clang 19 + the pass plugin + the runtime), for build
 * systems that want to add them themselves.  Paths are found relative to
 * this executable, like the wrappers do, so the answers hold in the build
 * tree and in any install prefix.  It prints; it never checks or runs. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: weft-config OPTION...\n"
    "Print what compiling and linking with weft needs, one line per option.\n"
    "  --cflags    compile flags: the pass plugin, -g, -fno-omit-frame-pointer\n"
    "  --ldflags   link flags of an executable: the runtime and its libraries\n"
    "  --libs      same as --ldflags\n"
    "  --plugin    path of the pass plugin (WeftPass.so)\n"
    "  --runtime   path of the runtime archive (libweft_rt.a)\n"
    "  --libdir    directory holding both\n"
    "  --prefix    the weft install (or build) tree\n"
    "  --cc        the clang the plugin was built for\n"
    "  --cxx       the clang++ the plugin was built for\n"
    "  --version   weft's version\n"
    "  --help      this text\n"
    "Shared libraries take only --cflags: the executable carries the runtime.\n";

/* The tree that holds bin/weft-config: <prefix>/bin/weft-config. */
static const char *weft_prefix(void) {
  static char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    fprintf(stderr, "weft-config: error: cannot read /proc/self/exe\n");
    exit(2);
  }
  exe[n] = '\0';
  for (int up = 0; up < 2; up++) {
    char *slash = strrchr(exe, '/');
    if (!slash) {
      fprintf(stderr, "weft-config: error: cannot locate the weft install from %s\n", exe);
      exit(2);
    }
    *slash = '\0';
  }
  return exe;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return 2;
  }
  /* Every option is checked before anything is printed, so a typo does not
   * leave half an answer in a Makefile variable. */
  static const char *const known[] = {"--cflags", "--ldflags", "--libs", "--plugin",
                                      "--runtime", "--libdir", "--prefix", "--cc",
                                      "--cxx", "--version", "--help", NULL};
  for (int i = 1; i < argc; i++) {
    const char *const *k = known;
    while (*k && strcmp(*k, argv[i]) != 0) k++;
    if (!*k) {
      fprintf(stderr, "weft-config: error: unknown option '%s' (see weft-config --help)\n",
              argv[i]);
      return 2;
    }
  }

  const char *prefix = weft_prefix();
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--cflags"))
      printf("-fplugin=%s/lib/weft/WeftPass.so -fpass-plugin=%s/lib/weft/WeftPass.so -g "
             "-fno-omit-frame-pointer\n", prefix, prefix);
    else if (!strcmp(a, "--ldflags") || !strcmp(a, "--libs"))
      /* -rdynamic: instrumented shared libraries loaded later find the
       * __weft_* entry points in the executable. */
      printf("-Wl,--whole-archive %s/lib/weft/libweft_rt.a -Wl,--no-whole-archive "
             "-lpthread -ldl -lunwind -rdynamic\n",
             prefix);
    else if (!strcmp(a, "--plugin"))
      printf("%s/lib/weft/WeftPass.so\n", prefix);
    else if (!strcmp(a, "--runtime"))
      printf("%s/lib/weft/libweft_rt.a\n", prefix);
    else if (!strcmp(a, "--libdir"))
      printf("%s/lib/weft\n", prefix);
    else if (!strcmp(a, "--prefix"))
      printf("%s\n", prefix);
    else if (!strcmp(a, "--cc"))
      printf("%s\n", WEFT_CLANG_PATH);
    else if (!strcmp(a, "--cxx"))
      printf("%s\n", WEFT_CLANGXX_PATH);
    else if (!strcmp(a, "--version"))
      printf("%s\n", WEFT_VERSION);
    else if (!strcmp(a, "--help"))
      fputs(usage, stdout);
  }
  return fflush(stdout) == 0 ? 0 : 2;
}
