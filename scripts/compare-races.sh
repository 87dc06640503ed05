#!/usr/bin/env bash
# Runs every program of the race suite (test/race, test/norace, test/cxx)
# under four detectors -- weft, ThreadSanitizer, Helgrind and DRD -- and
# writes the side-by-side table into docs/comparison.md (between the
# compare-races markers), printing it on stdout too.
#
# The RUN lines of the tests are not used: each program is compiled here
# with the same flags for every tool (-I test/include -g -O1 -pthread, and
# -std=c++20 for C++), so
# the only difference between columns is the detector.  A race/ program
# should be reported, a norace/ program should not; a cxx/ program is
# expected to race when its RUN line expects weft's exit status 66.
#
#   scripts/compare-races.sh                 all programs; rewrites the doc
#   scripts/compare-races.sh --only REGEX    programs whose path under test/
#                                            matches (grep -E); table on
#                                            stdout only, doc untouched
#   scripts/compare-races.sh --jobs N        programs run N at a time (2)
#
# Needs weft built in build/ (cmake --build build), clang-19/clang++-19
# with ThreadSanitizer, valgrind and GNU timeout.  Progress goes to stderr.
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

doc=docs/comparison.md
begin_marker='<!-- compare-races:begin -->'
end_marker='<!-- compare-races:end -->'
tools=(weft tsan helgrind drd)
# Seconds a single run may take; valgrind serializes threads and is slow.
native_timeout=30
weft_timeout=30
tsan_timeout=30
valgrind_timeout=60
# Exit status each tool uses when it reported something.
weft_status=66
tsan_status=66
valgrind_status=99

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

jobs=2
only=""
while (($#)); do
  case "$1" in
    --only) only="${2:?--only needs a pattern}"; shift 2 ;;
    --only=*) only="${1#--only=}"; shift ;;
    --jobs) jobs="${2:?--jobs needs a number}"; shift 2 ;;
    --jobs=*) jobs="${1#--jobs=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-races: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "compare-races: --jobs wants a positive number" >&2; exit 2; }

for cmd in build/bin/weft-cc build/bin/weft-c++ clang-19 clang++-19 valgrind timeout; do
  if ! command -v "$cmd" >/dev/null; then
    echo "compare-races: '$cmd' not found (weft itself: cmake --build build)" >&2
    exit 2
  fi
done

# Every run sees only the options chosen here.
unset WEFT_OPTIONS WEFT_CLANG WEFT_CLANGXX VALGRIND_OPTS
export TSAN_OPTIONS=halt_on_error=0

tmp="$(mktemp -d)"
cleanup() {
  local pids
  pids="$(jobs -pr)"
  if [[ -n "$pids" ]]; then
    # shellcheck disable=SC2086  # one pid a word
    kill $pids 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the programs --------------------------------------------------------
# C programs sorted by name with race/ before norace/, so that siblings sit
# on adjacent rows; C++ programs after them.
programs=()
while IFS= read -r f; do
  if [[ -z "$only" ]] || grep -Eq -- "$only" <<<"${f#test/}"; then
    programs+=("$f")
  fi
done < <(
  for f in test/race/*.c test/norace/*.c; do
    d="${f#test/}"; d="${d%%/*}"
    printf '%s\t%s\t%s\n' "$(basename "$f")" "$([[ $d == race ]] && echo 0 || echo 1)" "$f"
  done | sort -t $'\t' -k1,1 -k2,2 | cut -f3
  printf '%s\n' test/cxx/*.cpp | sort
)
if ((${#programs[@]} == 0)); then
  echo "compare-races: no program matches '$only'" >&2
  exit 2
fi

expected_of() {
  case "$1" in
    test/race/*) echo race ;;
    test/norace/*) echo none ;;
    *) if grep -q 'expect-exit 66' "$1"; then echo race; else echo none; fi ;;
  esac
}

# ---- running one program under one tool -------------------------------------
cur_pid=""
# limited SECS OUT ERR CMD...: runs CMD with a time limit; sets rc and
# timed_out.  In the background so that a TERM to this job can stop it.
limited() {
  local secs="$1" out="$2" err="$3"
  shift 3
  local start=$SECONDS
  timeout --kill-after=5 "$secs" "$@" >"$out" 2>"$err" </dev/null &
  cur_pid=$!
  rc=0
  # (stderr: not the shell's "Segmentation fault" notice for the job)
  wait "$cur_pid" 2>/dev/null || rc=$?
  cur_pid=""
  timed_out=0
  if ((rc == 124)) || { ((rc == 137)) && ((SECONDS - start >= secs)); }; then
    timed_out=1
  fi
}

# Strips what differs between runs and machines from a message, and what
# would break a Markdown table cell.
tidy() {
  sed -E -e 's/0x[0-9a-fA-F]+/0x../g' -e 's#[^ (]*/([^/ ]+\.(c|cpp|h)\b)#\1#g' \
    -e 's#(^|[ (])/[^ ()]*/([^/ ()]+)#\1\2#g' \
    -e 's/\(pid=[0-9]+\)//' -e 's/==[0-9]+== ?//g' -e 's/[|`]/ /g' -e 's/ +/ /g' -e 's/ $//' |
    cut -c1-200
}

# How many reports a run printed (valgrind: its error count).
report_count() {
  local tool="$1" err="$2"
  case "$tool" in
    weft) grep -c '^WARNING: weft:' "$err" || true ;;
    tsan) grep -c '^WARNING: ThreadSanitizer:' "$err" || true ;;
    *) sed -nE 's/^==[0-9]+== ERROR SUMMARY: ([0-9]+) errors.*/\1/p' "$err" | tail -n1 ;;
  esac
}

