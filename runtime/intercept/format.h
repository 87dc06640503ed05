/* What the printf and scanf walkers share: a conversion's length
 * modifier, and the size of the integer it names (a %n target, a scanf
 * integer target). */
#ifndef WEFT_FORMAT_H
#define WEFT_FORMAT_H

#include <stddef.h>

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_BIG_L, LEN_SIZE };

/* The modifier at *pp (hh h l ll q L j z Z t), and *pp past it. */
static inline int wt_format_length(const char **pp) {
  const char *p = *pp;
  int len = LEN_NONE;
  switch (*p) {
  case 'h': len = p[1] == 'h' ? (p++, LEN_HH) : LEN_H, p++; break;
  case 'l': len = p[1] == 'l' ? (p++, LEN_LL) : LEN_L, p++; break;
  case 'q': len = LEN_LL, p++; break;
  case 'L': len = LEN_BIG_L, p++; break;
  case 'j': case 'z': case 'Z': case 't': len = LEN_SIZE, p++; break;
  }
  *pp = p;
  return len;
}

static inline size_t wt_format_int_size(int len) {
  return len == LEN_HH ? 1 : len == LEN_H ? 2 : len == LEN_NONE ? sizeof(int) : 8;
}

#endif
