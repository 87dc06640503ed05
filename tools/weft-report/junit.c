/* JUnit XML output, for CI dashboards: one test suite "weft", one failing
 * test case per unique report (its name carries the fingerprint, so a
 * dashboard tracks it across builds; the failure's body is the summary
 * text with source lines).  A clean run is one passing test case, so
 * dashboards show the check ran.
 * Everything written is valid XML 1.0 whatever the input: markup is
 * escaped, and bytes XML cannot carry (control characters, invalid UTF-8
 * from a source file in another encoding) become '?'. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void xml_escape(FILE *out, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t ok = i + wr_utf8_check(s + i, len - i);
    for (; i < ok; i++) {
      unsigned char c = (unsigned char)s[i];
      switch (c) {
      case '&': fputs("&amp;", out); break;
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '"': fputs("&quot;", out); break;
      case '\'': fputs("&apos;", out); break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          fputc('?', out);
        } else if (c == 0xef && i + 2 < ok && (unsigned char)s[i + 1] == 0xbf &&
                   ((unsigned char)s[i + 2] == 0xbe || (unsigned char)s[i + 2] == 0xbf)) {
          fputc('?', out); /* U+FFFE, U+FFFF: not XML characters */
          i += 2;
        } else {
          fputc(c, out);
        }
      }
    }
    if (i < len) {
      fputc('?', out);
      i++;
    }
  }
}

static void xml_text(FILE *out, const char *s) { xml_escape(out, s, strlen(s)); }

static void testcase(FILE *out, const struct wr_unique *u, const struct wr_output_opts *o) {
  const struct wr_report *r = u->report;
  char name[4608], pb[4096];
  int n = snprintf(name, sizeof name, "%s in %s", r->kind, r->summary.function);
  if (r->summary.file[0] && n > 0 && (size_t)n < sizeof name)
    snprintf(name + n, sizeof name - (size_t)n, " at %s:%d",
             wr_display_path(r->summary.file, pb, sizeof pb), r->summary.line);

  char *body = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&body, &len);
  if (m) {
    wr_text_report(m, u, 0, 0, o, true);
    fclose(m);
  }

  fputs("    <testcase classname=\"weft.", out);
  for (const char *k = r->kind; *k; k++) {
    if (*k == ' ')
      fputc('-', out);
    else
      xml_escape(out, k, 1);
  }
  fputs("\" name=\"", out);
  xml_text(out, name);
  fprintf(out, " [%s]\">\n      <failure type=\"", r->fingerprint);
  xml_text(out, r->kind);
  fputs("\" message=\"", out);
  xml_text(out, name);
  fputs("\">", out);
  if (body) xml_escape(out, body, len);
  fputs("</failure>\n    </testcase>\n", out);
  free(body);
}

void wr_junit(FILE *out, const struct wr_merged *m, const struct wr_output_opts *o) {
  size_t tests = m->n ? m->n : 1;
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
  fprintf(out, "<testsuites name=\"weft\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", tests,
          m->n);
  fprintf(out,
          "  <testsuite name=\"weft\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
          "skipped=\"0\">\n",
          tests, m->n);
  if (m->n == 0)
    fputs("    <testcase classname=\"weft\" name=\"no weft reports\"/>\n", out);
  for (size_t i = 0; i < m->n; i++) testcase(out, &m->u[i], o);
  fputs("  </testsuite>\n</testsuites>\n", out);
}