# For valgrind tools: "H<TAB>TEXT", TEXT the first error in one line and
# H 1 when every race report shown is on the relaxed atomics of the test
# helpers (test/include/weft_test.h), which these tools take for plain
# accesses, rather than on the program's own variables.  A helper variable
# is an address that some report shows accessed inside weft_test.h or that
# valgrind names as a wtest_* variable (the programs never touch them
# directly); the frame alone is not enough, valgrind sometimes blames
# clone or sched_yield for those accesses.
valgrind_summary() {
  # An error is its first line, the address it is about and the frame it
  # happened in.  Skipped: valgrind's banner and debug-info complaints,
  # thread announcements, the further parts of an error (other access,
  # segments), stack frames past the first, and the closing statistics.
  awk '
    function addr_of(line, a) {
      if (!match(line, /0x[0-9A-Fa-f]+/)) return ""
      a = tolower(substr(line, RSTART + 2, RLENGTH - 2))
      sub(/^0+/, "", a)
      return a
    }
    function finish() {
      n++
      where[n] = hdr (frame != "" ? " -- in " frame : "")
      race[n] = hdr ~ /^(Possible data race|Conflicting (load|store))/
      addr[n] = race[n] ? addr_of(hdr) : ""
      if (race[n] && frame ~ /weft_test\.h:/) helper_addr[addr[n]] = 1
      hdr = ""
    }
    # What the memory of the last error is, as valgrind describes it.
    function name_last(desc) { if (n && vname[n] == "") vname[n] = desc }
    !/^==[0-9]+== / { next }
    { sub(/^==[0-9]+== /, "") }
    /^Command: / { body = 1; next }
    !body { next }
    /^ *(Address|Location) 0x/ {
      if (/(data symbol|global var) "wtest_/) helper_addr[addr_of($0)] = 1
      if (match($0, /(data symbol|global var|local var) "[^"]+"/)) {
        d = substr($0, RSTART, RLENGTH); sub(/^[a-z ]+"/, "", d); name_last("\"" d)
      } else if (match($0, /inside [A-Za-z_][A-Za-z0-9_]*\[[0-9]*\]/)) {
        name_last("\"" substr($0, RSTART + 7, RLENGTH - 7) "\"")
      } else if (/on thread #[0-9]+.s stack/) name_last("a stack")
      else if (/inside a block of size/) name_last("a heap block")
      next
    }
    /^ +at / {
      if (hdr != "") { frame = $0; sub(/^ +at 0x[0-9A-Fa-f]+: /, "", frame); finish() }
      next
    }
    /^ +by / || /^ *$/ || /^---/ || /^Thread #[0-9]+ (was created|is the program)/ ||
      /^Thread [0-9]+:$/ || /^Locks held/ || /^This conflicts with/ || /^ *Address / ||
      /^Allocation context/ || /^Other segment/ || /^ *\(/ || /^Block was alloc/ ||
      /^ *Lock at / || /^Required order/ || /^followed by/ || /^Warning: / ||
      /^a (global|local) variable declared/ || /^ *declared at / || /^ *in frame #/ ||
      /^Use --history-level/ || /^the cost of reduced/ || /^For lists of/ ||
      /^ERROR SUMMARY/ { next }
    { if (hdr != "") finish(); hdr = $0; frame = "" }
    END {
      if (hdr != "") finish()
      for (i = 1; i <= n; i++) {
        text[i] = where[i] (vname[i] != "" ? " on " vname[i] : "")
        if (race[i]) races++
        if (race[i] && (addr[i] in helper_addr)) helpers++
        else if (other == "") other = text[i]
      }
      if (helpers == 0) printf "0\t%s\n", text[1]
      else if (other == "") printf "1\tall %d race reports shown are on weft_test.h step helpers\n", races
      else printf "0\t%d of %d race reports shown are on weft_test.h step helpers; first other: %s\n",
                  helpers, races, other
    }' "$1"
}

# The first report in one line.
first_report() {
  local tool="$1" err="$2"
  case "$tool" in
    weft) { grep -m1 -E '^SUMMARY: weft:|^WARNING: weft:' "$err" || true; } | tidy ;;
    tsan) { grep -m1 -E '^SUMMARY: ThreadSanitizer:' "$err" || true; } | tidy ;;
    *) valgrind_summary "$err" | cut -f2 | tidy ;;
  esac
}

