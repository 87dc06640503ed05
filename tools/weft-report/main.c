/* weft-report: reads the JSON Lines reports of any number of processes
 * (WEFT_OPTIONS=report_format=json, usually with log_path), merges them by
 * fingerprint, symbolizes frames left raw, and writes a summary, SARIF,
 * JUnit XML, a baseline, the new reports against a baseline, or one
 * report explained.  This file is the command line only: options, the
 * order of the steps, and the exit status CI relies on:
 *   0  no reports (diff: none new; baseline: written)
 *   1  reports found (diff: new ones)
 *   2  usage or input error
 * What a report means, and how each output looks, live in the other files
 * of this directory. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifndef WEFT_VERSION
#define WEFT_VERSION "0"
#endif

static const char usage[] =
    "usage: weft-report [COMMAND] [OPTIONS] LOG...\n"
    "Reads weft's JSON Lines reports (WEFT_OPTIONS=report_format=json) from each LOG\n"
    "(a file, a directory of log files, or - for standard input), merges them by\n"
    "fingerprint, symbolizes raw frames, and writes, by COMMAND:\n"
    "  summary             the unique reports, with source lines (the default)\n"
    "  sarif               SARIF 2.1.0, for code scanning\n"
    "  junit               JUnit XML, for CI dashboards\n"
    "  diff --baseline F   the reports whose fingerprint F does not list; F is an\n"
    "                      earlier log or a fingerprint list (see baseline)\n"
    "  baseline            the fingerprints of the reports, to commit as a baseline\n"
    "  explain             one report for a person: both accesses, the locks held,\n"
    "                      the guarding lock, the missing happens-before edge\n"
    "Options:\n"
    "  -o, --output FILE     write there instead of standard output\n"
    "  --source-root DIR     where relative source paths are found; shown paths and\n"
    "                        SARIF URIs become relative to it\n"
    "  --context N           source lines shown around each line (default 2)\n"
    "  --no-source           no source lines\n"
    "  --fingerprint F       explain: the report to explain (a unique prefix will do)\n"
    "  --baseline FILE       diff: the known reports\n"
    "  --format FORMAT       diff: text (default), sarif or junit\n"
    "  --keep-going          skip bad lines with a warning instead of stopping\n"
    "  --max-line-bytes N    longest line accepted (default 16777216)\n"
    "  --no-symbolize        leave raw frames raw\n"
    "  --symbolizer PATH     the llvm-symbolizer to run (default: llvm-symbolizer-19,\n"
    "                        then llvm-symbolizer, from PATH)\n"
    "  -h, --help            this text\n"
    "  --version             weft's version\n"
    "Exit status: 0 no reports (diff: none new; baseline: written), 1 reports\n"
    "(diff: new ones), 2 usage or input error.\n";

enum command { SUMMARY, SARIF, JUNIT, DIFF, BASELINE, EXPLAIN };

static const char *const command_names[] = {"summary", "sarif", "junit",
                                            "diff", "baseline", "explain"};

static void usage_error(const char *fmt, const char *arg) {
  fputs("weft-report: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'weft-report --help'.\n", stderr);
  exit(2);
}

struct options {
  enum command cmd;
  const char *output, *source_root, *fingerprint, *baseline, *format, *symbolizer;
  int context;
  bool keep_going, symbolize;
  size_t max_line;
  const char **logs;
  size_t nlogs;
};

/* "--name value" or "--name=value"; returns the value or NULL when arg is
 * not this option. */
static const char *value_of(const char *name, int argc, char **argv, int *i) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return NULL;
  if (a[n] == '=') return a + n + 1;
  if (a[n] != '\0') return NULL;
  if (*i + 1 >= argc) usage_error("option %s needs a value", name);
  return argv[++*i];
}

static long long number(const char *s, const char *opt, long long min, long long max) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno || v < min || v > max)
    usage_error("bad value for %s", opt);
  return v;
}

