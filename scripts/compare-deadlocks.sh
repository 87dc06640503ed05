#!/usr/bin/env bash
# weft next to its peers on deadlocks and threading-API misuse: builds
# every test program of test/deadlock and test/misuse three ways, runs
# each under four tools, and records what each tool said:
#   - ThreadSanitizer: clang-19 -fsanitize=thread, run with
#     TSAN_OPTIONS=detect_deadlocks=1:second_deadlock_stack=1;
#   - Helgrind: clang-19 -g -O1 -pthread, run under valgrind --tool=helgrind;
#   - DRD: the same native build, run under valgrind --tool=drd;
#   - weft: build/bin/weft-cc.
# Every run has a time limit: the peers hang on a real deadlock.  Data
# race reports are left out (Helgrind and DRD do not understand the relaxed
# atomics the tests order their threads with); everything else a tool
# reports is listed.  The table goes into docs/deadlocks.md between the
# compare-deadlocks markers, and the script says whether weft met the goal:
# it reports every lock-order inversion or deadlock a peer reports, and is
# silent on every program that cannot deadlock.
#
# Usage: scripts/compare-deadlocks.sh [--timeout S] [--stdout]
#   --timeout S  limit per run (default 10; Helgrind and DRD get twice as long)
#   --stdout     print the table instead of writing docs/deadlocks.md
# Needs build/bin/weft-cc, clang-19 and valgrind.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
weft_cc=$root/build/bin/weft-cc
cc=${CC:-clang-19}
doc=$root/docs/deadlocks.md
limit=10
to_stdout=0
while (($#)); do
  case $1 in
  --timeout) limit=${2-}; shift ;;
  --timeout=*) limit=${1#*=} ;;
  --stdout) to_stdout=1 ;;
  -h | --help) sed -n '/^# Usage:/,/^# Needs/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
  *) echo "compare-deadlocks: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ $limit =~ ^[1-9][0-9]*$ ]] || { echo "compare-deadlocks: --timeout needs a positive integer" >&2; exit 2; }
[[ -x $weft_cc ]] || { echo "compare-deadlocks: build weft first ($weft_cc is missing)" >&2; exit 1; }
command -v "$cc" >/dev/null || { echo "compare-deadlocks: $cc not found" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "compare-deadlocks: valgrind not found" >&2; exit 1; }
unset WEFT_OPTIONS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
inc=-I$root/test/include

# What the test expects weft to say: the kind of its first CHECKed
# warning, or "nothing" for a program that must exit 0.  Only the first
# run counts: it is the one with weft's defaults, and later runs may turn
# a report off with WEFT_OPTIONS.
expected() {
  local f=$1
  if [[ $(grep -m 1 -oE 'expect-exit [0-9]+' "$f") == 'expect-exit 0' ]]; then
    echo "nothing"
  else
    { grep -oE 'CHECK[-A-Z]*: *(\{\{\^\}\})?WARNING: weft: [^(]*' "$f" || true; } | head -n 1 |
      sed 's/.*WARNING: weft: //; s/ *$//; s/^data race$/a data race (races are left out here)/'
  fi
}

