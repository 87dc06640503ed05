#!/usr/bin/env bash
# The lock-order graph at scale: builds bench/lockgraph.c natively and
# with weft and prints, for each size, the time of the first pass (every
# acquisition order new: edges added, the graph's order maintained) and
# of the second (every order repeated: chain-cache hits), and weft's
# extra time per new edge.  docs/deadlocks.md quotes the figures.
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

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run BUILD ARGS...: prints "PASS1 PASS2", medians over the runs; a
# report or a failure stops the benchmark (these orders never cycle).
run() {
  local b=$1
  shift
  : >"$tmp/p1"
  : >"$tmp/p2"
  for ((i = 0; i < runs; i++)); do
    "$tmp/$b" "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    if grep -q 'WARNING: weft' "$tmp/err"; then cat "$tmp/err" >&2; exit 1; fi
    read -r _ p1 _ p2 _ <"$tmp/out"
    echo "$p1" >>"$tmp/p1"
    echo "$p2" >>"$tmp/p2"
  done
  echo "$(median <"$tmp/p1") $(median <"$tmp/p2")"
}

echo "| locks | distinct edges | cycle present | native pass 1 s | weft pass 1 s | weft µs per new edge | native pass 2 s | weft pass 2 s |"
echo "|---:|---:|:---:|---:|---:|---:|---:|---:|"
for size in "1000 10000" "10000 100000" "10000 200000"; do
  for cycle in 0 1; do
    read -r n e <<<"$size"
    read -r n1 n2 <<<"$(run native "$n" "$e" "$cycle")"
    read -r w1 w2 <<<"$(run weft "$n" "$e" "$cycle")"
    per=$(awk -v w="$w1" -v n="$n1" -v e="$e" 'BEGIN { printf "%.2f", (w - n) / e * 1e6 }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$e" \
      "$( ((cycle)) && echo yes || echo no)" "$n1" "$w1" "$per" "$n2" "$w2"
  done
done
