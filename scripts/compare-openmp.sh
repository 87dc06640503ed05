#!/usr/bin/env bash
# weft next to ThreadSanitizer and ThreadSanitizer + Archer on OpenMP
# programs.  The suite is not ours: it is LLVM's own Archer test suite
# (openmp/tools/archer/tests), taken at run time from the Debian source
# package of the LLVM that is installed (llvm-toolchain-19), and cached.
# Each test's RUN and CHECK lines give its answer: a test that CHECKs for
# "ThreadSanitizer: data race" has a race, one that CHECK-NOTs it, or that
# must simply run clean, has none.  A test that needs what we lack
# (offload targets, a GPU, a feature lit would not give it) is skipped.
#
# Every program is built two ways, with the same flags:
#   weft   $WEFT_BUILD/bin/weft-cc -fopenmp -O1 -g
#   tsan   clang-19 -fsanitize=thread -fopenmp -O1 -g
# and run three ways, each with OMP_NUM_THREADS=2 and then 8:
#   weft         the weft build (weft is an OMPT tool by itself)
#   TSan         the tsan build alone, with no OMPT tool (OMP_TOOL=disabled)
#   TSan+Archer  the tsan build with OMP_TOOL_LIBRARIES=libarcher.so and
#                TSAN_OPTIONS=ignore_noninstrumented_modules=1, as Archer
#                asks; ARCHER_OPTIONS as the test's RUN line sets them
# A run reported a race when it printed "WARNING: weft: data race" or
# "WARNING: ThreadSanitizer: data race"; a program counts as reported when
# any of its runs did.  Other reports (weft's deadlock or misuse reports,
# TSan's thread leaks) are not races: they are noted, not counted.  A
# program whose runs all failed (build error, crash, timeout) without a
# race report counts as failed, neither a hit nor a miss.  Each run with
# OMP_TOOL_VERBOSE_INIT is checked to have started the tool it is about.
#
# Usage: scripts/compare-openmp.sh [--build DIR] [--only REGEX] [--jobs N]
#            [--timeout S] [--runs N] [--excerpt N] [--markdown] [--keep]
#   --build DIR   the weft build to use (default: $WEFT_BUILD, else the
#                 repository's build/); DIR/bin/weft-cc must exist
#   --only REGEX  programs whose path under the suite (races/task-two.c)
#                 matches (grep -E)
#   --jobs N      programs run N at a time (default 2)
#   --timeout S   limit of one run, in seconds (default 60)
#   --runs N      runs of each build per thread count (default 1)
#   --excerpt N   after the listing, the first N lines of weft's first
#                 report on each program where it reported a race wrongly
#                 (default 0: none)
#   --markdown    print Markdown tables (for docs/openmp.md) instead of text
#   --keep        keep the scratch folder (builds and every run's output)
# Environment: WEFT_BUILD (as --build); CC (default clang-19) for the TSan
# build; ARCHER_LIB (default: libarcher.so as $CC -print-file-name finds
# it); WEFT_OMP_CACHE, where the suite is kept (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/weft/openmp); TMPDIR for the scratch.
# Needs clang-19 with ThreadSanitizer, libomp-19-dev (omp.h, libarcher;
# installed with apt-get when missing and run as root), GNU timeout, and
# for the first run apt-get with deb-src entries (added, as root, from
# /etc/apt/sources.list.d/debian.sources when there are none).  The table
# goes to stdout, progress to stderr.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
llvm=19
srcpkg=llvm-toolchain-$llvm
cc=${CC:-clang-$llvm}
cache=${WEFT_OMP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/weft/openmp}
suite_sub=openmp/tools/archer/tests
tools=(weft tsan archer)
# Field separator of the records below (fields may be empty, which tabs,
# being whitespace to read, would swallow).
US=$'\x1f'
threads=(2 8)