static void parse_args(struct options *o, int argc, char **argv) {
  int i = 1;
  o->logs = calloc((size_t)argc, sizeof *o->logs);
  if (!o->logs) exit(2);
  if (i < argc && argv[i][0] != '-') {
    for (size_t c = 0; c < sizeof command_names / sizeof *command_names; c++)
      if (strcmp(argv[i], command_names[c]) == 0) {
        o->cmd = (enum command)c;
        i++;
        break;
      }
  }
  bool only_logs = false;
  for (; i < argc; i++) {
    const char *a = argv[i], *v;
    if (only_logs || a[0] != '-' || strcmp(a, "-") == 0) {
      o->logs[o->nlogs++] = a;
    } else if (strcmp(a, "--") == 0) {
      only_logs = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      exit(0);
    } else if (strcmp(a, "--version") == 0) {
      printf("weft-report %s\n", WEFT_VERSION);
      exit(0);
    } else if (strcmp(a, "-o") == 0) {
      if (i + 1 >= argc) usage_error("option %s needs a value", "-o");
      o->output = argv[++i];
    } else if (strncmp(a, "-o", 2) == 0 && a[1] == 'o' && a[2] != '-') {
      o->output = a + 2;
    } else if ((v = value_of("--output", argc, argv, &i))) {
      o->output = v;
    } else if ((v = value_of("--source-root", argc, argv, &i))) {
      o->source_root = v;
    } else if ((v = value_of("--context", argc, argv, &i))) {
      o->context = (int)number(v, "--context", 0, 1000);
    } else if (strcmp(a, "--no-source") == 0) {
      o->context = -1;
    } else if ((v = value_of("--fingerprint", argc, argv, &i))) {
      o->fingerprint = v;
    } else if ((v = value_of("--baseline", argc, argv, &i))) {
      o->baseline = v;
    } else if ((v = value_of("--format", argc, argv, &i))) {
      o->format = v;
    } else if (strcmp(a, "--keep-going") == 0) {
      o->keep_going = true;
    } else if ((v = value_of("--max-line-bytes", argc, argv, &i))) {
      o->max_line = (size_t)number(v, "--max-line-bytes", 2, 0x7ffffff0);
    } else if (strcmp(a, "--no-symbolize") == 0) {
      o->symbolize = false;
    } else if ((v = value_of("--symbolizer", argc, argv, &i))) {
      o->symbolizer = v;
    } else {
      usage_error("unknown option '%s'", a);
    }
  }
  if (o->nlogs == 0) usage_error("%s", "no log given (use - for standard input)");
  if (o->cmd == DIFF && !o->baseline) usage_error("%s", "diff needs --baseline FILE");
  if (o->cmd != DIFF && o->baseline) usage_error("%s", "--baseline is for diff only");
  if (o->cmd != DIFF && o->format) usage_error("%s", "--format is for diff only");
  if (o->cmd != EXPLAIN && o->fingerprint)
    usage_error("%s", "--fingerprint is for explain only");
  if (o->format && strcmp(o->format, "text") != 0 && strcmp(o->format, "sarif") != 0 &&
      strcmp(o->format, "junit") != 0)
    usage_error("unknown --format '%s' (text, sarif or junit)", o->format);
  if (o->fingerprint &&
      (!o->fingerprint[0] || strspn(o->fingerprint, "0123456789abcdef") != strlen(o->fingerprint)))
    usage_error("--fingerprint '%s' is not lower-case hexadecimal", o->fingerprint);
}

static FILE *open_output(const char *path) {
  if (!path || strcmp(path, "-") == 0) return stdout;
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "weft-report: error: %s: %s\n", path, strerror(errno));
    exit(2);
  }
  return f;
}

static int close_output(FILE *f, const char *path) {
  bool bad = ferror(f) != 0;
  if (f == stdout ? fflush(f) != 0 : fclose(f) != 0) bad = true;
  if (bad) {
    fprintf(stderr, "weft-report: error: %s: write error\n",
            path && strcmp(path, "-") ? path : "standard output");
    return 2;
  }
  return 0;
}

