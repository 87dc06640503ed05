/* Source files: finding the file a frame names (relative paths are taken
 * from the source root), printing the lines around a line with a marker
 * and a caret under the column, and shortening paths under the source root
 * for display.  Files are read once and kept; a missing, unreadable or too
 * large file just prints nothing: reports are still useful without it. */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_SOURCE ((size_t)64 << 20)
#define MAX_SHOWN 240 /* bytes of one source line shown */

struct file {
  struct file *next;
  char *path;
  char *data; /* NULL: could not be read */
  size_t *starts; /* line i (1-based) starts at data[starts[i - 1]] */
  size_t nlines;
};

static const char *root; /* NULL: the working directory */
static struct file *cache;

void wr_source_set_root(const char *dir) {
  root = dir && dir[0] ? dir : NULL;
}

const char *wr_display_path(const char *file, char *buf, size_t len) {
  if (!root || file[0] != '/') return file;
  size_t n = strlen(root);
  while (n > 1 && root[n - 1] == '/') n--;
  if (strncmp(file, root, n) == 0 && file[n] == '/' && file[n + 1]) {
    snprintf(buf, len, "%s", file + n + 1);
    return buf;
  }
  return file;
}

static struct file *load(const char *path) {
  for (struct file *f = cache; f; f = f->next)
    if (strcmp(f->path, path) == 0) return f;
  struct file *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->path = strdup(path);
  f->next = cache;
  cache = f;
  if (!f->path) return f;

  char *full = NULL;
  if (path[0] != '/' && root) {
    full = malloc(strlen(root) + strlen(path) + 2);
    if (!full) return f;
    sprintf(full, "%s/%s", root, path);
  }
  FILE *in = fopen(full ? full : path, "rb");
  free(full);
  struct stat st;
  if (!in) return f;
  if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > MAX_SOURCE) {
    fclose(in);
    return f;
  }
  size_t size = (size_t)st.st_size;
  char *data = malloc(size + 1);
  size_t got = data ? fread(data, 1, size, in) : 0;
  fclose(in);
  if (!data) return f;
  data[got] = '\0';
  size_t n = 1;
  for (size_t i = 0; i < got; i++) n += data[i] == '\n';
  f->starts = malloc(n * sizeof *f->starts);
  if (!f->starts) {
    free(data);
    return f;
  }
  f->starts[0] = 0;
  f->nlines = 1;
  for (size_t i = 0; i < got; i++)
    if (data[i] == '\n') f->starts[f->nlines++] = i + 1;
  if (got && data[got - 1] == '\n') f->nlines--; /* no empty line after the last */
  for (size_t i = 0; i < got; i++)
    if (data[i] == '\n') data[i] = '\0';
  f->data = data;
  return f;
}

static void print_text(FILE *out, const char *s) {
  size_t n = strlen(s);
  if (n && s[n - 1] == '\r') n--;
  for (size_t i = 0; i < n && i < MAX_SHOWN; i++) {
    unsigned char c = (unsigned char)s[i];
    fputc(c == '\t' || c >= 0x20 ? c : '?', out);
  }
  if (n > MAX_SHOWN) fputs(" ...", out);
}

bool wr_source_print(FILE *out, const char *file, int line, int column, int context,
                     const char *indent) {
  if (!file[0] || line <= 0 || context < 0) return false;
  struct file *f = load(file);
  if (!f || !f->data || (size_t)line > f->nlines) return false;
  size_t first = (size_t)line > (size_t)context ? (size_t)line - (size_t)context : 1;
  size_t last = (size_t)line + (size_t)context;
  if (last > f->nlines) last = f->nlines;
  int width = snprintf(NULL, 0, "%zu", last);
  for (size_t l = first; l <= last; l++) {
    const char *text = f->data + f->starts[l - 1];
    fprintf(out, "%s%c %*zu | ", indent, l == (size_t)line ? '>' : ' ', width, l);
    print_text(out, text);
    fputc('\n', out);
    if (l == (size_t)line && column > 0 && (size_t)column <= strlen(text) + 1 &&
        column <= MAX_SHOWN) {
      /* Tabs stay tabs so the caret lands under the column whatever the
       * tab width; UTF-8 continuation bytes take no column on screen. */
      fprintf(out, "%s  %*s | ", indent, width, "");
      for (int i = 0; i < column - 1; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\t')
          fputc('\t', out);
        else if ((c & 0xc0) != 0x80)
          fputc(' ', out);
      }
      fputs("^\n", out);
    }
  }
  return true;
}

void wr_source_free_cache(void) {
  for (struct file *f = cache, *next; f; f = next) {
    next = f->next;
    free(f->path);
    free(f->data);
    free(f->starts);
    free(f);
  }
  cache = NULL;
}
