#!/usr/bin/env bash
# The real-program benchmark: fetches real programs from Debian source
# packages, builds each three ways (native, ThreadSanitizer, weft), runs
# the builds in turn N times on a fixed workload and prints median wall
# time and peak RSS with the ratios between them, the reports each detector
# made, and how long each build took.  The workloads are race-free as far
# as we know, but these are real programs: a report does not fail a run, it
# is counted.  A crash, a timeout, missing output or output that differs
# from the native build's does fail it.  docs/performance.md explains the
# numbers; bench/run.sh is the micro-benchmark.
#
# Usage: bench/real.sh [--runs N] [--only PROG[,PROG...]] [--timeout S]
#                      [--markdown] [--jobs J] [--keep]
#   --runs N      runs per build, alternating native, tsan, weft (default 3)
#   --only LIST   programs to run, comma-separated (default: every recipe
#                 in bench/real/; --only list prints their names)
#   --timeout S   kill a run after S seconds and count it as "timeout"
#                 (default 900)
#   --markdown    print the results as Markdown tables, for
#                 docs/performance.md
#   --jobs J      parallel jobs for the builds (default 2, at most nproc)
#   --keep        keep the scratch folder (builds, inputs, logs)
# Environment: CC / CXX (default clang-19 / clang++-19) for the native and
# TSan builds; TSAN_OPTIONS (default report_bugs=1:halt_on_error=0);
# WEFT_OPTIONS is cleared so the runtime runs with its defaults;
# WEFT_BENCH_CACHE: where sources and logs are kept (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/weft-bench); TMPDIR for the scratch folder.
# Fetching needs deb-src entries in APT's sources; as root the script adds
# them (from /etc/apt/sources.list.d/debian.sources) and runs apt-get update.
#
# ---------------------------------------------------------------------------
# THE RECIPE INTERFACE
#
# A program NAME is the recipe bench/real/NAME.sh.  It is sourced, in a
# fresh subshell for each step below, with `set -euo pipefail` in force and
# the working directory named in the step; it defines these functions:
#
#   recipe_fetch SRC
#       Make sure the source is unpacked under the folder SRC (made by the
#       framework, one per program, kept between invocations in the cache:
#       $WEFT_BENCH_CACHE/src/NAME).  Must be idempotent and cheap the
#       second time; use `real_apt_source PKG SRC` (below), which leaves
#       the unpacked source at SRC/PKG.  Never write into SRC elsewhere:
#       builds happen in OUT.
#   recipe_input SRC WORK
#       Make the input data under the folder WORK (fresh, empty, one per
#       program and invocation, shared by every build and run; treat it as
#       read-only afterwards).  Must be deterministic: the same bytes on
#       every machine (use `real_gen_text`, or files of the source tree).
#   recipe_build SRC MODE CC CXX CFLAGS OUT
#       Build into the folder OUT (fresh, empty, also the working
#       directory) and leave the runnable programs there.  MODE is native,
#       tsan or weft; CC, CXX and CFLAGS are the compilers and flags of the
#       mode (below).  Use CFLAGS for every compile, C and C++, and for
#       every link: the -fsanitize=thread of the TSan build must reach the
#       linker.  Build every library the workload spends its time in from
#       source too, with the same CC and CFLAGS, and link it statically, so
#       it is instrumented.  Use `make -j"$REAL_JOBS"`.  The whole function
#       is timed: that is the build's compile time.  Its output goes to a
#       log, shown when it fails.
#   recipe_run OUT WORK RUNDIR
#       Run the workload once, with RUNDIR (fresh, empty, removed after the
#       run) as the working directory and scratch space.  Start every
#       program invocation that should be timed through `real_time`
#       (below); only those are timed, each in full, and nothing else
#       recipe_run does (preparing, checksumming) counts.  Print on stdout
#       a few lines that must be the same for every build and every run,
#       e.g. a checksum of what the program wrote: the framework compares
#       them with the native run's.  Print nothing else on stdout (redirect
#       the program's own output to a file and checksum it).  Fail (exit
#       non-zero) if the output is wrong in a way you can check yourself,
#       e.g. a round trip that does not give back the input.
#   RECIPE_DESC="one line"   (optional) what the workload does, for the output
#
# The modes:
#   native   CC=clang-19 CXX=clang++-19  CFLAGS="-O2 -g -pthread"
#   tsan     CC=clang-19 CXX=clang++-19  CFLAGS="-O2 -g -fsanitize=thread"
#   weft     CC=build/bin/weft-cc CXX=build/bin/weft-c++  CFLAGS="-O2 -g"
#            (absolute paths; the wrappers add the runtime when linking)
#
# What the framework gives the recipes:
#   real_apt_source PKG DEST
#       Once: add deb-src entries if there are none (as root), run apt-get
#       update if APT does not know the source package, `apt-get source PKG`
#       in DEST, and link the unpacked tree (Debian's patches applied) to
#       DEST/PKG.  Later calls return at once.  If the archive cannot serve
#       a file of the package (a partial mirror), it tries in turn: the
#       other versions APT knows, the next Debian release's package (its
#       source list read into a private APT state in the cache, the
#       system's left alone; WEFT_BENCH_FALLBACK_SUITE names another), and
#       last the upstream tarball alone, unpacked without Debian's patches
#       (so a recipe may have to patch its copy in recipe_build).  Records
#       the version and where it came from, which the output prints.
#   real_time COMMAND [ARG...]
#       Run COMMAND under bench/measure.c with the run's remaining time as
#       its timeout.  The run's time is the sum of its real_time commands'
#       wall times, its peak RSS the largest of theirs.  stdin and stdout are the caller's, redirect them as
#       usual; its stderr always goes to the run's log, where reports are
#       counted (do not redirect it).  Returns 0 if COMMAND exited 0, or
#       exited non-zero after printing a detector report (TSan and weft
#       exit 66 then); otherwise returns non-zero, which ends recipe_run
#       (set -e) and fails the run: timeout, signal, or exit status.
#   real_gen_text SEED BYTES FILE
#       Write BYTES bytes of deterministic pseudo-English text to FILE
#       (bench/textgen.c; the same bytes for the same SEED everywhere).
#   REAL_JOBS     parallel jobs for make
#   REAL_MODE     the mode of the build being run (in recipe_run)
#   real_log MESSAGE...   print a line on stderr (the step's log)
# ---------------------------------------------------------------------------
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
recipes=$here/real
weft_cc=$root/build/bin/weft-cc
weft_cxx=$root/build/bin/weft-c++
cc=${CC:-clang-19}
cxx=${CXX:-clang++-19}
cache=${WEFT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/weft-bench}
modes=(native tsan weft)

