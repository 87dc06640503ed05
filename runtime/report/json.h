/* A JSON writer into a fixed buffer, for reports (print_json.c): no
 * allocation, so it works inside malloc and signal handlers like the
 * text printer.  The output is always valid JSON: strings are escaped
 * and made valid UTF-8 (a byte that is not part of a valid sequence
 * becomes U+FFFD), and a document too big for the buffer is cut after
 * its last complete element, its open arrays and objects are closed, and
 * the top-level object gets "truncated": true.
 *
 * Use: wt_json_begin opens the top-level object; wt_json_key (in an
 * object) or wt_json_item (in an array) starts each element, followed by
 * one value or wt_json_object/wt_json_array ... wt_json_end; wt_json_finish
 * closes the document, adds a newline and returns its length.  The buffer
 * must be larger than WT_JSON_MIN_BUFFER. */
#ifndef WEFT_JSON_H
#define WEFT_JSON_H

#include "internal.h"

#define WT_JSON_DEPTH 16
#define WT_JSON_MIN_BUFFER (WT_JSON_DEPTH + 32) /* the reserve for closing */

typedef struct wt_json {
  char *buf;
  size_t cap, len;
  int depth;                       /* open containers; 0 is the top object */
  bool overflow;
  int overflow_depth;
  char closer[WT_JSON_DEPTH];
  bool empty[WT_JSON_DEPTH];       /* no element yet */
  size_t mark[WT_JSON_DEPTH];      /* where the current element began */
  bool empty_at_mark[WT_JSON_DEPTH];
} wt_json;

WT_HIDDEN void wt_json_begin(wt_json *j, char *buf, size_t cap);
WT_HIDDEN size_t wt_json_finish(wt_json *j);
WT_HIDDEN void wt_json_key(wt_json *j, const char *key);
WT_HIDDEN void wt_json_item(wt_json *j);
WT_HIDDEN void wt_json_object(wt_json *j);
WT_HIDDEN void wt_json_array(wt_json *j);
WT_HIDDEN void wt_json_end(wt_json *j);
WT_HIDDEN void wt_json_str(wt_json *j, const char *s);
WT_HIDDEN void wt_json_int(wt_json *j, long long v);
WT_HIDDEN void wt_json_bool(wt_json *j, bool v);
WT_HIDDEN void wt_json_hex(wt_json *j, unsigned long long v); /* "0x..." */
WT_HIDDEN void wt_json_raw(wt_json *j, const char *s); /* a literal the caller made */

#endif