# A line saying why a run failed, from its stderr.
failure_line() {
  local err="$1"
  { grep -m1 -E "weft: fatal:|ERROR: ThreadSanitizer|FATAL: ThreadSanitizer|CHECK failed|\
valgrind: the 'impossible'|Process terminating with|error:|expected |failed: " "$err" ||
    tail -n1 "$err"; } | tidy
}

crash_signature() {
  case "$1" in
    weft) echo 'weft: fatal:' ;;
    tsan) echo 'ERROR: ThreadSanitizer|FATAL: ThreadSanitizer|ThreadSanitizer: CHECK failed|DEADLYSIGNAL' ;;
    *) echo "valgrind: the 'impossible' happened|Process terminating with default action|out of memory" ;;
  esac
}

# run_tool TOOL PROG DIR BASE: builds and runs PROG under TOOL; prints one
# line "TOOL<TAB>OUTCOME<TAB>DETAIL" where OUTCOME is reported,
# reported-helpers (valgrind tools: only on the test helpers' atomics),
# silent, crash, timeout or n/a.  BASE is the program's own exit status,
# from an uninstrumented run (empty if there was none).  The valgrind tools
# run that uninstrumented build, DIR/native.
run_tool() {
  local tool="$1" prog="$2" dir="$3" base="$4"
  local cc cxx=0 exe="$dir/$tool" secs report_status
  [[ "$prog" == *.cpp ]] && cxx=1
  local flags=(-I test/include -g -O1 -pthread)
  # The std:: synchronization tests (latch, barrier, jthread) need C++20.
  ((cxx)) && flags+=(-std=c++20)
  case "$tool" in
    weft)
      if ((cxx)); then cc=build/bin/weft-c++; else cc=build/bin/weft-cc; fi
      secs=$weft_timeout report_status=$weft_status
      "$cc" "${flags[@]}" "$prog" -o "$exe" 2>"$exe.build" || exe="" ;;
    tsan)
      if ((cxx)); then cc=clang++-19; else cc=clang-19; fi
      secs=$tsan_timeout report_status=$tsan_status
      "$cc" -fsanitize=thread "${flags[@]}" "$prog" -o "$exe" 2>"$exe.build" || exe="" ;;
    helgrind|drd)
      secs=$valgrind_timeout report_status=$valgrind_status
      if [[ -x "$dir/native" ]]; then exe="$dir/native"; else exe=""; cp "$dir/native.build" "$dir/$tool.build"; fi ;;
  esac
  if [[ -z "$exe" ]]; then
    printf '%s\tn/a\tdoes not build: %s\n' "$tool" "$(failure_line "$dir/$tool.build")"
    return
  fi

  local run=("$exe")
  case "$tool" in
    # --read-var-info: DRD names the variable of a report (Helgrind always does).
    helgrind|drd) run=(valgrind "--tool=$tool" "--error-exitcode=$valgrind_status" --read-var-info=yes "$exe") ;;
  esac
  limited "$secs" "$dir/$tool.out" "$dir/$tool.err" "${run[@]}"
  local err="$dir/$tool.err"

  local reported=0 n
  n="$(report_count "$tool" "$err")"
  case "$tool" in
    weft) { ((rc == weft_status)) || ((n > 0)); } && reported=1 ;;
    tsan) ((n > 0)) && reported=1 ;;
    *) { ((rc == valgrind_status)) || ((${n:-0} > 0)) || grep -q 'Possible data race' "$err"; } && reported=1 ;;
  esac

  local outcome detail
  if ((timed_out)); then
    outcome=timeout detail="no exit within ${secs}s"
    if ((reported)); then detail+="; had reported: $(first_report "$tool" "$err")"; fi
  elif grep -Eq "$(crash_signature "$tool")" "$err" ||
       { ((rc != 0)) && ((rc != report_status)) && [[ "$rc" != "$base" ]]; }; then
    outcome=crash detail="exit $rc (uninstrumented: ${base:-?}): $(failure_line "$err")"
  elif ((reported)); then
    outcome=reported detail="${n:-?} report(s): $(first_report "$tool" "$err")"
    if [[ "$tool" == helgrind || "$tool" == drd ]] &&
       [[ "$(valgrind_summary "$err" | cut -f1)" == 1 ]]; then
      outcome="reported-helpers"
    fi
  else
    outcome=silent detail="exit $rc"
  fi
  printf '%s\t%s\t%s\n' "$tool" "$outcome" "$detail"
}