runs=3
only=
timeout=900
markdown=0
keep=0
jobs=2

die() {
  echo "bench/real.sh: $*" >&2
  exit 1
}
usage() {
  sed -n '/^# Usage:/,/^# them (from/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit "$1"
}

while (($#)); do
  case $1 in
  --runs) runs=${2-}; shift ;;
  --runs=*) runs=${1#*=} ;;
  --only) only=${2-}; shift ;;
  --only=*) only=${1#*=} ;;
  --timeout) timeout=${2-}; shift ;;
  --timeout=*) timeout=${1#*=} ;;
  --jobs | -j) jobs=${2-}; shift ;;
  --jobs=*) jobs=${1#*=} ;;
  --markdown) markdown=1 ;;
  --keep) keep=1 ;;
  -h | --help) usage 0 ;;
  *) echo "bench/real.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
  shift
done

all_programs=()
for f in "$recipes"/*.sh; do
  [[ -e $f ]] && all_programs+=("$(basename "$f" .sh)")
done
((${#all_programs[@]})) || die "no recipes in ${recipes#"$root"/}/"
if [[ $only == list ]]; then
  printf '%s\n' "${all_programs[@]}"
  exit 0
fi

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive integer, not '$runs'"
[[ $timeout =~ ^[1-9][0-9]*$ ]] || die "--timeout needs a positive integer (seconds), not '$timeout'"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs needs a positive integer, not '$jobs'"
((jobs <= $(nproc))) || jobs=$(nproc)
if [[ -n $only ]]; then
  IFS=, read -r -a wanted <<<"$only"
  programs=()
  for p in "${wanted[@]}"; do
    [[ -n $p ]] || continue
    [[ -f $recipes/$p.sh ]] ||
      die "--only: no recipe '$p' (${recipes#"$root"/}/$p.sh); there are: ${all_programs[*]}"
    [[ " ${programs[*]} " == *" $p "* ]] || programs+=("$p")
  done
  ((${#programs[@]})) || die "--only needs at least one program (${all_programs[*]})"
else
  programs=("${all_programs[@]}")
fi

command -v "$cc" >/dev/null || die "$cc not found (set CC to a clang with -fsanitize=thread)"
command -v "$cxx" >/dev/null || die "$cxx not found (set CXX to a clang++ with -fsanitize=thread)"
cc=$(command -v "$cc")
cxx=$(command -v "$cxx")
if [[ ! -x $weft_cc || ! -x $weft_cxx ]]; then
  die "weft is not built: ${weft_cc#"$root"/} or ${weft_cxx#"$root"/} is missing.
  Build it from the repository root with: bash scripts/setup.sh"
fi
for tool in make sha256sum flock; do
  command -v "$tool" >/dev/null || die "$tool not found (it is needed to build and check the programs)"
done

# The weft being measured: the runtime is linked in at build time.
revision=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)

export TSAN_OPTIONS=${TSAN_OPTIONS-report_bugs=1:halt_on_error=0}
unset WEFT_OPTIONS

if awk -v n="$(nproc)" '{ exit !($1 > n / 4) }' /proc/loadavg 2>/dev/null; then
  echo "bench/real.sh: warning: load average $(cut -d' ' -f1 /proc/loadavg): the machine is busy;" \
    "figures will be noisy" >&2
fi

mkdir -p "$cache/src" || die "cannot create the cache folder $cache (set WEFT_BENCH_CACHE)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-real.XXXXXX")
logs=$tmp/logs
mkdir -p "$logs" "$tmp/tools"
cleanup() {
  # The logs outlive the scratch folder: the reports are worth reading.
  if [[ -d $logs ]]; then
    rm -rf "$cache/logs"
    cp -r "$logs" "$cache/logs" 2>/dev/null || true
  fi
  if ((keep)); then
    echo "bench/real.sh: scratch folder kept: $tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# --- helpers for the recipes ------------------------------------------------
# shellcheck disable=SC2034 # used by the recipes
REAL_JOBS=$jobs REAL_MODE=
real_log() { echo "$*" >&2; }

# shellcheck source=SCRIPTDIR/../scripts/lib/debsrc.sh
source "$root/scripts/lib/debsrc.sh"
DEBSRC_WHO=bench/real.sh
real_apt_source() { # real_apt_source PKG DEST
  debsrc_fetch "$1" "$2" "$cache"
}

real_gen_text() { # real_gen_text SEED BYTES FILE
  "$tmp/tools/textgen" "$1" "$2" >"$3"
}

# Set per run by the framework: REAL__DEADLINE (epoch seconds), and the
# files REAL__STEPS ("seconds kib status" per timed command), REAL__ERR (the
# run's stderr log), REAL__FAIL (why the run failed, if it did).
real__reports() { # real__reports FILE: detector reports in FILE
  grep -c 'WARNING: \(ThreadSanitizer\|weft\):' "$1" 2>/dev/null || true
}
real_time() {
  (($#)) || { real_log "real_time: no command"; return 2; }
  local before after rc=0 left secs kib sig
  before=$(real__reports "$REAL__ERR")
  left=$((REAL__DEADLINE - EPOCHSECONDS))
  ((left >= 1)) || left=1
  rm -f "$REAL__RESULT"
  "$REAL__MEASURE" -t "$left" "$REAL__RESULT" "$@" 2>>"$REAL__ERR" || rc=$?
  if [[ -s $REAL__RESULT ]]; then
    read -r secs kib <"$REAL__RESULT"
  else
    secs=0 kib=0
  fi
  echo "$secs $kib $rc" >>"$REAL__STEPS"
  ((rc == 0)) && return 0
  after=$(real__reports "$REAL__ERR")
  if ((rc == 124)); then
    echo "timeout: ${1##*/} still running after the run's ${REAL__TIMEOUT} s" >"$REAL__FAIL"
  elif ((rc > 128)); then
    sig=$(kill -l $((rc - 128)) 2>/dev/null || echo "?")
    echo "crash: ${1##*/} killed by signal $((rc - 128)) (SIG$sig)" >"$REAL__FAIL"
  elif grep -q 'ERROR: ThreadSanitizer:\|ThreadSanitizer:DEADLYSIGNAL\|ThreadSanitizer: CHECK failed' "$REAL__ERR"; then
    echo "crash: ${1##*/} exited with status $rc after a ThreadSanitizer error" >"$REAL__FAIL"
  elif ((after > before)); then
    return 0 # the detector's exit status for "reports were made"
  else
    echo "failed: ${1##*/} exited with status $rc (and made no report)" >"$REAL__FAIL"
  fi
  return "$rc"
}

