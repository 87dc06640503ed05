/* libFuzzer target for everything weft-report does with untrusted bytes:
 * splitting a log into lines, parsing and validating each line, merging,
 * and rendering every output (summary, SARIF, JUnit, baseline, explain)
 * from whatever got through.  Source files and the symbolizer are left
 * out: they read the machine, not the input.  Built and run for a bounded
 * time by test/report-tool/fuzz.test; docs/weft-report.md shows a longer
 * run.  Not part of the weft-report executable. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void render(const struct wr_set *set, const struct wr_merged *m) {
  struct wr_output_opts oo = {.context = -1, .version = "0", .logs = set->logs};
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out) return;
  wr_text_summary(out, m, &oo);
  wr_sarif(out, m, &oo);
  wr_junit(out, m, &oo);
  wr_baseline_write(out, m);
  wr_explain(out, NULL, set, m, NULL, &oo);
  if (m->n) wr_explain(out, NULL, set, m, m->u[m->n - 1].report->fingerprint, &oo);
  fclose(out);
  free(buf);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  /* Small lines here, so the over-long-line path is reached too. */
  struct wr_load_opts lo = {.keep_going = size && (data[0] & 1), .max_line = 4096};
  FILE *in = fmemopen((void *)data, size ? size : 1, "r");
  if (!in) return 0;
  if (!size) {
    fclose(in);
    return 0;
  }
  struct wr_set set = {0};
  wr_load_stream(&set, in, "fuzz", &lo);
  fclose(in);

  /* Every report also alone, the way the parser is reached line by line. */
  char err[512];
  const unsigned char *nl = memchr(data, '\n', size);
  size_t first = nl ? (size_t)(nl - data) : size;
  struct wr_arena scratch = {0};
  wr_parse_line(&scratch, (const char *)data, first, err, sizeof err);
  wr_arena_free(&scratch);

  struct wr_merged m;
  wr_merge(&set, &m);
  render(&set, &m);
  wr_merged_free(&m);
  wr_set_free(&set);
  return 0;
}
