/* Benchmark helper: write deterministic pseudo-English text, for the inputs
 * of bench/real.sh (recipes call it as `real_gen_text SEED BYTES FILE`).
 * The same seed and size give the same bytes on every machine: the
 * generator is a fixed xorshift64* with its own arithmetic (no rand(), no
 * floating point, no locale), so a recipe can check its output against a
 * checksum computed anywhere.
 *
 * The text is made of a vocabulary of 8192 invented words (2 to 4 syllables)
 * drawn with a skewed, roughly Zipf-like frequency, in sentences of 4 to 23
 * words with commas, capitals, and now and then a number; lines are wrapped
 * at 72 columns and every 4 to 11 lines end a paragraph.  It compresses
 * about like real prose (gzip -6: about 2.5x, bzip2 -9: about 4x): long
 * matches are rare, so compressors do real work on every byte.
 *
 * Usage: textgen SEED BYTES   (writes exactly BYTES bytes to stdout) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NWORDS = 8192, MAXWORD = 24, WRAP = 72 };

static uint64_t state;

static uint64_t next(void) { /* xorshift64* */
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 2685821657736338717ULL;
}

static unsigned below(unsigned n) { return (unsigned)((next() >> 32) % n); }

static char words[NWORDS][MAXWORD];

static void make_words(void) {
  static const char *onset[] = {"", "b", "c", "d", "f", "g", "h", "j", "k", "l",
                                "m", "n", "p", "r", "s", "t", "v", "w", "y", "z",
                                "br", "ch", "cl", "dr", "fl", "gr", "pl", "pr", "sh",
                                "sl", "st", "str", "th", "tr", "wh"};
  static const char *nucleus[] = {"a", "e", "i", "o", "u", "ai", "ea", "ee", "oo",
                                  "ou", "ie", "y"};
  static const char *coda[] = {"", "", "", "n", "r", "s", "t", "l", "m", "nd",
                               "ng", "st", "ck", "th", "rt", "ll"};
  for (int w = 0; w < NWORDS; w++) {
    /* Frequent words are short, as in real text. */
    unsigned syl = w < 256 ? 1 : w < 2048 ? 2 + below(2) : 2 + below(3);
    char *p = words[w];
    p[0] = 0;
    for (unsigned s = 0; s < syl; s++) {
      strcat(p, onset[below(sizeof onset / sizeof *onset)]);
      strcat(p, nucleus[below(sizeof nucleus / sizeof *nucleus)]);
      strcat(p, coda[below(sizeof coda / sizeof *coda)]);
    }
  }
}

/* Index of the next word: the minimum of three uniform draws, squared,
 * favours small indexes strongly without floating point. */
static unsigned pick(void) {
  unsigned a = below(NWORDS), b = below(NWORDS), c = below(NWORDS);
  unsigned m = a < b ? a : b;
  m = m < c ? m : c;
  return (unsigned)((uint64_t)m * m / NWORDS);
}

static char *buf;
static size_t len, cap = 1 << 16, col;
static unsigned long long total, written;

/* Write out the buffer, but never more than BYTES in all. */
static void flush(void) {
  size_t n = len;
  if (written + n > total) n = (size_t)(total - written);
  if (n && fwrite(buf, 1, n, stdout) != n) {
    perror("textgen: writing");
    exit(1);
  }
  written += n;
  len = 0;
}

static void put(const char *s, size_t n) {
  if (len + n > cap) flush();
  memcpy(buf + len, s, n);
  len += n;
}

/* Append a word, wrapping the line; returns whether it started a line. */
static int word(const char *s, size_t n) {
  int newline = 0;
  if (col > 0 && col + 1 + n > WRAP) {
    put("\n", 1);
    col = 0;
    newline = 1;
  } else if (col > 0) {
    put(" ", 1);
    col++;
  }
  put(s, n);
  col += n;
  return newline;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: textgen SEED BYTES\n");
    return 2;
  }
  state = strtoull(argv[1], NULL, 10) * 0x9E3779B97F4A7C15ULL + 1;
  total = strtoull(argv[2], NULL, 10);
  buf = malloc(cap);
  if (!buf) return 1;
  make_words();

  unsigned lines = 0, para = 4 + below(8);
  while (written + len < total) {
    unsigned n = 4 + below(20);
    for (unsigned i = 0; i < n; i++) {
      char tmp[MAXWORD + 16];
      size_t k;
      if (below(40) == 0) {
        k = (size_t)snprintf(tmp, sizeof tmp, "%u", below(100000));
      } else {
        const char *w = words[pick()];
        k = strlen(w);
        memcpy(tmp, w, k);
        if (i == 0 && tmp[0] >= 'a' && tmp[0] <= 'z') tmp[0] -= 'a' - 'A';
      }
      if (i + 1 == n) tmp[k++] = below(8) == 0 ? '?' : '.';
      else if (below(9) == 0) tmp[k++] = ',';
      lines += word(tmp, k);
    }
    if (lines >= para) {
      put("\n\n", 2);
      col = 0;
      lines = 0;
      para = 4 + below(8);
    }
  }
  flush();
  if (fflush(stdout) != 0) {
    perror("textgen: writing");
    return 1;
  }
  return 0;
}
