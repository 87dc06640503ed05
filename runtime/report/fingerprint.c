/* A report's fingerprint: 64 bits naming the bug rather than this run of
 * it, shared by the text and JSON outputs, suppressions (fingerprint:)
 * and weft-report's de-duplication and baselines.  It must not change
 * across runs, ASLR, rebuilds or edits elsewhere in the program, so it
 * is made of names only: never addresses, pcs or line numbers.
 *
 * Definition (docs/report-schema.md repeats it for other implementations):
 *   for each identifying stack (wt_report.stacks: a race's two accesses,
 *   an inversion's acquisitions), S = FNV-1a 64 over its top 3 printed
 *   frames, each as  function NUL file-basename NUL,  or, when the
 *   function is unknown, as  "??" NUL module-basename "+0x" offset-hex NUL;
 *   then the fingerprint = FNV-1a 64 over  kind-name NUL  followed by each
 *   S as 8 little-endian bytes, in ascending order of S, so the order in
 *   which the stacks were found does not matter.
 * The frames are those the report prints (wt_report_walk_stack), inlined
 * functions included, the runtime's own excluded.  Runs under the report
 * lock (it symbolizes). */
#include "internal.h"

#define TOP_FRAMES 3

static uint64_t fnv_str(uint64_t h, const char *s) {
  return wt_fnv1a(h, s, __builtin_strlen(s) + 1); /* with its NUL */
}

static void hash_frame(const wt_frame *f, int k, void *arg) {
  uint64_t *h = arg;
  if (f->function[0] && __builtin_strcmp(f->function, "??") != 0) {
    *h = fnv_str(*h, f->function);
    *h = fnv_str(*h, wt_base_name(f->file));
    return;
  }
  char tail[40];
  int n = 0;
  const char *hex = "0123456789abcdef";
  char digits[20];
  uintptr_t off = f->offset;
  do {
    digits[n++] = hex[off & 15];
    off >>= 4;
  } while (off);
  int m = 0;
  tail[m++] = '+';
  tail[m++] = '0';
  tail[m++] = 'x';
  while (n > 0) tail[m++] = digits[--n];
  tail[m++] = 0;
  *h = fnv_str(*h, "??");
  const char *mod = wt_base_name(f->module);
  *h = wt_fnv1a(*h, mod, __builtin_strlen(mod));
  *h = wt_fnv1a(*h, tail, (size_t)m);
}

uint64_t wt_fingerprint(const wt_report *r) {
  uint64_t s[WT_REPORT_STACKS];
  uint32_t n = r->nstacks < WT_REPORT_STACKS ? r->nstacks : WT_REPORT_STACKS;
  for (uint32_t i = 0; i < n; i++) {
    s[i] = WT_FNV_BASIS;
    wt_report_walk_stack(r->stacks[i], hash_frame, &s[i], TOP_FRAMES);
  }
  for (uint32_t i = 1; i < n; i++) /* a handful: insertion sort */
    for (uint32_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
      uint64_t t = s[j];
      s[j] = s[j - 1];
      s[j - 1] = t;
    }
  uint64_t h = fnv_str(WT_FNV_BASIS, wt_report_kind_name(r->kind));
  for (uint32_t i = 0; i < n; i++) {
    unsigned char le[8];
    for (int b = 0; b < 8; b++) le[b] = (unsigned char)(s[i] >> (8 * b));
    h = wt_fnv1a(h, le, sizeof le);
  }
  return h;
}