# Runs recipe step FUNCTION of program PROG in a subshell, in folder DIR,
# stdout to OUT and stderr appended to ERR (or both to OUT if ERR is "");
# sets step_rc.  Never called in a condition (if, ||, &&): bash would then
# ignore set -e inside the recipe's functions too.
real__step() { # real__step OUT ERR DIR PROG FUNCTION ARGS...
  local out=$1 err=$2 dir=$3 prog=$4
  shift 4
  set +e
  if [[ -z $err ]]; then
    real__step_body "$dir" "$prog" "$@" >"$out" 2>&1
  else
    real__step_body "$dir" "$prog" "$@" >"$out" 2>>"$err"
  fi
  step_rc=$?
  set -e
}
real__step_body() {
  local dir=$1 prog=$2
  shift 2
  (
    set -euo pipefail
    cd "$dir"
    unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS LIBS MAKEFLAGS MFLAGS
    # shellcheck source=/dev/null
    source "$recipes/$prog.sh"
    declare -F "$1" >/dev/null || { real_log "${recipes#"$root"/}/$prog.sh defines no $1"; exit 1; }
    "$@"
  )
}

# --- tools ------------------------------------------------------------------
compile_tool() { # compile_tool NAME SOURCE
  "$cc" -O2 -std=c11 "$2" -o "$tmp/tools/$1" >"$logs/$1.log" 2>&1 ||
    { cat "$logs/$1.log" >&2; die "cannot build the helper ${2#"$root"/}"; }
}
compile_tool measure "$here/measure.c"
compile_tool textgen "$here/textgen.c"
REAL__MEASURE=$tmp/tools/measure
REAL__TIMEOUT=$timeout

