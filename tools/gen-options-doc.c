/* gen-options-doc: prints docs/options.md from runtime/options.def, the
 * one declaration of the runtime's options (which also generates the
 * parser and the help=1 listing), so the documentation cannot drift:
 * test/options/doc_in_sync.c runs this and compares with the file.
 *
 *   build/test/tools/gen-options-doc > docs/options.md
 *
 * Build-time helper only: not installed, never linked with the runtime. */
#include <stdio.h>
#include <string.h>

/* A table cell: '|' would end the cell. */
static void cell(const char *s) {
  for (; *s; s++) {
    if (*s == '|') fputs("\\|", stdout);
    else putchar(*s);
  }
}

/* The default as written in options.def (stringified): a string
 * literal loses its quotes; an ENUM's index becomes its word. */
static void print_default(const char *kind, const char *def, const char *values) {
  size_t len = strlen(def);
  if (def[0] == '"') {
    if (len <= 2) {
      fputs("(empty)", stdout);
      return;
    }
    printf("`%.*s`", (int)(len - 2), def + 1);
    return;
  }
  if (!strcmp(kind, "ENUM")) {
    int index = 0;
    sscanf(def, "%d", &index);
    const char *w = values;
    for (int i = 0; i < index && w; i++) {
      w = strchr(w, '|');
      if (w) w++;
    }
    if (w) {
      const char *bar = strchr(w, '|');
      printf("`%.*s`", bar ? (int)(bar - w) : (int)strlen(w), w);
      return;
    }
  }
  printf("`%s`", def);
}

static void print_type(const char *kind, const char *values) {
  if (!strcmp(kind, "BOOL")) {
    fputs("boolean", stdout);
  } else if (!strcmp(kind, "INT")) {
    const char *dots = strstr(values, "..");
    printf("integer, %.*s to %s", (int)(dots - values), values, dots + 2);
  } else if (!strcmp(kind, "ENUM")) {
    fputs("one of ", stdout);
    for (const char *w = values; *w;) {
      const char *bar = strchr(w, '|');
      int n = bar ? (int)(bar - w) : (int)strlen(w);
      printf("`%.*s`%s", n, w, bar ? ", " : "");
      if (!bar) break;
      w = bar + 1;
    }
  } else {
    fputs("string", stdout);
  }
}

static void row(const char *kind, const char *name, const char *def, const char *values,
                const char *help) {
  printf("| `%s` | ", name);
  print_type(kind, values);
  fputs(" | ", stdout);
  print_default(kind, def, values);
  fputs(" | ", stdout);
  cell(help);
  fputs(" |\n", stdout);
}

int main(void) {
  fputs(
      "# Runtime options\n"
      "\n"
      "<!-- Generated from runtime/options.def by tools/gen-options-doc.c; do not edit.\n"
      "     Regenerate: build/test/tools/gen-options-doc > docs/options.md -->\n"
      "\n"
      "A program built with weft reads its options from the environment variable\n"
      "`WEFT_OPTIONS` when it starts: `key=value` pairs separated by `:` or spaces,\n"
      "for example\n"
      "\n"
      "```sh\n"
      "WEFT_OPTIONS=\"log_path=/tmp/weft:report_format=json:halt_on_error=1\" ./prog\n"
      "```\n"
      "\n"
      "Values are checked before the program runs. An unknown option, a value of\n"
      "the wrong type or out of range, or a `key` without `=value` prints one line\n"
      "naming it on standard error and exits with status 2; nothing is ignored\n"
      "silently. For example:\n"
      "\n"
      "```\n"
      "weft: fatal: WEFT_OPTIONS: unknown option 'halt_on_eror' (WEFT_OPTIONS=help=1 lists them)\n"
      "weft: fatal: WEFT_OPTIONS: bad value 'yes' for option 'dedup' (expected 0, 1, true or false)\n"
      "```\n"
      "\n"
      "A boolean accepts `0`, `1`, `false` and `true`. `WEFT_OPTIONS=help=1` lists\n"
      "the options and exits with status 0. The same option given twice takes the\n"
      "last value.\n"
      "\n"
      "| option | type | default | what it does |\n"
      "| --- | --- | --- | --- |\n",
      stdout);
#define WT_OPT(kind, name, def, values, help) row(#kind, #name, #def, values, help);
#include "options.def"
#undef WT_OPT
  fputs(
      "\n"
      "More on what some of them do:\n"
      "\n"
      "- `exitcode`, `halt_on_error`, `log_path`, `report_format`, `dedup`,\n"
      "  `print_stats`, `symbolize`, `symbolizer_path`: [reports.md](reports.md).\n"
      "- `suppressions`, `print_suppressions`, `suppression_hints`: the\n"
      "  Suppressions section of [reports.md](reports.md).\n"
      "- The JSON format: [report-schema.md](report-schema.md).\n"
      "- `detect_deadlocks`, `deadlock_timeout_ms`: the deadlock reports.\n",
      stdout);
  return 0;
}
