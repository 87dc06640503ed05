/* The fixed-buffer JSON writer declared in json.h.  Every byte goes
 * through put(), which stops accepting output once the buffer (less a
 * reserve for the closing brackets and the truncation marker) is full;
 * wt_json_finish then rolls back to the start of the element being
 * written when it filled up, so a cut document is still valid JSON. */
#include "json.h"

#include <stdio.h>

/* Closers for WT_JSON_DEPTH containers, ,"truncated":true} and '\n'. */
#define RESERVE WT_JSON_MIN_BUFFER

static void put(wt_json *j, const char *s, size_t n) {
  if (j->overflow) return;
  if (j->len + n + RESERVE > j->cap) {
    j->overflow = true;
    j->overflow_depth = j->depth;
    return;
  }
  __builtin_memcpy(j->buf + j->len, s, n);
  j->len += n;
}

static void put_c(wt_json *j, char c) { put(j, &c, 1); }

/* The reserve is kept for this: it cannot fail. */
static void force(wt_json *j, const char *s) {
  size_t n = __builtin_strlen(s);
  __builtin_memcpy(j->buf + j->len, s, n);
  j->len += n;
}

void wt_json_begin(wt_json *j, char *buf, size_t cap) {
  *j = (wt_json){.buf = buf, .cap = cap};
  j->closer[0] = '}';
  j->empty[0] = true;
  force(j, "{");
  j->mark[0] = j->len;
  j->empty_at_mark[0] = true;
}

static void element(wt_json *j) {
  if (j->overflow) return;
  int d = j->depth;
  j->mark[d] = j->len;
  j->empty_at_mark[d] = j->empty[d];
  if (!j->empty[d]) put_c(j, ',');
  j->empty[d] = false;
}

void wt_json_key(wt_json *j, const char *key) {
  element(j);
  wt_json_str(j, key);
  put_c(j, ':');
}

void wt_json_item(wt_json *j) { element(j); }

static void open_container(wt_json *j, char open, char close) {
  if (j->overflow) return;
  if (j->depth + 1 >= WT_JSON_DEPTH) {
    j->overflow = true;
    j->overflow_depth = j->depth;
    return;
  }
  put_c(j, open);
  if (j->overflow) return;
  int d = ++j->depth;
  j->closer[d] = close;
  j->empty[d] = true;
  j->mark[d] = j->len;
  j->empty_at_mark[d] = true;
}

void wt_json_object(wt_json *j) { open_container(j, '{', '}'); }
void wt_json_array(wt_json *j) { open_container(j, '[', ']'); }

void wt_json_end(wt_json *j) {
  if (j->overflow || j->depth == 0) return;
  put_c(j, j->closer[j->depth]);
  if (!j->overflow) j->depth--;
}

size_t wt_json_finish(wt_json *j) {
  if (j->overflow) {
    int d = j->overflow_depth;
    j->len = j->mark[d];
    bool empty = j->empty_at_mark[d];
    for (; d > 0; d--) {
      char c[2] = {j->closer[d], 0};
      force(j, c);
      empty = false; /* the top object holds whatever contained this one */
    }
    force(j, empty ? "\"truncated\":true}\n" : ",\"truncated\":true}\n");
    return j->len;
  }
  while (j->depth > 0) wt_json_end(j);
  force(j, "}\n");
  return j->len;
}

/* Length of the valid UTF-8 sequence at s, 0 if it is not one
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static int utf8_len(const unsigned char *s) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  int n;
  unsigned cp;
  if ((c & 0xe0) == 0xc0) n = 2, cp = c & 0x1f;
  else if ((c & 0xf0) == 0xe0) n = 3, cp = c & 0x0f;
  else if ((c & 0xf8) == 0xf0) n = 4, cp = c & 0x07;
  else return 0;
  for (int i = 1; i < n; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = cp << 6 | (s[i] & 0x3f);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

void wt_json_str(wt_json *j, const char *str) {
  const unsigned char *s = (const unsigned char *)(str ? str : "");
  put_c(j, '"');
  while (*s && !j->overflow) {
    unsigned c = *s;
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      put(j, e, 2);
      s++;
    } else if (c == '\n') {
      put(j, "\\n", 2), s++;
    } else if (c == '\t') {
      put(j, "\\t", 2), s++;
    } else if (c == '\r') {
      put(j, "\\r", 2), s++;
    } else if (c < 0x20 || c == 0x7f) {
      char e[8];
      wt_snprintf(e, sizeof e, "\\u%04x", c);
      put(j, e, 6);
      s++;
    } else {
      int n = utf8_len(s);
      if (n == 0) {
        put(j, "\\ufffd", 6);
        s++;
      } else {
        put(j, (const char *)s, (size_t)n);
        s += n;
      }
    }
  }
  put_c(j, '"');
}

void wt_json_int(wt_json *j, long long v) {
  char b[24];
  int n = wt_snprintf(b, sizeof b, "%lld", v);
  put(j, b, (size_t)n);
}

void wt_json_bool(wt_json *j, bool v) {
  if (v) put(j, "true", 4);
  else put(j, "false", 5);
}

void wt_json_hex(wt_json *j, unsigned long long v) {
  char b[24];
  int n = wt_snprintf(b, sizeof b, "\"0x%llx\"", v);
  put(j, b, (size_t)n);
}

void wt_json_raw(wt_json *j, const char *s) { put(j, s, __builtin_strlen(s)); }