# run_program INDEX PROG: the uninstrumented run, then the four tools one
# after the other; the results go to $tmp/results/INDEX.
run_program() {
  local index="$1" prog="$2"
  local dir="$tmp/work/$index"
  mkdir -p "$dir"
  trap '[[ -n "$cur_pid" ]] && kill "$cur_pid" 2>/dev/null; exit 143' TERM

  local cc=clang-19 base=""
  [[ "$prog" == *.cpp ]] && cc=clang++-19
  # valgrind 3.19 cannot read clang 19's default DWARF 5.
  local std=()
  [[ "$prog" == *.cpp ]] && std=(-std=c++20)
  if "$cc" "${std[@]}" -I test/include -g -gdwarf-4 -O1 -pthread "$prog" -o "$dir/native" 2>"$dir/native.build"; then
    limited "$native_timeout" "$dir/native.out" "$dir/native.err" "$dir/native"
    base=$rc
    if ((timed_out)); then base=""; fi
  fi

  local tool
  for tool in "${tools[@]}"; do
    run_tool "$tool" "$prog" "$dir" "$base" >>"$dir/result"
  done
  mv "$dir/result" "$tmp/results/$index"
  rm -rf "$dir"
  printf 'compare-races: %s:%s\n' "${prog#test/}" \
    "$(awk -F '\t' '{ printf " %s=%s", $1, $2 }' "$tmp/results/$index")" >&2
}

mkdir -p "$tmp/results" "$tmp/work"
echo "compare-races: ${#programs[@]} programs x ${#tools[@]} tools, $jobs at a time" >&2
for i in "${!programs[@]}"; do
  while (($(jobs -pr | wc -l) >= jobs)); do wait -n || true; done
  run_program "$i" "${programs[$i]}" &
done
wait

# ---- the table ----------------------------------------------------------
# cell EXPECTED OUTCOME: what goes in the table.  "yes"/"no" are correct
# answers (reported a race / stayed silent); FP and FN are wrong.
cell() {
  case "$1:$2" in
    race:reported) echo yes ;;
    race:reported-helpers) echo 'yes (h)' ;;
    race:silent) echo '**FN**' ;;
    none:silent) echo no ;;
    none:reported) echo '**FP**' ;;
    none:reported-helpers) echo '**FP** (h)' ;;
    *) echo "$2" ;;
  esac
}

declare -A correct fp fn failed helpers_yes helpers_fp
for t in "${tools[@]}"; do
  correct[$t]=0 fp[$t]=0 fn[$t]=0 failed[$t]=0 helpers_yes[$t]=0 helpers_fp[$t]=0
