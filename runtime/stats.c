/* print_stats=1: what the run cost and found, printed at exit before the
 * count of reports.  Only counters kept anyway are read (each file keeps
 * its own and offers one getter), so the option costs nothing until exit.
 * Nothing here is a stable format: it is for people. */
#include "internal.h"

void wt_stats_print(void) {
  wt_printf("weft: stats:\n");
  unsigned total = 0;
  for (int k = 0; k < WT_R_KIND_COUNT; k++) total += wt_report_count_kind(k);
  wt_printf("  reports printed: %u\n", total);
  for (int k = 0; k < WT_R_KIND_COUNT; k++)
    if (wt_report_count_kind(k))
      wt_printf("    %s: %u\n", wt_report_kind_name(k), wt_report_count_kind(k));
  wt_printf("  reports suppressed: %u\n", wt_suppressed_count());
  wt_printf("  threads: %u (the main thread included)\n", wt_thread_count());
  uint32_t peak, live = wt_sync_live(&peak);
  wt_printf("  sync objects: %u (%u live, at most %u at once)\n", wt_sync_count(), live, peak);
  size_t shadow = wt_shadow_bytes();
  wt_printf("  shadow memory mapped: %zu KiB\n", shadow >> 10);
  wt_printf("  contexts in the depot: %u\n", wt_ctx_depot_size());
}