die() {
  echo "compare-openmp: $*" >&2
  exit 1
}
bad_usage() {
  echo "compare-openmp: $* (try --help)" >&2
  exit 2
}
usage() { sed -n '/^# Usage:/,/^# goes to stdout/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
log() { echo "compare-openmp: $*" >&2; }

build=${WEFT_BUILD:-$root/build}
only=""
jobs=2
limit=60
runs=1
excerpt=0
markdown=0
keep=0
while (($#)); do
  case $1 in
  --build) [[ $# -ge 2 ]] || bad_usage "--build needs a folder"; build=$2; shift ;;
  --build=*) build=${1#*=} ;;
  --only) [[ $# -ge 2 ]] || bad_usage "--only needs a pattern"; only=$2; shift ;;
  --only=*) only=${1#*=} ;;
  --jobs | -j) [[ $# -ge 2 ]] || bad_usage "--jobs needs a number"; jobs=$2; shift ;;
  --jobs=*) jobs=${1#*=} ;;
  --timeout) [[ $# -ge 2 ]] || bad_usage "--timeout needs a number of seconds"; limit=$2; shift ;;
  --timeout=*) limit=${1#*=} ;;
  --runs) [[ $# -ge 2 ]] || bad_usage "--runs needs a number"; runs=$2; shift ;;
  --runs=*) runs=${1#*=} ;;
  --excerpt) [[ $# -ge 2 ]] || bad_usage "--excerpt needs a number of lines"; excerpt=$2; shift ;;
  --excerpt=*) excerpt=${1#*=} ;;
  --markdown) markdown=1 ;;
  --keep) keep=1 ;;
  -h | --help) usage; exit 0 ;;
  *) bad_usage "unknown argument '$1'" ;;
  esac
  shift
done
[[ $jobs =~ ^[1-9][0-9]*$ ]] || bad_usage "--jobs wants a positive number, not '$jobs'"
[[ $limit =~ ^[1-9][0-9]*$ ]] || bad_usage "--timeout wants a positive number of seconds, not '$limit'"
[[ $runs =~ ^[1-9][0-9]*$ ]] || bad_usage "--runs wants a positive number, not '$runs'"
[[ $excerpt =~ ^[0-9]+$ ]] || bad_usage "--excerpt wants a number of lines, not '$excerpt'"
if [[ -n $only ]]; then
  rc=0
  grep -Eq -- "$only" <<<"" 2>/dev/null || rc=$?
  ((rc < 2)) || bad_usage "--only: '$only' is not a valid extended regular expression"
fi

[[ -d $build ]] || die "no weft build at '$build' (cmake --build build, or --build DIR)"
build=$(cd "$build" && pwd)
weft_cc=$build/bin/weft-cc
[[ -x $weft_cc ]] || die "$weft_cc is missing: build weft first (cmake --build $build)"
command -v "$cc" >/dev/null || die "$cc not found (set CC to a clang $llvm with ThreadSanitizer)"
command -v timeout >/dev/null || die "GNU timeout not found (coreutils)"

# ---- libomp, omp.h and Archer ---------------------------------------------
have_omp_dev() {
  echo '#include <omp.h>' | "$cc" -fopenmp -fsyntax-only -x c - 2>/dev/null &&
    [[ -f $("$cc" -print-file-name=libarcher.so) ]]
}
if ! have_omp_dev; then
  if ((EUID == 0)); then
    log "omp.h or libarcher.so missing: apt-get install -y libomp-$llvm-dev"
    apt-get install -y -q "libomp-$llvm-dev" >&2 || die "apt-get install libomp-$llvm-dev failed"
  fi
  have_omp_dev || die "omp.h or libarcher.so not found: install libomp-$llvm-dev (apt-get install -y libomp-$llvm-dev)"
fi
archer=${ARCHER_LIB:-$(readlink -f "$("$cc" -print-file-name=libarcher.so)")}
[[ -f $archer ]] || die "Archer not found at '$archer' (ARCHER_LIB names it)"

# ---- the suite -------------------------------------------------------------
# shellcheck source=SCRIPTDIR/lib/debsrc.sh
source "$here/lib/debsrc.sh"
DEBSRC_WHO=compare-openmp
ensure_deb_src() {
  debsrc_known "$srcpkg" || die "apt-get cannot fetch the $srcpkg source package (see above)"
}

# The version of the LLVM whose libomp and Archer we run: the tests of the
# same release.  Empty when libomp-19-dev is not a package here.
want_version=$(dpkg-query -W -f '${source:Version}' "libomp-$llvm-dev" 2>/dev/null || true)

# fetch_suite: leaves the tests under $suite_root/$suite_sub; downloads the
# source package only when no cached copy of that version is there.  Only
# the test folder is unpacked from the upstream tarball (Debian's patches
# change the build of Archer, not its tests), and the download is removed.
fetch_suite() {
  mkdir -p "$cache"
  local v=${want_version#*:}
  if [[ -n $v && -f $cache/$srcpkg-$v/.complete ]]; then
    suite_root=$cache/$srcpkg-$v
    return
  fi
  if [[ -z $v ]]; then
    # No installed version to match: the newest cached copy, if any.
    local d
    for d in "$cache/$srcpkg"-*/; do
      [[ -f $d/.complete ]] && suite_root=${d%/}
    done
    [[ -n ${suite_root:-} ]] && return
  fi
  ensure_deb_src
  local dl
  dl=$(mktemp -d "$cache/download.XXXXXX")
  # apt's sandbox user must be able to write the files.
  chmod 755 "$dl"
  log "fetching the $srcpkg source package (${want_version:-newest}) into the cache: $cache"
  if ! (cd "$dl" && apt-get source --download-only -q "$srcpkg${want_version:+=$want_version}") >&2; then
    [[ -n $want_version ]] || { rm -rf "$dl"; die "apt-get source $srcpkg failed"; }
    log "version $want_version is not in the archive; taking the one APT has"
    (cd "$dl" && apt-get source --download-only -q "$srcpkg") >&2 || { rm -rf "$dl"; die "apt-get source $srcpkg failed"; }
  fi
  local dsc orig got
  dsc=$(find "$dl" -maxdepth 1 -name "${srcpkg}_*.dsc" | head -n1)
  orig=$(find "$dl" -maxdepth 1 -name "${srcpkg}_*.orig.tar.*" | head -n1)
  [[ -n $dsc && -n $orig ]] || { rm -rf "$dl"; die "apt-get source left no .dsc or orig tarball in $dl"; }
  got=$(sed -n 's/^Version: //p' "$dsc" | head -n1)
  v=${got#*:}
  local dest=$cache/$srcpkg-$v
  rm -rf "$dest.tmp"
  mkdir -p "$dest.tmp"
  log "unpacking $suite_sub from $(basename "$orig")"
  tar -xf "$orig" -C "$dest.tmp" --strip-components=1 --wildcards "*/$suite_sub/*" ||
    { rm -rf "$dl" "$dest.tmp"; die "could not unpack $suite_sub from $orig"; }
  [[ -d $dest.tmp/$suite_sub ]] || { rm -rf "$dl" "$dest.tmp"; die "$orig has no $suite_sub"; }
  echo "$got" >"$dest.tmp/.complete"
  rm -rf "$dest" "$dl"
  mv "$dest.tmp" "$dest"
  suite_root=$dest
}
suite_root=""
fetch_suite
suite=$suite_root/$suite_sub
suite_version=$(cat "$suite_root/.complete")
if [[ -n $want_version && $suite_version != "$want_version" ]]; then
  log "note: the tests are from $srcpkg $suite_version, the installed libomp from $want_version"
fi

# ---- the programs ------------------------------------------------------------
programs=()
while IFS= read -r f; do
  rel=${f#"$suite"/}
  if [[ -z $only ]] || grep -Eq -- "$only" <<<"$rel"; then programs+=("$rel"); fi
done < <(find "$suite" -type f \( -name '*.c' -o -name '*.cpp' \) | sort)
((${#programs[@]})) || die "no program${only:+ matches \"$only\"} in $suite"

# The RUN lines of a test, continuations joined.
run_lines() {
  sed -nE 's@^[[:space:]]*//[[:space:]]*RUN:[[:space:]]?@@p' "$1" |
    awk '{ if (sub(/\\[[:space:]]*$/, "")) { acc = acc $0 " "; next } print acc $0; acc = "" }'
}

# meta_of PROG: "EXPECTED SKIP FLAGS ARCHER_OPTIONS" (US between), EXPECTED race
# or none, SKIP empty or why the program is left out.
meta_of() {
  local f=$suite/$1 runs_txt expected skip="" flags archer_opts t
  runs_txt=$(run_lines "$f")
  if grep -Eq '^[[:space:]]*//[[:space:]]*[A-Za-z0-9_]+(-NEXT|-SAME|-DAG)?:.*ThreadSanitizer: data race' "$f"; then
    expected=race
  elif grep -Eq '^[[:space:]]*//[[:space:]]*[A-Za-z0-9_]+-NOT:.*ThreadSanitizer: (data race|reported)' "$f"; then
    expected=none
  elif [[ -n $runs_txt && $runs_txt != *run-race* ]]; then
    # No CHECK about races, but the test must run clean: TSan's exit
    # status on a report would fail it.
    expected=none
  else
    expected=none skip="no race answer in its RUN/CHECK lines"
  fi
  [[ -n $runs_txt ]] || skip="no RUN line"
  if grep -Eq '^[[:space:]]*#[[:space:]]*pragma[[:space:]]+omp[[:space:]]+(target|teams)' "$f" ||
     [[ $runs_txt == *-fopenmp-targets* ]]; then
    skip="needs an offload target"
  fi
  # lit features the Archer suite has here: tsan and linux.
  for t in $(sed -nE 's@^[[:space:]]*//[[:space:]]*REQUIRES:(.*)@\1@p' "$f" | tr ',&' '  '); do
    case $t in tsan | linux) ;; *) skip="requires '$t'" ;; esac
  done
  for t in $(sed -nE 's@^[[:space:]]*//[[:space:]]*UNSUPPORTED:(.*)@\1@p' "$f" | tr ',|' '  '); do
    case $t in clang | "clang-$llvm" | linux | tsan | x86_64* | system-linux) skip="unsupported on '$t'" ;; esac
  done
  # Flags the RUN line adds to the compile (-fopenmp-version=50, -D...).
  flags=$(grep -oE '%libarcher-(cxx-)?compile[a-z-]*( +-[-A-Za-z0-9_=.]+)+' <<<"$runs_txt" |
    head -n1 | sed -E 's/^%[a-z-]+ *//' || true)
  archer_opts=$(grep -oE "ARCHER_OPTIONS=[\"'][^\"']*[\"']" <<<"$runs_txt" | head -n1 |
    sed -E "s/^ARCHER_OPTIONS=[\"']//; s/[\"']\$//" || true)
  printf '%s\x1f%s\x1f%s\x1f%s\n' "$expected" "$skip" "$flags" "$archer_opts"
}

# ---- running ---------------------------------------------------------------------
# Every run sees only the options chosen here.
unset WEFT_OPTIONS WEFT_CLANG WEFT_CLANGXX OMP_TOOL OMP_TOOL_LIBRARIES OMP_TOOL_VERBOSE_INIT \
  ARCHER_OPTIONS TSAN_OPTIONS OMP_NUM_THREADS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-compare-openmp.XXXXXX")
cleanup() {
  local pids
  pids=$(jobs -pr)
  if [[ -n $pids ]]; then
    # shellcheck disable=SC2086  # one pid a word
    kill $pids 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  if ((keep)); then log "scratch kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cur_pid=""
# limited OUT ERR CMD...: runs CMD with the time limit; sets rc and
# timed_out.  In the background so that a TERM to this job can stop it.
limited() {
  local out=$1 err=$2
  shift 2
  local start=$SECONDS
  timeout --kill-after=5 "$limit" "$@" >"$out" 2>"$err" </dev/null &
  cur_pid=$!
  rc=0
  wait "$cur_pid" 2>/dev/null || rc=$?
  cur_pid=""
  timed_out=0
  if ((rc == 124)) || { ((rc == 137)) && ((SECONDS - start >= limit)); }; then timed_out=1; fi
}

# Paths of this machine out of a message, and what would break a table cell.
tidy() {
  sed -E -e "s#$suite/##g" -e 's/ ?\(BuildId: [0-9a-f]+\)//g' -e 's/0x[0-9a-fA-F]+/0x../g' -e 's/\(pid=[0-9]+\)//' \
    -e 's#(^|[ (])/[^ ()]*/([^/ ()]+)#\1\2#g' -e 's/[|`]/ /g' -e 's/ +/ /g' -e 's/ $//' |
    cut -c1-200
}

# run_one TOOL N REP DIR: one run of the build of TOOL with N threads;
# prints "run TOOL N REP OUTCOME DETAIL LOG" (US between), OUTCOME
# race, other (a report that is not a race), silent, crash or timeout.
run_one() {
  local tool=$1 n=$2 rep=$3 dir=$4
  local tag=$tool.$n.$rep exe
  local init=$dir/$tag.init
  local envs=(env "OMP_NUM_THREADS=$n" "OMP_TOOL_VERBOSE_INIT=$init")
  case $tool in
  weft) exe=$dir/weft.exe ;;
  tsan) exe=$dir/tsan.exe envs+=(OMP_TOOL=disabled TSAN_OPTIONS=halt_on_error=0) ;;
  archer)
    exe=$dir/tsan.exe
    envs+=("OMP_TOOL_LIBRARIES=$archer" TSAN_OPTIONS=halt_on_error=0:ignore_noninstrumented_modules=1)
    [[ -z $archer_opts ]] || envs+=("ARCHER_OPTIONS=$archer_opts") ;;
  esac
  local out=$dir/$tag.out err=$dir/$tag.err
  limited "$out" "$err" "${envs[@]}" "$exe"
  local race_pat other_pat fatal_pat summary_pat
  if [[ $tool == weft ]]; then
    race_pat='^WARNING: weft: data race' other_pat='^WARNING: weft:'
    fatal_pat='weft: fatal:' summary_pat='^SUMMARY: weft:'
  else
    race_pat='^WARNING: ThreadSanitizer: data race' other_pat='^WARNING: ThreadSanitizer:'
    fatal_pat='ERROR: ThreadSanitizer|FATAL: ThreadSanitizer|ThreadSanitizer: CHECK failed|DEADLYSIGNAL'
    summary_pat='^SUMMARY: ThreadSanitizer: data race'
  fi
  local outcome detail nrace
  nrace=$(grep -Ec "$race_pat" "$err" || true)
  # Did libomp start the tool this run is about?
  local started=1
  case $tool in
  weft) grep -q 'current address space... Success' "$init" 2>/dev/null &&
    grep -q 'Tool was started' "$init" || started=0 ;;
  archer) grep -q "ompt_start_tool in $archer... Success" "$init" 2>/dev/null || started=0 ;;
  esac
  if ((nrace > 0)); then
    outcome=race
    detail="$nrace report(s): $({ grep -m1 -E "$summary_pat" "$err" || true; } | tidy)"
    ((timed_out)) && detail+=" (then no exit within ${limit}s)"
  elif ((timed_out)); then
    outcome=timeout detail="no exit within ${limit}s"
  elif grep -Eq "$fatal_pat" "$err" || ((rc > 128)); then
    outcome=crash
    detail="exit $rc: $({ grep -m1 -E "$fatal_pat|error|rror:" "$err" || tail -n1 "$err"; } | tidy)"
  elif ((started == 0)); then
    outcome=crash detail="the OMPT tool did not start: $(tail -n1 "$init" 2>/dev/null | tidy)"
  elif grep -Eq "$other_pat" "$err"; then
    outcome=other detail="$({ grep -m1 -E "$other_pat" "$err" || true; } | tidy)"
  else
    outcome=silent detail="exit $rc"
  fi
  printf 'run\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\n' "$tool" "$n" "$rep" "$outcome" "$detail" "$err"
}

# run_program INDEX PROG: both builds, then every run; the results go to
# $tmp/results/INDEX.
run_program() {
  local index=$1 prog=$2
  local dir=$tmp/work/$index res=$tmp/work/$index/result
  mkdir -p "$dir"
  trap '[[ -n $cur_pid ]] && kill "$cur_pid" 2>/dev/null; exit 143' TERM
  # (archer_opts: run_one reads it.)
  local meta expected skip flags archer_opts
  meta=$(meta_of "$prog")
  IFS=$US read -r expected skip flags archer_opts <<<"$meta"
  printf 'meta\x1f%s\n' "$meta" >"$res"
  if [[ -z $skip ]]; then
    local src=$suite/$prog extra=()
    # shellcheck disable=SC2206  # flags are words without spaces
    [[ -z $flags ]] || extra=($flags)
    local built_weft=1 built_tsan=1
    "$weft_cc" -fopenmp -O1 -g -I"$suite" "${extra[@]}" "$src" -o "$dir/weft.exe" \
      >"$dir/weft.build" 2>&1 || built_weft=0
    "$cc" -fsanitize=thread -fopenmp -O1 -g -I"$suite" "${extra[@]}" "$src" -o "$dir/tsan.exe" \
      >"$dir/tsan.build" 2>&1 || built_tsan=0
    local n rep tool ok
    for n in "${threads[@]}"; do
      for ((rep = 1; rep <= runs; rep++)); do
        for tool in "${tools[@]}"; do
          if [[ $tool == weft ]]; then ok=$built_weft; else ok=$built_tsan; fi
          if ((ok)); then
            run_one "$tool" "$n" "$rep" "$dir" >>"$res"
          else
            local b=weft
            [[ $tool == weft ]] || b=tsan
            printf 'run\x1f%s\x1f%s\x1f%s\x1fcrash\x1fdoes not build: %s\x1f%s\n' "$tool" "$n" "$rep" \
              "$({ grep -m1 'error' "$dir/$b.build" || tail -n1 "$dir/$b.build"; } | tidy)" "$dir/$b.build" >>"$res"
          fi
        done
      done
    done
  fi
  mv "$res" "$tmp/results/$index"
  local line
  if [[ -n $skip ]]; then
    line="skipped ($skip)"
  else
    line=$(awk -F "$US" '$1 == "run" { o[$2] = o[$2] (o[$2] == "" ? "" : ",") $5 }
      END { printf "weft=%s tsan=%s archer=%s", o["weft"], o["tsan"], o["archer"] }' "$tmp/results/$index")
  fi
  log "$prog ($expected): $line"
}

mkdir -p "$tmp/results" "$tmp/work"
log "${#programs[@]} programs from $srcpkg $suite_version ($suite_sub), threads ${threads[*]}," \
  "$runs run(s) each, ${limit}s limit, $jobs at a time; weft from $build"
for i in "${!programs[@]}"; do
  while (($(jobs -pr | wc -l) >= jobs)); do wait -n || true; done
  run_program "$i" "${programs[$i]}" &
done
wait
# From the script's start: the fetch, when there was one, included.
elapsed=$SECONDS

# ---- the tables -----------------------------------------------------------------
declare -A name=([weft]=weft [tsan]=TSan [archer]="TSan+Archer")
declare -A tp fp fn tn failed
for t in "${tools[@]}"; do tp[$t]=0 fp[$t]=0 fn[$t]=0 tn[$t]=0 failed[$t]=0; done
n_race=0 n_none=0 n_skip=0
skipped=()
rows=()
wrong=()
for i in "${!programs[@]}"; do
  prog=${programs[$i]}
  res=$tmp/results/$i
  [[ -f $res ]] || die "no result for $prog"
  IFS=$US read -r _ expected skip _ _ < <(grep -m1 '^meta' "$res")
  if [[ -n $skip ]]; then
    n_skip=$((n_skip + 1))
    skipped+=("$prog: $skip")
    continue
  fi
  if [[ $expected == race ]]; then n_race=$((n_race + 1)); else n_none=$((n_none + 1)); fi
  row=$prog$US$expected
  for t in "${tools[@]}"; do
    # The program's outcome for a tool: race if any run reported one,
    # failed if no run did and any failed, else silent.
    IFS=$US read -r v nrep ntot logf note < <(awk -F "$US" -v t="$t" '
      $1 == "run" && $2 == t {
        total++
        if ($5 == "race") { races++; if (first == "") { first = $3 " threads: " $6; flog = $7 } }
        else if ($5 == "crash" || $5 == "timeout") { fails++; if (fnote == "") fnote = $3 " threads: " $5 ": " $6 }
        else if ($5 == "other" && onote == "") onote = $3 " threads: other report: " $6
      }
      END {
        if (races) v = "race"; else if (fails) v = "failed"; else v = "silent"
        note = (races ? races "/" total " runs" : (fails ? fnote : onote))
        if (races && fails) note = note "; " fnote
        if (races && onote != "") note = note "; " onote
        printf "%s%s%d%s%d%s%s%s%s\n", v, FS, races, FS, total, FS, (races ? flog : "-"), FS,
          (races ? first "; " : "") note
      }' "$res")
    case $expected:$v in
    race:race) c=TP tp[$t]=$((tp[$t] + 1)) ;;
    none:race) c=FP fp[$t]=$((fp[$t] + 1)) ;;
    race:silent) c=FN fn[$t]=$((fn[$t] + 1)) ;;
    none:silent) c=TN tn[$t]=$((tn[$t] + 1)) ;;
    *) c=failed failed[$t]=$((failed[$t] + 1)) ;;
    esac
    # Some runs reported, not all: how many did.
    if ((nrep > 0 && nrep < ntot)); then row+="$US$c ($nrep/$ntot)"; else row+=$US$c; fi
    if [[ $c != TP && $c != TN ]]; then
      wrong+=("$t$US$prog$US$c$US$note$US$logf")
    fi
  done
  rows+=("$row")
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }
precision() { ratio "${tp[$1]}" $((tp[$1] + fp[$1])); }
recall() { ratio "${tp[$1]}" $((tp[$1] + fn[$1])); }

