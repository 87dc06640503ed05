#!/usr/bin/env bash
# The lock-order graph at scale: builds bench/lockgraph.c natively and
# with weft and prints, for each size and kind of graph, the time of the
# first pass (every acquisition order new: edges added, components and
# their order maintained) and of the second (every order repeated:
# chain-cache hits), the first pass without the graph (detect_deadlocks=0)
# and the graph's time per new edge (the difference), and weft's peak
# memory with the graph and without it.  Cycles:
# "none" (orders never cycle), "one" (one harmless cycle halfway), "all"
# (every pair in both orders by its thread: one big tangle of harmless
# cycles, every new edge searched).  docs/deadlocks.md quotes the figures.
#
# Usage: bench/lockgraph.sh [--runs N]   (median of N runs, default 3)
# Needs build/bin/weft-cc (see the top-level README) and CC (default
# clang-19).  WEFT_OPTIONS is cleared.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
weft_cc=$root/build/bin/weft-cc
cc=${CC:-clang-19}
runs=3
while (($#)); do
  case $1 in
  --runs) runs=${2-}; shift ;;
  --runs=*) runs=${1#*=} ;;
  -h | --help) sed -n '/^# Usage:/,/^# clang/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
  *) echo "bench/lockgraph.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/lockgraph.sh: --runs needs a positive integer" >&2; exit 2; }
[[ -x $weft_cc ]] || { echo "bench/lockgraph.sh: build weft first ($weft_cc is missing)" >&2; exit 1; }
unset WEFT_OPTIONS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-lockgraph.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$cc" -O2 -g -pthread "$here/lockgraph.c" -o "$tmp/native"
"$weft_cc" -O2 "$here/lockgraph.c" -o "$tmp/weft"
cp "$tmp/weft" "$tmp/nograph"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run BUILD ARGS...: prints "PASS1 PASS2 PEAK_MIB", medians over the
# runs; a report or a failure stops the benchmark (no cycle here can
# deadlock).
run() {
  local b=$1
  shift
  : >"$tmp/p1"
  : >"$tmp/p2"
  : >"$tmp/rss"
  for ((i = 0; i < runs; i++)); do
    if [[ $b == nograph ]]; then export WEFT_OPTIONS=detect_deadlocks=0; fi
    /usr/bin/env time -f '%M' -o "$tmp/time" "$tmp/$b" "$@" >"$tmp/out" 2>"$tmp/err" ||
      { cat "$tmp/err" >&2; exit 1; }
    unset WEFT_OPTIONS
    if grep -q 'WARNING: weft' "$tmp/err"; then cat "$tmp/err" >&2; exit 1; fi
    read -r _ p1 _ p2 _ <"$tmp/out"
    echo "$p1" >>"$tmp/p1"
    echo "$p2" >>"$tmp/p2"
    awk '{ printf "%.0f\n", $1 / 1024 }' "$tmp/time" >>"$tmp/rss"
  done
  echo "$(median <"$tmp/p1") $(median <"$tmp/p2") $(median <"$tmp/rss")"
}

command -v /usr/bin/time >/dev/null || { echo "bench/lockgraph.sh: needs /usr/bin/time (GNU time)" >&2; exit 1; }
echo "| locks | distinct edges | cycles | native pass 1 s | weft pass 1 s | without graph s | graph µs per new edge | weft pass 2 s | weft MiB | without graph MiB |"
echo "|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|"
for size in "1000 10000" "10000 100000" "10000 200000"; do
  for cycle in 0 1 2; do
    read -r n e <<<"$size"
    read -r n1 _ _ <<<"$(run native "$n" "$e" "$cycle")"
    read -r w1 w2 wm <<<"$(run weft "$n" "$e" "$cycle")"
    read -r g1 _ gm <<<"$(run nograph "$n" "$e" "$cycle")"
    edges=$e
    ((cycle == 2)) && edges=$((2 * e))
    per=$(awk -v w="$w1" -v g="$g1" -v e="$edges" 'BEGIN { printf "%.2f", (w - g) / e * 1e6 }')
    kind=none
    ((cycle == 1)) && kind=one
    ((cycle == 2)) && kind=all
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$edges" "$kind" \
      "$n1" "$w1" "$g1" "$per" "$w2" "$wm" "$gm"
  done
done
