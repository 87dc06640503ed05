#!/usr/bin/env bash
# The weft benchmark: builds each workload in bench/workloads three ways
# (native, ThreadSanitizer, weft), runs the builds in turn N times, and
# prints median wall time and peak RSS with the ratios between them.
# Every run must exit 0 with no report and print the same checksum as the
# others: a detector that reports on these race-free programs fails here.
# This script only measures; docs/performance.md explains the numbers.
#
# Usage: bench/run.sh [--runs N] [--scale S] [--markdown] [--workloads LIST]
#   --runs N     runs per build, alternating native, tsan, weft (default 5)
#   --scale S    work multiplier passed to every workload (default 1)
#   --markdown   print the summary as Markdown tables, for docs/performance.md
#   --workloads LIST  a comma-separated subset of the workloads (default all)
# Environment: CC (default clang-19) for the native and TSan builds;
# TSAN_OPTIONS (default report_bugs=1). WEFT_OPTIONS is cleared so the
# runtime runs with its defaults.  The OpenMP workloads (omp_*) are built
# with -fopenmp and run with OMP_NUM_THREADS (default 4); their TSan build
# runs with Archer (ARCHER, default LLVM 19's libarcher.so), which is how
# ThreadSanitizer understands OpenMP.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
weft_cc=$root/build/bin/weft-cc
cc=${CC:-clang-19}
workloads=(counter_mutex parallel_array producer_consumer
  partial_granule unaligned vector8 mixed_bytes memcpy_var alloc_free libc_text inflate_window
  omp_stencil omp_tasks)

runs=5
scale=1
markdown=0
builds=native,tsan,weft # --only LIST (undocumented): a subset, for debugging
timeout=600             # --timeout S (undocumented): kill a run after S s
only_workloads=

die() {
  echo "bench/run.sh: $*" >&2
  exit 1
}
usage() {
  sed -n '/^# Usage:/,/^# runtime/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit "$1"
}

while (($#)); do
  case $1 in
  --runs) runs=${2-}; shift ;;
  --runs=*) runs=${1#*=} ;;
  --scale) scale=${2-}; shift ;;
  --scale=*) scale=${1#*=} ;;
  --markdown) markdown=1 ;;
  --only) builds=${2-}; shift ;;
  --only=*) builds=${1#*=} ;;
  --workloads) only_workloads=${2-}; shift ;;
  --workloads=*) only_workloads=${1#*=} ;;
  --timeout) timeout=${2-}; shift ;;
  --timeout=*) timeout=${1#*=} ;;
  -h | --help) usage 0 ;;
  *) echo "bench/run.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
  shift
done

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive integer, not '$runs'"
[[ $scale =~ ^([0-9]+\.?[0-9]*|\.[0-9]+)$ ]] && awk -v s="$scale" 'BEGIN { exit !(s > 0) }' ||
  die "--scale needs a positive number, not '$scale'"
[[ $timeout =~ ^[1-9][0-9]*$ ]] || die "--timeout needs a positive integer, not '$timeout'"
if [[ -n $only_workloads ]]; then
  IFS=, read -r -a chosen <<<"$only_workloads"
  for w in "${chosen[@]}"; do
    [[ " ${workloads[*]} " == *" $w "* ]] || die "--workloads: unknown workload '$w' (${workloads[*]})"
  done
  workloads=("${chosen[@]}")