n_prog=$((n_race + n_none))
commit=$(git -C "$build/.." describe --always --dirty 2>/dev/null || echo unknown)
took="$((elapsed / 60))m $((elapsed % 60))s"
thread_list=${threads[*]}
intro="LLVM's Archer tests ($suite_sub of Debian's $srcpkg $suite_version): $n_prog programs, $n_race with a race and $n_none race-free; $n_skip skipped. Each built once per compiler (-fopenmp -O1 -g) and run with OMP_NUM_THREADS=${thread_list// / and } ($runs run(s) each, ${limit}s limit); a program counts as reported if any of its runs printed a data race report. weft at $commit, $("$cc" --version | head -n1). Took $took."

if ((markdown)); then
  echo "$intro"
  echo
  echo "| tool | true positives | false positives | false negatives | true negatives | failed | precision | recall |"
  echo "|---|---|---|---|---|---|---|---|"
  for t in "${tools[@]}"; do
    echo "| ${name[$t]} | ${tp[$t]} | ${fp[$t]} | ${fn[$t]} | ${tn[$t]} | ${failed[$t]} | $(precision "$t") | $(recall "$t") |"
  done
  echo
  echo "Cells: TP and TN are right answers, **FP** a false report, **FN** a miss;"
  echo "(r/n): r of the n runs reported a race, where not all did."
  echo
  echo "| program | expected | weft | TSan | TSan+Archer |"
  echo "|---|---|---|---|---|"
  for r in "${rows[@]}"; do
    IFS=$US read -r p e a b c <<<"$r"
    cells=""
    for x in "$a" "$b" "$c"; do
      case $x in TP* | TN*) cells+=" $x |" ;; *) cells+=" **${x%% *}**${x#"${x%% *}"} |" ;; esac
    done
    echo "| $p | $e |$cells"
  done
  echo
  echo "<details><summary>What each tool got wrong</summary>"
  echo
  echo "| tool | program | verdict | what it said |"
  echo "|---|---|---|---|"
  for w in ${wrong[@]+"${wrong[@]}"}; do
    IFS=$US read -r t p c note _ <<<"$w"
    echo "| ${name[$t]} | $p | $c | $(tidy <<<"$note") |"
  done
  echo
  echo "</details>"
  if ((n_skip)); then
    echo
    echo "Skipped: $(printf '%s; ' "${skipped[@]}" | sed 's/; $//')."
  fi