# Kinds a tool reported, one per line, data races left out.
kinds_tsan() {
  grep -o 'WARNING: ThreadSanitizer: .*' "$1" | sed 's/WARNING: ThreadSanitizer: //; s/ (pid=[0-9]*)//' |
    grep -v '^data race' | sed 's/lock-order-inversion (potential deadlock)/lock-order inversion/'
}
kinds_helgrind() {
  grep -E '^==[0-9]+== (Thread #[0-9]+(:| unlocked| [a-z])|Possible data race)' "$1" |
    grep -v -e 'was created' -e "program's root thread" -e 'Possible data race' |
    sed -E 's/^==[0-9]+== //; s/Thread #[0-9]+:? //; s/0x[0-9A-Fa-f]+/X/g; s/thread #[0-9]+/another thread/;
            s/lock order "X before X" violated/lock order violated/; s/holds [0-9]+ locks?/holds locks/'
}
# DRD prints a report's first line alone, right above its stack; the
# "first observed at", race and segment lines above stacks are not
# reports, nor is valgrind's note on the signal that ended the program.
# Each report is cut to the words before the object it names.
kinds_drd() {
  awk '/^==[0-9]+==    at 0x/ { if (prev != "") print prev; prev = ""; next }
       { prev = "" }
       /^==[0-9]+== [^ ]/ { prev = $0; sub(/^==[0-9]+== /, "", prev) }' "$1" |
    grep -vE -e 'was first observed at:$' -e 'Allocation context' -e '^(Conflicting (load|store)|Other segment|Process terminating)' |
    sed -E 's/^Probably a race condition: condition variable .* has been signaled but the associated mutex .* is not locked by the signalling thread\.$/condition variable signaled without its mutex held/;
            s/: (mutex|rwlock|cond|condition variable|barrier|semaphore) 0x.*//; s/ by thread [0-9]+:$//; s/0x[0-9A-Fa-f]+/X/g; s/\.$//'
}
kinds_weft() {
  grep -o 'WARNING: weft: .*' "$1" | sed 's/WARNING: weft: //; s/ (pid=[0-9]*)$//' | grep -v '^data race'
}

# cell KINDS_FILE STATUS STDERR: "a; b", "—", with "(hangs)" after a
# timeout, or "(crashes)" when the tool itself failed an internal check.
cell() {
  local k
  k=$(sort -u "$1" | paste -sd ';' | sed 's/;/; /g')
  [[ -n $k ]] || k="—"
  if [[ $2 == 124 || $2 == 137 ]]; then
    if [[ $k == "—" ]]; then k="hangs"; else k="$k (then hangs)"; fi
  elif grep -qE 'CHECK failed|internal error' "$3"; then
    if [[ $k == "—" ]]; then k="crashes"; else k="$k (then crashes)"; fi
  fi
  printf '%s' "$k"
}

