/* Application address -> shadow cell.  static inline only.
 *
 *   application   [ page 0 ][ page 1 ] ... [ page 2^35-1 ]   4 KiB pages
 *                      |         |
 *   wt_dir        [ ptr    ][ ptr    ] ...                   one slot a page,
 *                      |         +--> NULL until first use   MAP_NORESERVE
 *                      v
 *   shadow page   [cell 0] ... [cell 511][cold 0] ... [cold 511]   16 + 8 B per 8 B
 *
 * The directory covers the whole 47-bit user address space wherever the
 * kernel put things, so PIE, non-PIE and any ASLR entropy all work and
 * there is no "unexpected memory mapping".  One dependent load finds a
 * cell.  Shadow pages are allocated on first touch and never move. */
#ifndef WEFT_SHADOW_H
#define WEFT_SHADOW_H

#include "internal.h"

extern wt_cell *_Atomic *wt_dir;
WT_HIDDEN wt_cell *wt_shadow_page_slow(uintptr_t addr);
WT_HIDDEN void wt_shadow_init(void);

WT_INLINE wt_cell *wt_shadow_page(uintptr_t addr) {
  wt_cell *p = atomic_load_explicit(&wt_dir[addr >> WT_PAGE_SHIFT], memory_order_acquire);
  return WT_LIKELY(p != 0) ? p : wt_shadow_page_slow(addr);
}

/* NULL for addresses outside user space (never instrumented memory). */
WT_INLINE wt_cell *wt_shadow_cell(uintptr_t addr) {
  if (WT_UNLIKELY(addr >> WT_ADDR_BITS)) return 0;
  return wt_shadow_page(addr) + ((addr & (WT_PAGE_SIZE - 1)) / WT_GRANULE);
}

/* The cold twin of a hot cell: same index, past the page's hot cells. */
WT_INLINE wt_cold *wt_shadow_cold(wt_cell *c, uintptr_t addr) {
  uintptr_t idx = (addr & (WT_PAGE_SIZE - 1)) / WT_GRANULE;
  return (wt_cold *)(c - idx + WT_CELLS_PER_PAGE) + idx;
}

#endif