else
  echo "$intro" | fold -s -w 78
  echo
  printf '%-12s %5s %5s %5s %5s %7s %10s %7s\n' tool TP FP FN TN failed precision recall
  for t in "${tools[@]}"; do
    printf '%-12s %5s %5s %5s %5s %7s %10s %7s\n' "${name[$t]}" "${tp[$t]}" "${fp[$t]}" \
      "${fn[$t]}" "${tn[$t]}" "${failed[$t]}" "$(precision "$t")" "$(recall "$t")"
  done
  echo
  echo "Disagreements (programs each tool got wrong):"
  for t in "${tools[@]}"; do
    any=0
    for w in ${wrong[@]+"${wrong[@]}"}; do
      IFS=$US read -r wt p c note _ <<<"$w"
      [[ $wt == "$t" ]] || continue
      ((any)) || echo "  ${name[$t]}:"
      any=1
      printf '    %-6s %-36s %s\n' "$c" "$p" "$note"
    done
    ((any)) || echo "  ${name[$t]}: none"
  done
  echo
  echo "Per program (TP/TN correct; FP false report, FN miss; (r/n): r of n runs reported):"
  printf '  %-40s %-8s %-12s %-12s %s\n' program expected weft TSan TSan+Archer
  for r in "${rows[@]}"; do
    IFS=$US read -r p e a b c <<<"$r"
    printf '  %-40s %-8s %-12s %-12s %s\n' "$p" "$e" "$a" "$b" "$c"
  done
  if ((n_skip)); then
    echo
    echo "Skipped:"
    printf '  %s\n' "${skipped[@]}"
  fi
fi

if ((excerpt > 0)); then
  for w in ${wrong[@]+"${wrong[@]}"}; do
    IFS=$US read -r t p c _ logf <<<"$w"
    [[ $t == weft && $c == FP && -f $logf ]] || continue
    echo
    if ((markdown)); then echo "weft's first report on $p:"; echo; echo '```'; else echo "---- weft's first report on $p:"; fi
    awk '/^WARNING: weft: data race/ { on = 1 } on' "$logf" | head -n "$excerpt" | sed -e "s#$suite/##g"
    if ((markdown)); then echo '```'; fi
  done
fi
log "done in $took"