fi
IFS=, read -r -a build_list <<<"$builds"
((${#build_list[@]})) || die "--only needs at least one of native,tsan,weft"
for b in "${build_list[@]}"; do
  [[ $b == native || $b == tsan || $b == weft ]] || die "--only: unknown build '$b' (native, tsan, weft)"
done

command -v "$cc" >/dev/null || die "$cc not found (set CC to a clang with -fsanitize=thread)"
if [[ ,$builds, == *,weft,* && ! -x $weft_cc ]]; then
  die "weft is not built: ${weft_cc#"$root"/} is missing. Build it from the repository root with
  cmake -S . -B build -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 && cmake --build build -j2"
fi

export TSAN_OPTIONS=${TSAN_OPTIONS-report_bugs=1}
unset WEFT_OPTIONS

# Other work on the machine does not just add noise: it takes cores away,
# and the lock-bound workloads then run faster natively (fewer contended
# locks), which skews the ratios.  Checked before our own builds add load.
if awk -v n="$(nproc)" '{ exit !($1 > n / 4) }' /proc/loadavg 2>/dev/null; then
  echo "bench: warning: load average $(cut -d' ' -f1 /proc/loadavg): the machine is busy;" \
    "figures will be noisy" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- build --------------------------------------------------------------
compile() { # compile LOG COMPILER ARGS...: show the log and stop on failure
  local log=$1
  shift
  "$@" >"$log" 2>&1 || { cat "$log" >&2; die "build failed: $*"; }
}

compile "$tmp/measure.log" "$cc" -O2 -std=c11 "$here/measure.c" -o "$tmp/measure"
omp_flag() { [[ $1 == omp_* ]] && echo -fopenmp || true; }
archer=${ARCHER:-$(llvm-config-19 --libdir 2>/dev/null || echo /usr/lib/llvm-19/lib)/libarcher.so}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-4}
for w in "${workloads[@]}"; do
  src=$here/workloads/$w.c
  for b in "${build_list[@]}"; do
    case $b in
    native) compile "$tmp/$w.$b.log" "$cc" -O2 -g -pthread $(omp_flag "$w") "$src" -o "$tmp/$w.$b" ;;
    tsan) compile "$tmp/$w.$b.log" "$cc" -O2 -g -fsanitize=thread $(omp_flag "$w") "$src" -o "$tmp/$w.$b" ;;
    weft) compile "$tmp/$w.$b.log" "$weft_cc" -O2 $(omp_flag "$w") "$src" -o "$tmp/$w.$b" ;;
    esac
  done
done

# --- run ----------------------------------------------------------------
# One line per run in $tmp/data: "WORKLOAD BUILD SECONDS PEAK_RSS_KIB".
: >"$tmp/data"
echo "bench: ${#workloads[@]} workloads x ${build_list[*]} x $runs runs, scale $scale" >&2
for w in "${workloads[@]}"; do
  for ((i = 1; i <= runs; i++)); do
    line="  $w run $i/$runs:"
    for b in "${build_list[@]}"; do
      rc=0
      tool=()
      if [[ $w == omp_* && $b == tsan ]]; then
        [[ -e $archer ]] || die "Archer not found at $archer (package libomp-19-dev, or set ARCHER)"
        tool=(env OMP_TOOL_LIBRARIES="$archer" TSAN_OPTIONS="$TSAN_OPTIONS:ignore_noninstrumented_modules=1")
      fi
      "${tool[@]}" "$tmp/measure" -t "$timeout" "$tmp/result" "$tmp/$w.$b" "$scale" \
        >"$tmp/out" 2>"$tmp/err" || rc=$?
      # A report counts as a failure even if an exit code option hid it.
      if ((rc != 0)) || grep -q 'WARNING: \(weft\|ThreadSanitizer\):' "$tmp/err"; then
        echo "$line" >&2
        tail -n 60 "$tmp/err" >&2
        die "$w ($b build) run $i failed: exit status $rc"
      fi
      # Every build and run must compute the same thing.
      if [[ ! -e $tmp/$w.expected ]]; then
        cp "$tmp/out" "$tmp/$w.expected"
      elif ! cmp -s "$tmp/out" "$tmp/$w.expected"; then
        die "$w ($b build) run $i printed '$(head -c 200 "$tmp/out")'," \
          "expected '$(head -c 200 "$tmp/$w.expected")'"
      fi
      read -r secs kib <"$tmp/result"
      echo "$w $b $secs $kib" >>"$tmp/data"
      line+=" $b ${secs}s"
    done
    echo "$line" >&2
  done
done

# --- report -------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
compiler=$("$cc" --version | head -n 1)
awk -v workloads="${workloads[*]}" -v runs="$runs" -v scale="$scale" \
  -v markdown="$markdown" -v ncpu="$(nproc)" -v cpu="${cpu:-unknown CPU}" \
  -v compiler="$compiler" '
function median(key,   n, i, j, v, a) {
  n = count[key]
  if (n == 0) return ""
  for (i = 1; i <= n; i++) a[i] = val[key, i]
  for (i = 2; i <= n; i++) {        # insertion sort: n is small
    v = a[i]
    for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]
    a[j + 1] = v
  }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(x, y) { return (x == "" || y == "" || y == 0) ? "" : x / y }