int main(int argc, char **argv) {
  struct options opt = {.context = 2, .symbolize = true};
  parse_args(&opt, argc, argv);
  wr_source_set_root(opt.source_root);

  struct wr_load_opts lo = {
      .keep_going = opt.keep_going,
      .max_line = opt.max_line ? opt.max_line : WR_MAX_LINE_DEFAULT,
      .diag = stderr,
  };
  struct wr_baseline base = {0};
  struct wr_set set = {0};
  struct wr_merged merged = {0};
  int status = 2;
  if (opt.cmd == DIFF && wr_baseline_load(&base, opt.baseline, &lo) != 0) goto done;
  for (size_t i = 0; i < opt.nlogs; i++)
    if (wr_load_path(&set, opt.logs[i], &lo) != 0) goto done;
  if (set.bad_lines)
    fprintf(stderr, "weft-report: warning: skipped %zu bad line%s (--keep-going)\n",
            set.bad_lines, set.bad_lines == 1 ? "" : "s");
  if (opt.symbolize) {
    struct wr_symbolize_opts so = {.symbolizer = opt.symbolizer, .diag = stderr};
    wr_symbolize(&set, &so);
  }
  wr_merge(&set, &merged);

  struct wr_output_opts oo = {
      .context = opt.context,
      .source_root = opt.source_root,
      .version = WEFT_VERSION,
      .logs = set.logs,
  };
  FILE *out = open_output(opt.output);
  status = merged.n ? 1 : 0;
  switch (opt.cmd) {
  case SUMMARY:
    wr_text_summary(out, &merged, &oo);
    break;
  case SARIF:
    if (wr_sarif(out, &merged, &oo) != 0) {
      fputs("weft-report: error: could not write SARIF\n", stderr);
      status = 2;
    }
    break;
  case JUNIT:
    wr_junit(out, &merged, &oo);
    break;
  case BASELINE:
    wr_baseline_write(out, &merged);
    status = 0;
    break;
  case EXPLAIN:
    if (wr_explain(out, stderr, &set, &merged, opt.fingerprint, &oo) != 0) status = 2;
    break;
  case DIFF: {
    /* The new reports, as a merged list of their own (sharing the entries,
     * which stay owned by `merged`). */
    struct wr_merged fresh = {.u = malloc((merged.n ? merged.n : 1) * sizeof *fresh.u)};
    bool *seen = calloc(base.n ? base.n : 1, sizeof *seen);
    if (!fresh.u || !seen) {
      fputs("weft-report: error: out of memory\n", stderr);
      exit(2);
    }
    size_t known = 0, gone = 0;
    for (size_t i = 0; i < merged.n; i++) {
      long at = wr_baseline_find(&base, merged.u[i].report->fingerprint);
      if (at >= 0) {
        known++;
        seen[at] = true;
      } else {
        fresh.u[fresh.n++] = merged.u[i];
      }
    }
    /* A fingerprint listed twice is one known report. */
    for (size_t i = 0; i < base.n; i++)
      gone += !seen[i] && (i == 0 || strcmp(base.fps[i - 1], base.fps[i]) != 0);
    free(seen);
    const char *format = opt.format ? opt.format : "text";
    FILE *note = out;
    if (strcmp(format, "sarif") == 0) {
      if (wr_sarif(out, &fresh, &oo) != 0) status = 2;
      note = stderr;
    } else if (strcmp(format, "junit") == 0) {
      wr_junit(out, &fresh, &oo);
      note = stderr;
    } else {
      for (size_t i = 0; i < fresh.n; i++) {
        fputs("NEW ", out);
        wr_text_report(out, &fresh.u[i], i + 1, fresh.n, &oo, true);
        fputc('\n', out);
      }
    }
    fprintf(note,
            "weft-report: %zu new report%s, %zu known from the baseline, %zu in the "
            "baseline not seen\n",
            fresh.n, fresh.n == 1 ? "" : "s", known, gone);
    if (status != 2) status = fresh.n ? 1 : 0;
    free(fresh.u);
    break;
  }
  }
  if (close_output(out, opt.output) != 0) status = 2;

done:
  wr_merged_free(&merged);
  wr_set_free(&set);
  wr_baseline_free(&base);
  wr_source_free_cache();
  free(opt.logs);
  return status;
}
