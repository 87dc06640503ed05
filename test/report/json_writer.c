// The runtime's fixed-buffer JSON writer (runtime/report/json.c), alone: the
// same document written into buffers of every size from too small to
// large enough is always valid JSON; cut ones keep whole elements only
// and end with "truncated": true; the whole one has everything.  Strings
// are escaped and invalid UTF-8 becomes U+FFFD, so the output is always
// valid UTF-8.
// RUN: %clang -std=gnu11 -D_GNU_SOURCE -Wall -I%S/../../runtime -I%S/../../runtime/report -I%S/../../include %s %S/../../runtime/report/json.c %S/../../runtime/platform/str.c -o %t
// RUN: %t > %t.out
// RUN: python3 %S/Inputs/check_json_writer.py %t.out
#include "json.h"

#include <stdio.h>
#include <string.h>

static void document(wt_json *j) {
  wt_json_key(j, "schema");
  wt_json_str(j, "weft-report");
  wt_json_key(j, "escapes");
  wt_json_str(j, "quote \" backslash \\ newline \n tab \t bell \a del \x7f end");
  wt_json_key(j, "utf8");
  wt_json_str(j, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  wt_json_key(j, "bad_utf8");
  /* a lone continuation byte, a truncated sequence, an overlong '/', a
   * surrogate, past U+10FFFF */
  wt_json_str(j, "a\x80" "b\xc3" "c\xc0\xaf" "d\xed\xa0\x80" "e\xf4\x90\x80\x80" "f");
  wt_json_key(j, "numbers");
  wt_json_array(j);
  wt_json_item(j);
  wt_json_int(j, -1);
  wt_json_item(j);
  wt_json_int(j, 9223372036854775807LL);
  wt_json_item(j);
  wt_json_hex(j, 0xdeadbeef);
  wt_json_item(j);
  wt_json_bool(j, true);
  wt_json_end(j);
  wt_json_key(j, "stacks");
  wt_json_array(j);
  for (int s = 0; s < 3; s++) {
    wt_json_item(j);
    wt_json_array(j);
    for (int f = 0; f < 4; f++) {
      wt_json_item(j);
      wt_json_object(j);
      wt_json_key(j, "function");
      wt_json_str(j, "a_function_with_a_rather_long_name");
      wt_json_key(j, "line");
      wt_json_int(j, f);
      wt_json_end(j);
    }
    wt_json_end(j);
  }
  wt_json_end(j);
  wt_json_key(j, "empty");
  wt_json_object(j);
  wt_json_end(j);
  wt_json_key(j, "last");
  wt_json_str(j, "the end");
}

int main(void) {
  static char buf[8192];
  for (size_t cap = WT_JSON_MIN_BUFFER + 1; cap <= 2048; cap++) {
    wt_json j;
    memset(buf, 0x55, sizeof buf);
    wt_json_begin(&j, buf, cap);
    document(&j);
    size_t n = wt_json_finish(&j);
    if (n > cap || buf[n - 1] != '\n' || memchr(buf, '\n', n - 1) || buf[cap] != 0x55) {
      fprintf(stderr, "cap %zu: bad length %zu or stray write\n", cap, n);
      return 1;
    }
    printf("%zu ", cap);
    fwrite(buf, 1, n, stdout);
  }
  return 0;
}