function fmt(x, f) { return x == "" ? "-" : sprintf(f, x) }
function rx(x) { return fmt(x, "%.2fx") }
# Geometric mean of the ratios in column c over the workloads that have it.
function geo(tab, c,   w, s, n) {
  s = 0; n = 0
  for (w = 1; w <= nw; w++)
    if (tab[w, c] != "") { s += log(tab[w, c]); n++ }
  return n ? exp(s / n) : ""
}
function row(cells, n, widths,   i, s) {
  if (markdown) {
    s = "|"
    for (i = 1; i <= n; i++) s = s " " cells[i] " |"
  } else {
    s = sprintf("%-" widths[1] "s", cells[1])
    for (i = 2; i <= n; i++) s = s sprintf(" %" widths[i] "s", cells[i])
  }
  print s
}
function rule(n,   i, s) {
  if (!markdown) return
  s = "|---"
  for (i = 2; i <= n; i++) s = s "|---:"
  print s "|"
}
{
  key = $1 SUBSEP $2
  count[key "t"]++; val[key "t", count[key "t"]] = $3
  count[key "m"]++; val[key "m", count[key "m"]] = $4 / 1024
}
END {
  nw = split(workloads, wl, " ")
  nb = split("native tsan weft", bl, " ")
  for (w = 1; w <= nw; w++) {
    for (b = 1; b <= nb; b++) {
      t[w, b] = median(wl[w] SUBSEP bl[b] "t")
      m[w, b] = median(wl[w] SUBSEP bl[b] "m")
    }
    # Ratio columns: 1 tsan/native, 2 weft/native, 3 weft/tsan.
    tr[w, 1] = ratio(t[w, 2], t[w, 1]); tr[w, 2] = ratio(t[w, 3], t[w, 1])
    tr[w, 3] = ratio(t[w, 3], t[w, 2])
    mr[w, 1] = ratio(m[w, 2], m[w, 1]); mr[w, 2] = ratio(m[w, 3], m[w, 1])
    mr[w, 3] = ratio(m[w, 3], m[w, 2])
  }

  if (!markdown) {
    printf "weft benchmark: median of %d runs per build, scale %s, %d CPUs (%s),\n", \
           runs, scale, ncpu, cpu
    printf "native and TSan built with %s\n\n", compiler
    split("18 10 10 10", pw, " ")
    for (w = 1; w <= nw; w++) {
      split(wl[w] "|native|tsan|weft", c, "|"); row(c, 4, pw)
      c[1] = "  time (s)"
      for (b = 1; b <= nb; b++) c[b + 1] = fmt(t[w, b], "%.3f")
      row(c, 4, pw)
      c[1] = "  slowdown"; c[2] = rx(t[w, 1] == "" ? "" : 1)
      c[3] = rx(tr[w, 1]); c[4] = rx(tr[w, 2]); row(c, 4, pw)
      c[1] = "  peak RSS (MiB)"
      for (b = 1; b <= nb; b++) c[b + 1] = fmt(m[w, b], "%.1f")
      row(c, 4, pw)
      c[1] = "  memory ratio"; c[2] = rx(m[w, 1] == "" ? "" : 1)
      c[3] = rx(mr[w, 1]); c[4] = rx(mr[w, 2]); row(c, 4, pw)
      printf "  weft/TSan: time %s, memory %s\n\n", rx(tr[w, 3]), rx(mr[w, 3])
    }
    print "Summary"
  } else {
    print "Median of " runs " runs per build, scale " scale ", on " ncpu \
          " CPUs (" cpu "); native and TSan built with " compiler "."
  }

  split("18 9 9 9 8 8 10", sw, " ")
  for (k = 1; k <= 2; k++) {
    print ""
    if (k == 1)
      split("wall time|native s|tsan s|weft s|tsan x|weft x|weft/tsan", c, "|")
    else
      split("peak RSS|native MiB|tsan MiB|weft MiB|tsan x|weft x|weft/tsan", c, "|")
    row(c, 7, sw); rule(7)
    for (w = 1; w <= nw; w++) {
      c[1] = wl[w]
      for (b = 1; b <= nb; b++)
        c[b + 1] = k == 1 ? fmt(t[w, b], "%.3f") : fmt(m[w, b], "%.1f")
      for (r = 1; r <= 3; r++) c[r + 4] = rx(k == 1 ? tr[w, r] : mr[w, r])
      row(c, 7, sw)
    }
    c[1] = "geometric mean"; c[2] = c[3] = c[4] = ""
    for (r = 1; r <= 3; r++) c[r + 4] = rx(k == 1 ? geo(tr, r) : geo(mr, r))
    row(c, 7, sw)
  }
}' "$tmp/data"