cflags_of() {
  case $1 in
  native) echo "-O2 -g -pthread" ;;
  tsan) echo "-O2 -g -fsanitize=thread" ;;
  weft) echo "-O2 -g" ;;
  esac
}

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- data -------------------------------------------------------------------
# $tmp/data, one line per fact:
#   run PROG MODE I STATUS SECONDS KIB REPORTS DEPOT_FULL
#   build PROG MODE STATUS SECONDS
#   desc PROG TEXT...   and   version PROG TEXT...
data=$tmp/data
: >"$data"
failures=()
fail() { # fail MESSAGE: a failure, reported now and again at the end
  failures+=("$*")
  echo "bench/real.sh: FAILED: $*" >&2
}

echo "bench/real.sh: ${programs[*]} x ${modes[*]} x $runs runs (timeout ${timeout} s)" >&2
for prog in "${programs[@]}"; do
  src=$cache/src/$prog
  work=$tmp/work/$prog
  mkdir -p "$src" "$work"
  # shellcheck source=/dev/null
  desc=$( (source "$recipes/$prog.sh" && printf '%s' "${RECIPE_DESC-}") 2>/dev/null || true)
  echo "desc $prog ${desc:-}" >>"$data"

  echo "bench: $prog: fetching the source" >&2
  real__step "$logs/$prog.fetch.log" "" "$src" "$prog" recipe_fetch "$src"
  if ((step_rc != 0)); then
    tail -n 30 "$logs/$prog.fetch.log" >&2
    die "$prog: fetching the source failed (log above)"
  fi
  versions=
  for f in "$src"/.*.fetched; do
    [[ -f $f ]] || continue
    p=${f##*/.}
    versions+="${versions:+, }${p%.fetched} $(cat "$f")"
  done
  echo "version $prog ${versions:-}" >>"$data"

  echo "bench: $prog: making the input" >&2
  real__step "$logs/$prog.input.log" "" "$work" "$prog" recipe_input "$src" "$work"
  if ((step_rc != 0)); then
    tail -n 30 "$logs/$prog.input.log" >&2
    die "$prog: making the input failed (log above)"
  fi

  declare -A built=()
  for mode in "${modes[@]}"; do
    out=$tmp/build/$prog.$mode
    mkdir -p "$out"
    case $mode in
    weft) mcc=$weft_cc mcxx=$weft_cxx ;;
    *) mcc=$cc mcxx=$cxx ;;
    esac
    echo "bench: $prog: building ($mode)" >&2
    t0=$(now)
    real__step "$logs/$prog.$mode.build.log" "" "$out" "$prog" \
      recipe_build "$src" "$mode" "$mcc" "$mcxx" "$(cflags_of "$mode")" "$out"
    rc=$step_rc
    t1=$(now)
    if ((rc == 0)); then
      built[$mode]=1
      echo "build $prog $mode ok $(elapsed "$t0" "$t1")" >>"$data"
      echo "bench: $prog: built ($mode) in $(elapsed "$t0" "$t1") s" >&2
    else
      echo "build $prog $mode failed $(elapsed "$t0" "$t1")" >>"$data"
      tail -n 25 "$logs/$prog.$mode.build.log" | sed 's/^/  | /' >&2
      fail "$prog: the $mode build failed (status $rc; log: $cache/logs/$prog.$mode.build.log)"
    fi
  done

  # Runs: native, tsan, weft, native, ... A build that failed once is not
  # run again (a crash or a hang tends to repeat, and costs the timeout).
  expected=
  expected_from=
  declare -A broken=()
  for ((i = 1; i <= runs; i++)); do
    line="  $prog run $i/$runs:"
    for mode in "${modes[@]}"; do
      if [[ -z ${built[$mode]-} || -n ${broken[$mode]-} ]]; then
        echo "run $prog $mode $i skipped 0 0 0 0" >>"$data"
        line+=" $mode skipped"
        continue
      fi
      rundir=$tmp/run/$prog.$mode.$i
      rm -rf "$rundir"
      mkdir -p "$rundir"
      base=$logs/$prog.$mode.run$i
      REAL__ERR=$base.stderr REAL__STEPS=$base.steps REAL__FAIL=$base.fail
      # shellcheck disable=SC2034 # used by real_time and the recipes
      REAL__RESULT=$tmp/result REAL_MODE=$mode
      : >"$REAL__ERR"
      : >"$REAL__STEPS"
      rm -f "$REAL__FAIL"
      REAL__DEADLINE=$((EPOCHSECONDS + timeout))
      real__step "$base.check" "$REAL__ERR" "$rundir" "$prog" \
        recipe_run "$tmp/build/$prog.$mode" "$work" "$rundir"
      rc=$step_rc
      rm -rf "$rundir"

      read -r secs kib < <(awk '{ s += $1; if ($2 > m) m = $2 } END { printf "%.3f %d\n", s, m }' "$REAL__STEPS")
      case $mode in
      tsan) reports=$(grep -c 'WARNING: ThreadSanitizer:' "$REAL__ERR" || true) ;;
      weft) reports=$(grep -c 'WARNING: weft:' "$REAL__ERR" || true) ;;
      *) reports=$(grep -c 'WARNING: \(ThreadSanitizer\|weft\):' "$REAL__ERR" || true) ;;
      esac
      depot=$(grep -c 'depot full' "$REAL__ERR" || true)

      status=ok
      why=
      if [[ -f $REAL__FAIL ]]; then
        why=$(cat "$REAL__FAIL")
        case $why in
        timeout*) status=timeout ;;
        crash*) status=crash ;;
        *) status=failed ;;
        esac
      elif ((rc != 0)); then
        status=failed
        why="recipe_run failed with status $rc"
      elif [[ ! -s $REAL__STEPS ]]; then
        status=failed
        why="recipe_run timed no command (it must run the program through real_time)"
      elif [[ ! -s $base.check ]]; then
        status=failed
        why="no output to compare (recipe_run printed nothing)"
      elif [[ -z $expected ]]; then
        expected=$base.check
        expected_from="$mode run $i"
      elif ! cmp -s "$base.check" "$expected"; then
        status=mismatch
        why="output differs from the $expected_from: got '$(head -c 300 "$base.check" | tr '\n' ' ')',"
        why+=" expected '$(head -c 300 "$expected" | tr '\n' ' ')'"
      fi
      echo "run $prog $mode $i $status $secs $kib $reports $depot" >>"$data"
      if [[ $status == ok ]]; then
        line+=" $mode ${secs}s"
        [[ $mode == native ]] || line+=" ($reports reports)"
      else
        line+=" $mode $status"
        broken[$mode]=1
        echo "$line" >&2
        line="  $prog run $i/$runs (continued):"
        grep -v '^$' "$REAL__ERR" | tail -n 40 | sed 's/^/  | /' >&2 || true
        fail "$prog ($mode build) run $i: $why (stderr: $cache/logs/${base##*/}.stderr)"
      fi
      ((depot == 0)) || line+=" [depot full]"
    done
    echo "$line" >&2
  done
  unset built broken
