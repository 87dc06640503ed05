#!/usr/bin/env bash
# Builds weft if needed (scripts/setup.sh, which also installs missing
# packages) and runs the whole lit suite in build/test.  The exit status is
# lit's; the last line is "N passed, N failed, N skipped" for CI.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"

lit=/usr/lib/llvm-19/build/utils/lit/lit.py
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

set +e
python3 "$lit" -sv "$root/build/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# lit's summary follows "Total Discovered Tests: N", one line a result
# kind, padded to line up: "  Passed           : 12 (85.71%)" or
# "  Failed:  3 (2.00%)".
awk '
  /^Total Discovered Tests:/ { summary = 1; next }
  summary && /^ +[A-Za-z][A-Za-z ]*: *[0-9]+ \(/ {
    split($0, kv, ":"); label = kv[1]; gsub(/^ +| +$/, "", label)
    n = kv[2] + 0; seen = 1
    if (label == "Passed" || label == "Expectedly Failed") pass += n
    else if (label == "Unsupported" || label == "Skipped" || label == "Excluded") skip += n
    else fail += n
  }
  END {
    if (seen) printf "%d passed, %d failed, %d skipped\n", pass, fail, skip
    else print "test.sh: lit printed no summary"
  }' "$log"
exit "$status"
