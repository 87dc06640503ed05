/* The report model's plumbing: the arena every report lives in, the set of
 * loaded reports, and small questions about a report that every output
 * asks the same way (thread names, the top frame, the verb of an access).
 * Nothing here reads files or prints: that is load.c and the outputs. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* Reports are read once and dropped together, so a bump allocator keeps
 * the parser free of ownership bookkeeping (and of leaks under fuzzing). */
struct wr_arena_block {
  struct wr_arena_block *next;
  size_t used, cap;
  _Alignas(max_align_t) unsigned char data[];
};

#define ARENA_BLOCK ((size_t)64 << 10)

void wr_oom(void) {
  fputs("weft-report: error: out of memory\n", stderr);
  exit(2);
}

void *wr_xrealloc(void *p, size_t size) {
  p = realloc(p, size ? size : 1);
  if (!p) wr_oom();
  return p;
}

void *wr_arena_alloc(struct wr_arena *a, size_t size) {
  size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
  if (size == 0) size = sizeof(max_align_t);
  struct wr_arena_block *b = a->head;
  if (!b || b->cap - b->used < size) {
    size_t cap = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
    b = malloc(sizeof *b + cap);
    if (!b) wr_oom();
    b->used = 0;
    b->cap = cap;
    /* A big block goes behind the current one, so the current one's free
     * space stays usable for the small allocations that follow. */
    if (a->head && cap != ARENA_BLOCK) {
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
    }
  }
  void *p = b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

char *wr_arena_strndup(struct wr_arena *a, const char *s, size_t len) {
  char *d = wr_arena_alloc(a, len + 1);
  memcpy(d, s, len);
  d[len] = '\0';
  return d;
}

char *wr_arena_strdup(struct wr_arena *a, const char *s) {
  return wr_arena_strndup(a, s, strlen(s));
}

void wr_arena_free(struct wr_arena *a) {
  for (struct wr_arena_block *b = a->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  a->head = NULL;
}

void wr_set_add(struct wr_set *set, struct wr_report *r) {
  if (r->repeats) {
    if (set->nrepeats == set->repeats_cap) {
      size_t cap = set->repeats_cap ? set->repeats_cap * 2 : 16;
      struct wr_report **grown = realloc(set->repeats, cap * sizeof *grown);
      if (!grown) wr_oom();
      set->repeats = grown;
      set->repeats_cap = cap;
    }
    set->repeats[set->nrepeats++] = r;
    return;
  }
  if (set->n == set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 64;
    struct wr_report **grown = realloc(set->reports, cap * sizeof *grown);
    if (!grown) wr_oom();
    set->reports = grown;
    set->cap = cap;
  }
  set->reports[set->n++] = r;
}

void wr_set_free(struct wr_set *set) {
  free(set->reports);
  free(set->repeats);
  wr_arena_free(&set->arena);
  memset(set, 0, sizeof *set);
}

void wr_for_each_stack(struct wr_report *r, wr_stack_fn fn, void *ctx) {
  for (size_t i = 0; i < r->naccesses; i++) fn(r, &r->accesses[i].stack, ctx);
  if (r->location.present) fn(r, &r->location.stack, ctx);
  for (size_t i = 0; i < r->nthreads; i++) fn(r, &r->threads[i].stack, ctx);
  for (size_t i = 0; i < r->nmutexes; i++) fn(r, &r->mutexes[i].stack, ctx);
  for (size_t i = 0; i < r->nsyncs; i++) fn(r, &r->syncs[i].stack, ctx);
  for (size_t i = 0; i < r->ncycle; i++) {
    fn(r, &r->cycle[i].held, ctx);
    fn(r, &r->cycle[i].acquire, ctx);
  }
  for (size_t i = 0; i < r->nstacks; i++) fn(r, &r->stacks[i], ctx);
}

bool wr_frame_is_raw(const struct wr_frame *f) {
  return (strcmp(f->function, "??") == 0 || f->function[0] == '\0') && f->line == 0;
}

bool wr_frame_has_source(const struct wr_frame *f) {
  return f->file[0] != '\0' && f->line > 0;
}

const char *wr_basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

const char *wr_thread_name(long id, char *buf) {
  if (id < 0) return "an unknown thread";
  if (id == 0) return "main thread";
  snprintf(buf, 32, "thread T%ld", id);
  return buf;
}

const char *wr_thread_short(long id, char *buf) {
  if (id < 0) return "an unknown thread";
  if (id == 0) return "the main thread";
  snprintf(buf, 32, "T%ld", id);
  return buf;
}

const struct wr_mutex *wr_find_mutex(const struct wr_report *r, long id) {
  for (size_t i = 0; i < r->nmutexes; i++)
    if (r->mutexes[i].id == id) return &r->mutexes[i];
  return NULL;
}

const struct wr_thread *wr_find_thread(const struct wr_report *r, long id) {
  for (size_t i = 0; i < r->nthreads; i++)
    if (r->threads[i].id == id) return &r->threads[i];
  return NULL;
}

const struct wr_frame *wr_top_frame(const struct wr_stack *s) {
  for (size_t i = 0; i < s->n; i++)
    if (wr_frame_has_source(&s->frames[i])) return &s->frames[i];
  return s->n ? &s->frames[0] : NULL;
}

const struct wr_stack *wr_primary_stack(const struct wr_report *r) {
  if (r->naccesses) return &r->accesses[0].stack;
  if (r->ncycle) return &r->cycle[0].acquire;
  if (r->nstacks) return &r->stacks[0];
  return NULL;
}

const char *wr_of_size(long long size, char *buf) {
  if (size < 0) return "";
  snprintf(buf, 32, " of size %lld", size);
  return buf;
}

const char *wr_access_verb(const struct wr_access *a, bool capital) {
  if (a->atomic) {
    if (capital) return a->write ? "Atomic write" : "Atomic read";
    return a->write ? "atomic write" : "atomic read";
  }
  if (capital) return a->write ? "Write" : "Read";
  return a->write ? "write" : "read";
}

/* RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF. */
size_t wr_utf8_check(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    if (c == 0) return i;
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    if (len - i <= n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k <= n; k++)
      if (s[i + k] < 0x80 || s[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return len;
}