done

# --- report -----------------------------------------------------------------
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
compiler=$("$cc" --version | head -n 1)
awk -v runs="$runs" -v markdown="$markdown" -v ncpu="$(nproc)" -v cpu="${cpu:-unknown CPU}" \
  -v compiler="$compiler" -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" -v revision="$revision" \
  -v programs="${programs[*]}" -v tsan_options="$TSAN_OPTIONS" '
function sort(a, n,   i, j, v) {
  for (i = 2; i <= n; i++) {
    v = a[i]
    for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]
    a[j + 1] = v
  }
}
function median(a, n) {
  if (n == 0) return ""
  sort(a, n)
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(x, y) { return (x == "" || y == "" || y == 0) ? "" : x / y }
function fmt(x, f) { return x == "" ? "-" : sprintf(f, x) }
function rx(x) { return fmt(x, "%.2fx") }
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
# Median over the ok runs of field f (t, m) of program p, mode b.
function med(p, b, f,   i, n, a) {
  n = 0
  for (i = 1; i <= runs; i++)
    if (st[p, b, i] == "ok") a[++n] = (f == "t" ? t[p, b, i] : m[p, b, i] / 1024)
  return median(a, n)
}
# Why the runs of program p, build b were not all ok ("1 timeout, 2
# skipped"), or "" if they were.
function status(p, b,   i, n, c, k, s) {
  n = 0; split("", c)
  for (i = 1; i <= runs; i++) { if (st[p, b, i] == "ok") n++; else c[st[p, b, i]]++ }
  if (n == runs) return ""
  s = ""
  for (k in c) s = s (s == "" ? "" : ", ") c[k] " " k
  return s
}
# The first thing that went wrong, in one word, for a cell without a figure.
function word(p, b,   i) {
  if (bst[p, b] == "failed") return "build failed"
  for (i = 1; i <= runs; i++) if (st[p, b, i] != "ok" && st[p, b, i] != "skipped") return st[p, b, i]
  return "-"
}
# Report counts over the ok runs: "0", or "3-5" when they vary.
function reports(p, b,   i, lo, hi, any) {
  any = 0
  for (i = 1; i <= runs; i++) {
    if (st[p, b, i] != "ok" && st[p, b, i] != "mismatch") continue
    if (!any || r[p, b, i] < lo) lo = r[p, b, i]
    if (!any || r[p, b, i] > hi) hi = r[p, b, i]
    any = 1
  }
  if (!any) return "-"
  return lo == hi ? lo : lo "-" hi
}
function depot(p, b,   i) {
  for (i = 1; i <= runs; i++) if (d[p, b, i] > 0) return 1
  return 0
}
$1 == "run" {
  st[$2, $3, $4] = $5; t[$2, $3, $4] = $6; m[$2, $3, $4] = $7
  r[$2, $3, $4] = $8; d[$2, $3, $4] = $9
}
$1 == "build" { bst[$2, $3] = $4; bt[$2, $3] = $5 }
$1 == "desc" || $1 == "version" {
  s = $0; sub(/^[a-z]+ [^ ]+ ?/, "", s)
  if ($1 == "desc") desc[$2] = s; else ver[$2] = s
}
END {
  np = split(programs, pl, " ")
  nb = split("native tsan weft", bl, " ")
  for (p = 1; p <= np; p++) {
    P = pl[p]
    for (b = 1; b <= nb; b++) {
      T[p, b] = med(P, bl[b], "t"); M[p, b] = med(P, bl[b], "m")
      S[p, b] = bst[P, bl[b]] == "failed" ? "build failed" : status(P, bl[b])
      C[p, b] = bst[P, bl[b]] == "ok" ? bt[P, bl[b]] : ""
    }
    # weft/TSan time: median and range of the per-run ratios (run i of
    # weft over run i of TSan, both ok).
    n = 0; split("", a)
    for (i = 1; i <= runs; i++)
      if (st[P, "tsan", i] == "ok" && st[P, "weft", i] == "ok" && t[P, "tsan", i] > 0)
        a[++n] = t[P, "weft", i] / t[P, "tsan", i]
    WT[p] = median(a, n); WTlo[p] = n ? a[1] : ""; WThi[p] = n ? a[n] : ""
    WM[p] = ratio(M[p, 3], M[p, 2])
    TN[p] = ratio(T[p, 2], T[p, 1]); WN[p] = ratio(T[p, 3], T[p, 1])
    TMN[p] = ratio(M[p, 2], M[p, 1]); WMN[p] = ratio(M[p, 3], M[p, 1])
    CW[p] = ratio(C[p, 3], C[p, 2])
  }
  for (p = 1; p <= np; p++) {
    G["wt"] += WT[p] != "" ? log(WT[p]) : 0; N["wt"] += WT[p] != ""
    G["wm"] += WM[p] != "" ? log(WM[p]) : 0; N["wm"] += WM[p] != ""
    G["tn"] += TN[p] != "" ? log(TN[p]) : 0; N["tn"] += TN[p] != ""
    G["wn"] += WN[p] != "" ? log(WN[p]) : 0; N["wn"] += WN[p] != ""
    G["tmn"] += TMN[p] != "" ? log(TMN[p]) : 0; N["tmn"] += TMN[p] != ""
    G["wmn"] += WMN[p] != "" ? log(WMN[p]) : 0; N["wmn"] += WMN[p] != ""
    G["cw"] += CW[p] != "" ? log(CW[p]) : 0; N["cw"] += CW[p] != ""
  }
  for (k in N) GM[k] = N[k] ? exp(G[k] / N[k]) : ""

  machine = ncpu " CPUs (" cpu ")"
  if (!markdown) {
    printf "weft real-program benchmark, %s: median of %d runs per build,\n", date, runs
    printf "%s; native and TSan built with %s; weft %s\n", machine, compiler, revision
    printf "TSAN_OPTIONS=%s, WEFT_OPTIONS unset\n\n", tsan_options
    split("18 12 12 12", w, " ")
    for (p = 1; p <= np; p++) {
      P = pl[p]
      print P (ver[P] != "" ? " (" ver[P] ")" : "") (desc[P] != "" ? ": " desc[P] : "")
      split("|native|tsan|weft", c, "|"); row(c, 4, w)
      c[1] = "  time (s)"
      for (b = 1; b <= nb; b++) c[b + 1] = T[p, b] != "" ? fmt(T[p, b], "%.3f") : word(P, bl[b])
      row(c, 4, w)
      c[1] = "  x native"; c[2] = rx(T[p, 1] == "" ? "" : 1); c[3] = rx(TN[p]); c[4] = rx(WN[p])
      row(c, 4, w)
      c[1] = "  peak RSS (MiB)"
      for (b = 1; b <= nb; b++) c[b + 1] = fmt(M[p, b], "%.1f")
      row(c, 4, w)
      c[1] = "  x native"; c[2] = rx(M[p, 1] == "" ? "" : 1); c[3] = rx(TMN[p]); c[4] = rx(WMN[p])
      row(c, 4, w)
      c[1] = "  reports/run"; c[2] = reports(P, "native"); c[3] = reports(P, "tsan")
      c[4] = reports(P, "weft") (depot(P, "weft") ? " (depot full)" : "")
      row(c, 4, w)
      c[1] = "  compile (s)"
      for (b = 1; b <= nb; b++) c[b + 1] = C[p, b] != "" ? fmt(C[p, b], "%.1f") : "failed"
      row(c, 4, w)
      bad = 0
      for (b = 1; b <= nb; b++) if (S[p, b] != "") bad = 1
      if (bad) {
        printf "  not ok:"
        for (b = 1; b <= nb; b++) if (S[p, b] != "") printf " %s %s;", bl[b], S[p, b]
        printf "\n"
      }
      printf "  weft/TSan: time %s", rx(WT[p])
      if (WT[p] != "") printf " (%.2f-%.2f over %s)", WTlo[p], WThi[p], "the runs"
      printf ", peak RSS %s, compile time %s\n\n", rx(WM[p]), rx(CW[p])
    }
    printf "geometric mean over the programs: weft/TSan time %s, peak RSS %s, compile time %s;\n",
      rx(GM["wt"]), rx(GM["wm"]), rx(GM["cw"])
    printf "  time x native: TSan %s, weft %s; peak RSS x native: TSan %s, weft %s\n",
      rx(GM["tn"]), rx(GM["wn"]), rx(GM["tmn"]), rx(GM["wmn"])
    exit
  }

  print "Median of " runs " runs per build on " machine ", " date "; native and TSan built with " \
    compiler ", weft at " revision "; `TSAN_OPTIONS=" tsan_options "`, no `WEFT_OPTIONS`."
  print ""
  split("wall time|native s|tsan s|weft s|tsan x|weft x|weft/tsan|weft/tsan range", c, "|")
  row(c, 8); rule(8)
  for (p = 1; p <= np; p++) {
    c[1] = pl[p]
    for (b = 1; b <= nb; b++) c[b + 1] = T[p, b] != "" ? fmt(T[p, b], "%.2f") : word(pl[p], bl[b])
    c[5] = rx(TN[p]); c[6] = rx(WN[p]); c[7] = rx(WT[p])
    c[8] = WT[p] == "" ? "-" : sprintf("%.2f-%.2fx", WTlo[p], WThi[p])
    row(c, 8)
  }
  split("geometric mean||||", c, "|"); c[5] = rx(GM["tn"]); c[6] = rx(GM["wn"]); c[7] = rx(GM["wt"]); c[8] = ""
  row(c, 8)
  print ""
  split("peak RSS|native MiB|tsan MiB|weft MiB|tsan x|weft x|weft/tsan", c, "|")
  row(c, 7); rule(7)
  for (p = 1; p <= np; p++) {
    c[1] = pl[p]
    for (b = 1; b <= nb; b++) c[b + 1] = fmt(M[p, b], "%.1f")
    c[5] = rx(TMN[p]); c[6] = rx(WMN[p]); c[7] = rx(WM[p])
    row(c, 7)
  }
  split("geometric mean|||", c, "|"); c[5] = rx(GM["tmn"]); c[6] = rx(GM["wmn"]); c[7] = rx(GM["wm"])
  row(c, 7)
  print ""
  split("reports, build|tsan reports/run|weft reports/run|native build s|tsan build s|weft build s|weft/tsan build", c, "|")
  row(c, 7); rule(7)
  for (p = 1; p <= np; p++) {
    P = pl[p]
    c[1] = P; c[2] = reports(P, "tsan")
    c[3] = reports(P, "weft") (depot(P, "weft") ? " (depot full)" : "")
    for (b = 1; b <= nb; b++) c[b + 3] = C[p, b] != "" ? fmt(C[p, b], "%.1f") : "failed"
    c[7] = rx(CW[p])
    row(c, 7)
  }
  split("geometric mean|||||", c, "|"); c[7] = rx(GM["cw"])
  row(c, 7)
  print ""
  for (p = 1; p <= np; p++) {
    s = ""
    for (b = 1; b <= nb; b++) if (S[p, b] != "") s = s " " bl[b] ": " S[p, b] "."
    print "- **" pl[p] "**" (ver[pl[p]] != "" ? " (" ver[pl[p]] ")" : "") \
      (desc[pl[p]] != "" ? ": " desc[pl[p]] : "") (s != "" ? ". Not ok:" s : "")
  }
}' "$data"

if ((${#failures[@]})); then
  echo >&2
  echo "bench/real.sh: ${#failures[@]} failure(s):" >&2
  printf '  %s\n' "${failures[@]}" >&2
  echo "  logs: $cache/logs/" >&2
  exit 1
fi