done
table="$tmp/table.md"
details="$tmp/details.md"
: >"$details"
{
  echo "| program | expected | weft | TSan | Helgrind | DRD |"
  echo "|---|---|---|---|---|---|"
  for i in "${!programs[@]}"; do
    prog="${programs[$i]}"
    exp="$(expected_of "$prog")"
    row="| ${prog#test/} | $([[ $exp == race ]] && echo race || echo none) |"
    for t in "${tools[@]}"; do
      line="$(awk -F '\t' -v t="$t" '$1 == t { print; exit }' "$tmp/results/$i" 2>/dev/null)"
      [[ -n "$line" ]] || line="$t"$'\t'"n/a"$'\t'"no result"
      IFS=$'\t' read -r _ outcome detail <<<"$line"
      c="$(cell "$exp" "$outcome")"
      row+=" $c |"
      case "$c" in
        yes|no) correct[$t]=$((correct[$t] + 1)) ;;
        'yes (h)') correct[$t]=$((correct[$t] + 1)) helpers_yes[$t]=$((helpers_yes[$t] + 1)) ;;
        '**FP**') fp[$t]=$((fp[$t] + 1)) ;;
        '**FP** (h)') fp[$t]=$((fp[$t] + 1)) helpers_fp[$t]=$((helpers_fp[$t] + 1)) ;;
        '**FN**') fn[$t]=$((fn[$t] + 1)) ;;
        *) failed[$t]=$((failed[$t] + 1)) ;;
      esac
      # (h) cells whose every report was on the helpers say so already.
      if [[ "$c" != yes && "$c" != no ]] && [[ "$detail" != *": all "*" step helpers" ]]; then
        printf '| %s | %s | %s | %s |\n' "${prog#test/}" "$t" "${c//\*/}" "$detail" >>"$details"
      fi
    done
    echo "$row"
  done
  row="| **totals** correct / FP / missed / failed | ${#programs[@]} programs |"
  for t in "${tools[@]}"; do
    row+=" ${correct[$t]} / ${fp[$t]} / ${fn[$t]} / ${failed[$t]} |"
  done
  echo "$row"
  row="| of which (h): yes / FP | |"
  for t in "${tools[@]}"; do
    row+=" ${helpers_yes[$t]} / ${helpers_fp[$t]} |"
  done
  echo "$row"
} >"$table"

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
block="$tmp/block.md"
{
  echo "$begin_marker"
  echo
  echo "Run of $(date -u +%Y-%m-%d) on $(grep -m1 '^model name' /proc/cpuinfo | sed 's/.*: //')," \
    "$(nproc) cores, $(uname -sr), $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "weft at commit $commit (with the working tree as it was), $(clang-19 --version | head -n1),"
  echo "$(valgrind --version).  Timeouts: ${weft_timeout}s for weft and TSan, ${valgrind_timeout}s for valgrind."
  echo
  echo "Cells: \`yes\` reported a race on a race program, \`no\` stayed silent on a"
  echo "race-free one (both correct); **FP** reported on a race-free program, **FN**"
  echo "missed a race; \`crash\`, \`timeout\` and \`n/a\` (did not build) count as"
  echo "failed to run.  (h), Helgrind and DRD only: every race report the tool"
  echo "printed was on the relaxed atomics of the test helpers (\`wtest_step_*\` in"
  echo "test/include/weft_test.h), none on the program's own variables; such a cell"
  echo "still counts as reported."
  echo
  cat "$table"
  echo
  echo "<details><summary>What each tool said where it was not correct</summary>"
  echo
  echo "| program | tool | cell | what happened |"
  echo "|---|---|---|---|"
  cat "$details"
  echo
  echo "</details>"
  echo
  echo "$end_marker"
} >"$block"

cat "$block"

if [[ -n "$only" ]]; then
  echo "compare-races: subset run (--only), $doc left as it was" >&2
  exit 0
fi

if [[ ! -f "$doc" ]]; then
  cat >"$doc" <<'EOF'
# weft next to ThreadSanitizer, Helgrind and DRD

Every program of weft's race suite -- `test/race/*.c` (each has a data
race), `test/norace/*.c` (the same programs made race-free) and
`test/cxx/*.cpp` -- is compiled with the same flags (`-I test/include -g
-O1 -pthread`) and run under four detectors:

- weft: built with `build/bin/weft-cc` / `weft-c++`; it reported when the
  program exits with status 66 or prints `WARNING: weft:`.
- ThreadSanitizer: `clang-19 -fsanitize=thread`, `TSAN_OPTIONS=halt_on_error=0`;
  it reported when it prints `WARNING: ThreadSanitizer:`.
- Helgrind and DRD: `valgrind --tool=helgrind|drd --error-exitcode=99
  --read-var-info=yes` on a plain `clang-19` build (with `-gdwarf-4`: valgrind
  3.19 cannot read clang 19's default DWARF 5); they reported on exit status
  99, `Possible data race` or an error count above zero, whatever the kind
  of error.

A run counts as a crash when the tool says it failed, the program dies of a
signal, or it exits with a status that is neither its own (from an
uninstrumented run) nor the tool's report status.  The table below is
generated; rerun it with

```sh
cmake --build build -j2
scripts/compare-races.sh            # all programs, rewrites the table below
scripts/compare-races.sh --only 'atomic_fence'   # a subset, stdout only
```

EOF
  printf '%s\n%s\n' "$begin_marker" "$end_marker" >>"$doc"
elif ! grep -qF "$begin_marker" "$doc" || ! grep -qF "$end_marker" "$doc"; then
  printf '\n%s\n%s\n' "$begin_marker" "$end_marker" >>"$doc"
fi

# Replace everything between the markers (inclusive) with the new block.
awk -v begin="$begin_marker" -v end="$end_marker" -v block="$block" '
  $0 == begin { while ((getline line < block) > 0) print line; skip = 1; next }
  $0 == end { skip = 0; next }
  !skip' "$doc" >"$tmp/doc.md"
cat "$tmp/doc.md" >"$doc"
echo "compare-races: wrote $doc" >&2