table=$tmp/table
echo "| test | weft should report | ThreadSanitizer | Helgrind | DRD | weft |" >"$table"
echo "|---|---|---|---|---|---|" >>"$table"
missed=()
peer_false=()
noisy=()
# Per tool: programs with a bug it said something on, and programs
# without one it said something on anyway.  A hang alone says nothing.
tools=(tsan hg drd weft)
declare -A found=() wrong=()
buggy=0
clean=0
for f in "$root"/test/deadlock/*.c "$root"/test/misuse/*.c; do
  name=$(basename "$(dirname "$f")")/$(basename "$f" .c)
  exe=$tmp/$(basename "$f" .c)
  echo "compare-deadlocks: $name" >&2
  "$cc" -g -O1 -fsanitize=thread "$inc" "$f" -o "$exe.tsan" 2>"$tmp/cc.log" || { cat "$tmp/cc.log" >&2; exit 1; }
  "$cc" -g -O1 -pthread "$inc" "$f" -o "$exe.native" 2>"$tmp/cc.log" || { cat "$tmp/cc.log" >&2; exit 1; }
  "$weft_cc" -g -O1 "$inc" "$f" -o "$exe.weft" 2>"$tmp/cc.log" || { cat "$tmp/cc.log" >&2; exit 1; }

  st=0
  TSAN_OPTIONS=detect_deadlocks=1:second_deadlock_stack=1 \
    timeout -k 5 "$limit" "$exe.tsan" >/dev/null 2>"$tmp/tsan.err" || st=$?
  kinds_tsan "$tmp/tsan.err" >"$tmp/tsan.k" || true
  tsan=$(cell "$tmp/tsan.k" "$st" "$tmp/tsan.err")

  st=0
  timeout -k 5 "$((limit * 2))" valgrind --tool=helgrind "$exe.native" >/dev/null 2>"$tmp/hg.err" || st=$?
  kinds_helgrind "$tmp/hg.err" >"$tmp/hg.k" || true
  hg=$(cell "$tmp/hg.k" "$st" "$tmp/hg.err")

  st=0
  timeout -k 5 "$((limit * 2))" valgrind --tool=drd "$exe.native" >/dev/null 2>"$tmp/drd.err" || st=$?
  kinds_drd "$tmp/drd.err" >"$tmp/drd.k" || true
  drd=$(cell "$tmp/drd.k" "$st" "$tmp/drd.err")

  st=0
  timeout -k 5 "$limit" "$exe.weft" >/dev/null 2>"$tmp/weft.err" || st=$?
  kinds_weft "$tmp/weft.err" >"$tmp/weft.k" || true
  wf=$(cell "$tmp/weft.k" "$st" "$tmp/weft.err")

  want=$(expected "$f")
  echo "| \`$name\` | $want | $tsan | $hg | $drd | $wf |" >>"$table"

  # The goal.  A peer's lock-order or deadlock finding must be weft's too,
  # on programs that can deadlock; on the others it is the peer's false report.
  if [[ $want != nothing ]] && grep -qiE 'lock.order' "$tmp/tsan.k" "$tmp/hg.k" "$tmp/drd.k" &&
    ! [[ -s $tmp/weft.k ]]; then
    missed+=("$name")
  fi
  if [[ $want == nothing ]] && grep -qiE 'lock.order' "$tmp/tsan.k" "$tmp/hg.k" "$tmp/drd.k"; then
    peer_false+=("$name")
  fi
  if [[ $want == nothing && -s $tmp/weft.k ]]; then
    noisy+=("$name")
  fi
  # The race row counts for neither: its races are left out here.
  if [[ $want == nothing ]]; then
    clean=$((clean + 1))
    for t in "${tools[@]}"; do
      if [[ -s $tmp/$t.k ]]; then wrong[$t]=$((${wrong[$t]:-0} + 1)); fi
    done
  elif [[ $want != "a data race"* ]]; then
    buggy=$((buggy + 1))
    for t in "${tools[@]}"; do
      if [[ -s $tmp/$t.k ]]; then found[$t]=$((${found[$t]:-0} + 1)); fi
    done
  fi
done

{
  cat "$table"
  echo
  if ((${#missed[@]} == 0)); then
    echo "Every lock-order inversion a peer reports, weft reports too."
  else
    echo "Reported by a peer but not by weft: ${missed[*]}."
  fi
  if ((${#peer_false[@]} > 0)); then
    echo "Lock-order reports by a peer on programs that cannot deadlock: ${peer_false[*]}."
  fi
  if ((${#noisy[@]} == 0)); then
    echo "weft is silent on every program that cannot deadlock or misuse the API."
  else
    echo "weft reports on programs that should be silent: ${noisy[*]}."
  fi
  echo "Of the $buggy programs that deadlock, can deadlock or misuse the API, each tool reported on:" \
    "ThreadSanitizer ${found[tsan]:-0}, Helgrind ${found[hg]:-0}, DRD ${found[drd]:-0}, weft ${found[weft]:-0}."
  echo "Of the $clean programs that should be silent, each tool reported on:" \
    "ThreadSanitizer ${wrong[tsan]:-0}, Helgrind ${wrong[hg]:-0}, DRD ${wrong[drd]:-0}, weft ${wrong[weft]:-0}."
} >"$tmp/section"

if ((to_stdout)); then
  cat "$tmp/section"
  exit 0
fi
begin='<!-- compare-deadlocks:begin -->'
end='<!-- compare-deadlocks:end -->'
grep -qF "$begin" "$doc" && grep -qF "$end" "$doc" ||
  { echo "compare-deadlocks: $doc lacks the $begin / $end markers" >&2; exit 1; }
awk -v b="$begin" -v e="$end" -v sec="$tmp/section" '
  $0 == b { print; while ((getline l < sec) > 0) print l; skip = 1; next }
  $0 == e { skip = 0 }
  !skip { print }' "$doc" >"$tmp/doc"
cp "$tmp/doc" "$doc"
echo "compare-deadlocks: table written to ${doc#"$root"/}" >&2
