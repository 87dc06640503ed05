#!/usr/bin/env bash
# Another project's own multithreaded test suite under weft, next to
# ThreadSanitizer and a native build: libevent's regression suite
# (`regress`, with its thread tests) and the other test programs of
# libevent's `verify` target, taken at run time from the Debian source
# package (`apt-get source libevent`) and cached.
#
# libevent is built three ways with CMake, as its CI's TSan job builds it
# (CMAKE_BUILD_TYPE=Debug, threads on), plus static libraries so the
# library itself is instrumented, and without OpenSSL or the samples and
# benchmarks, which the tests do not need:
#   native   clang-19
#   tsan     clang-19 -fsanitize=thread
#   weft     build/bin/weft-cc
# The tests are the ones libevent's CMake registers with CTest (read from
# `ctest --show-only=json-v1`, so every backend variant the CI runs is
# there: epoll with timerfd and/or changelist, select, poll, each with and
# without EVENT_DEBUG_MODE=1, and the rate-limit tests), each run with the
# environment CTest would give it, after unsetting EVENT_NO* as the
# `verify` target does.  Like CTest, regress runs every test case in a
# forked child (its default); `--quiet` is dropped from its command line
# only so that it names each case with its outcome.
#
# Both detectors run with exitcode=0, so a report does not by itself fail a
# test (a report in a forked regress child would otherwise fail that case
# through tinytest's "[atexit failure!]"): failures are the tests' own,
# reports are counted apart.  TSan also gets allocator_may_return_null=1,
# which the CI sets for main/event_calloc_enomem.  The CI's suppression
# file is not used: the comparison wants every report.
#
# Usage: scripts/real-tests.sh [--timeout S] [--jobs J] [--keep]
#   --timeout S   kill a test program after S seconds (default 900)
#   --jobs J      test programs run J at a time within a build (default 2)
#   --keep        keep the scratch folder (builds and every test's output)
# Environment: WEFT_BUILD, the weft build to use (default: the
# repository's build/); CC (default clang-19) for the native and TSan
# builds; TSAN_OPTIONS and WEFT_OPTIONS are added to the settings above;
# WEFT_REAL_TESTS_CACHE, where the source and the last logs are kept
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/weft/real-tests); TMPDIR.
# Needs cmake, python3 (libevent's CMake generates regress's RPC code with
# it) and GNU timeout, installed with apt-get when missing and run as root,
# and for the first run apt-get with deb-src entries (added, as root, when
# there are none).  The summary goes to stdout, progress to stderr.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
pkg=libevent
cc=${CC:-clang-19}
cache=${WEFT_REAL_TESTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/weft/real-tests}
modes=(native tsan weft)

die() {
  echo "real-tests: $*" >&2
  exit 1
}
bad_usage() {
  echo "real-tests: $* (try --help)" >&2
  exit 2
}
usage() { sed -n '/^# Usage:/,/^#   --keep/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
log() { echo "real-tests: $*" >&2; }

limit=900
jobs=2
keep=0
while (($#)); do
  case $1 in
  --timeout) [[ $# -ge 2 ]] || bad_usage "--timeout needs a number of seconds"; limit=$2; shift ;;
  --timeout=*) limit=${1#*=} ;;
  --jobs | -j) [[ $# -ge 2 ]] || bad_usage "--jobs needs a number"; jobs=$2; shift ;;
  --jobs=*) jobs=${1#*=} ;;
  --keep) keep=1 ;;
  -h | --help) usage; exit 0 ;;
  *) bad_usage "unknown argument '$1'" ;;
  esac
  shift
done
[[ $limit =~ ^[1-9][0-9]*$ ]] || bad_usage "--timeout wants a positive number of seconds, not '$limit'"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || bad_usage "--jobs wants a positive number, not '$jobs'"

build=${WEFT_BUILD:-$root/build}
[[ -d $build ]] || die "no weft build at '$build' (cmake --build build, or set WEFT_BUILD)"
build=$(cd "$build" && pwd)
weft_cc=$build/bin/weft-cc
[[ -x $weft_cc ]] || die "$weft_cc is missing: build weft first (bash scripts/setup.sh)"
command -v "$cc" >/dev/null || die "$cc not found (set CC to a clang with -fsanitize=thread)"
cc=$(command -v "$cc")

need=()
command -v cmake >/dev/null || need+=(cmake)
command -v python3 >/dev/null || need+=(python3)
command -v timeout >/dev/null || need+=(coreutils)
if ((${#need[@]})); then
  ((EUID == 0)) || die "missing: ${need[*]} (as root: apt-get install -y ${need[*]})"
  log "apt-get install -y ${need[*]}"
  apt-get install -y -q "${need[@]}" >&2 || die "apt-get install ${need[*]} failed"
fi

# ---- the source ------------------------------------------------------------
# shellcheck source=SCRIPTDIR/lib/debsrc.sh
source "$here/lib/debsrc.sh"
DEBSRC_WHO=real-tests
debsrc_fetch "$pkg" "$cache/src" "$cache" || die "cannot fetch the $pkg source package (above)"
src=$(cd "$cache/src/$pkg" && pwd -P)
version=$(cat "$cache/src/.$pkg.fetched")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-real-tests.XXXXXX")
logs=$tmp/logs
mkdir -p "$logs"
cleanup() {
  # The outputs outlive the scratch folder: the reports are worth reading.
  if [[ -d $logs ]]; then
    rm -rf "$cache/logs"
    cp -r "$logs" "$cache/logs" 2>/dev/null || true
  fi
  if ((keep)); then
    log "scratch folder kept: $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# One line per fact, read by the summary:
#   build MODE ok|failed SECONDS
#   test MODE NAME RC SECONDS
#   wall MODE SECONDS
data=$tmp/data
: >"$data"

# ---- the builds ------------------------------------------------------------
build_one() { # build_one MODE OUT
  local mode=$1 out=$2 c=$cc flags=
  case $mode in
  tsan) flags=-fsanitize=thread ;;
  weft) c=$weft_cc ;;
  esac
  # CMake passes CMAKE_C_FLAGS to the link too, which TSan needs.
  cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER="$c" \
    -DCMAKE_C_FLAGS="$flags" -DEVENT__LIBRARY_TYPE=STATIC -DEVENT__DISABLE_OPENSSL=ON \
    -DEVENT__DISABLE_BENCHMARK=ON -DEVENT__DISABLE_SAMPLES=ON &&
    cmake --build "$out" -j "$(nproc)"
}

log "$pkg $version; builds: ${modes[*]}; tests $jobs at a time, timeout $limit s"
for mode in "${modes[@]}"; do
  out=$tmp/build/$mode
  log "building ($mode)"
  t0=$(now)
  if build_one "$mode" "$out" >"$logs/$mode.build.log" 2>&1; then
    echo "build $mode ok $(elapsed "$t0" "$(now)")" >>"$data"
  else
    echo "build $mode failed $(elapsed "$t0" "$(now)")" >>"$data"
    tail -n 30 "$logs/$mode.build.log" >&2
    log "the $mode build failed (log above); its tests are not run"
  fi
done

# ---- the tests -------------------------------------------------------------
# CTest's list, turned into one small bash file per test that sets its
# working directory, environment and command.
list_tests() { # list_tests BUILD_DIR DEST_DIR
  (cd "$1" && ctest --show-only=json-v1) | python3 -c '
import json, shlex, sys, os
dest = sys.argv[1]
for t in json.load(sys.stdin)["tests"]:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    cmd = list(t["command"])
    if os.path.basename(cmd[0]) == "regress":
        cmd = [a for a in cmd if a != "--quiet"]
    with open(os.path.join(dest, t["name"]), "w") as f:
        f.write("cd %s\n" % shlex.quote(props.get("WORKING_DIRECTORY", sys.argv[2])))
        for kv in props.get("ENVIRONMENT", []):
            f.write("export %s\n" % shlex.quote(kv))
        f.write("cmd=(%s)\n" % " ".join(shlex.quote(a) for a in cmd))
' "$2" "$1"
}

run_test() { # run_test MODE NAME: one test, output to $logs/MODE/NAME.out
  local mode=$1 name=$2 rc=0 t0
  t0=$(now)
  (
    for v in $(compgen -e); do
      [[ $v == EVENT_NO* ]] && unset "$v"
    done
    # shellcheck source=/dev/null
    source "$tmp/tests/$mode/$name"
    # shellcheck disable=SC2154 # cmd comes from the test's file
    exec timeout -k 10 "$limit" "${cmd[@]}"
  ) </dev/null >"$logs/$mode/$name.out" 2>&1 || rc=$?
  echo "test $mode $name $rc $(elapsed "$t0" "$(now)")" >>"$data"
}

export TSAN_OPTIONS="allocator_may_return_null=1:exitcode=0${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
export WEFT_OPTIONS="exitcode=0${WEFT_OPTIONS:+:$WEFT_OPTIONS}"

for mode in "${modes[@]}"; do
  grep -q "^build $mode ok" "$data" || continue
  mkdir -p "$tmp/tests/$mode" "$logs/$mode"
  list_tests "$tmp/build/$mode" "$tmp/tests/$mode" || die "cannot read the $mode build's CTest list"
  mapfile -t names < <(ls "$tmp/tests/$mode")
  # The long ones first, so the pool does not end waiting on one of them.
  mapfile -t names < <(printf '%s\n' "${names[@]}" | awk '{ print (/^regress/ ? 0 : 1), $0 }' |
    sort -k1,1n -k2 | cut -d' ' -f2)
  log "running $mode: ${#names[@]} test programs"
  t0=$(now)
  for name in "${names[@]}"; do
    # Counted afresh each time: `wait -n` can return for a job that is
    # not one of these.
    while (($(jobs -rp | wc -l) >= jobs)); do
      wait -n || true
    done
    run_test "$mode" "$name" &
  done
  wait || true
  echo "wall $mode $(elapsed "$t0" "$(now)")" >>"$data"
  log "$mode done in $(elapsed "$t0" "$(now)") s"
done

# ---- the summary -----------------------------------------------------------
# Reports are counted in every test's output, the forked regress children's
# included.  A report's identity: its header (kind, without the pid) and
# the first frame of each of its first two stacks (function and file:line,
# without the column, paths relative to the source).  Counted per build,
# and across builds with the two frames in either order, so weft's reports
# can be matched with TSan's.
python3 - "$data" "$logs" "$src" "$pkg $version" "$limit" "$TSAN_OPTIONS" "$WEFT_OPTIONS" <<'EOF'
import collections, os, re, sys

data, logs, src, what, limit, tsan_opts, weft_opts = sys.argv[1:]
modes = ["native", "tsan", "weft"]
builds, tests, wall = {}, collections.defaultdict(dict), {}
for line in open(data):
    f = line.split()
    if f[0] == "build":
        builds[f[1]] = (f[2], float(f[3]))
    elif f[0] == "test":
        tests[f[1]][f[2]] = (int(f[3]), float(f[4]))
    elif f[0] == "wall":
        wall[f[1]] = float(f[2])

head_re = re.compile(r"^WARNING: (ThreadSanitizer|weft): (.*?)(?: \(pid=\d+\))?\s*$")
frame_re = re.compile(r"^\s+#0 (\S+) (\S+?)(?::\d+)?(?: \(.*\))?\s*$")
case_re = re.compile(r"^([\w./-]+): (?:\[forking\] )?(OK|SKIPPED|DISABLED)\s*$")
failed_re = re.compile(r"^\s*\[(\S+) FAILED\]")

def short(path):
    return path[len(src) + 1:] if path.startswith(src + "/") else os.path.basename(path)

def reports(text):
    """Yields (kind, frames) for every detector report in text."""
    lines = text.splitlines()
    for i, l in enumerate(lines):
        m = head_re.match(l)
        if not m:
            continue
        frames = []
        for l2 in lines[i + 1:]:
            if head_re.match(l2) or l2.startswith("SUMMARY:"):
                break
            fm = frame_re.match(l2)
            if fm:
                frames.append("%s %s" % (fm.group(1), short(fm.group(2))))
                if len(frames) == 2:
                    break
        yield m.group(2), tuple(frames)

def norm_kind(k):
    k = k.lower()
    return "data race" if k.startswith("data race") else k

cases = {m: collections.Counter() for m in modes}
case_fail = {m: collections.defaultdict(set) for m in modes}
reps = {m: collections.Counter() for m in modes}
rep_tests = {m: collections.defaultdict(set) for m in modes}
for m in modes:
    for name in tests[m]:
        path = os.path.join(logs, m, name + ".out")
        text = open(path, errors="replace").read() if os.path.exists(path) else ""
        for kind, frames in reports(text):
            key = (kind, frames)
            reps[m][key] += 1
            rep_tests[m][key].add(name)
        if name.startswith("regress"):
            # tinytest's own tally (a retried case counts once); a run
            # that ended without one (crash, timeout) counts as it went.
            tally = None
            for l in text.splitlines():
                sm = re.match(r"^(\d+)/(\d+) TESTS FAILED\. \((\d+) skipped\)", l)
                om = re.match(r"^(\d+) tests ok\.\s+\((\d+) skipped\)", l)
                if sm:
                    tally = (int(sm.group(2)) - int(sm.group(1)), int(sm.group(1)), int(sm.group(3)))
                elif om:
                    tally = (int(om.group(1)), 0, int(om.group(2)))
            if tally is None:
                cases[m]["incomplete"] += 1
                tally = (sum(1 for l in text.splitlines() if case_re.match(l) and l.rstrip().endswith("OK")),
                         0, sum(1 for l in text.splitlines() if case_re.match(l) and not l.rstrip().endswith("OK")))
            cases[m]["ok"] += tally[0]
            cases[m]["failed"] += tally[1]
            cases[m]["skipped"] += tally[2]
            # The case a failure belongs to is the last one announced.
            cur = None
            for l in text.splitlines():
                am = re.match(r"^([\w./-]+/[\w.-]+): ", l)
                if am:
                    cur = am.group(1)
                if failed_re.match(l) and cur:
                    case_fail[m][cur].add(name)

def status(rc):
    return "pass" if rc == 0 else ("timeout" if rc in (124, 137) else
                                   ("signal %d" % (rc - 128) if rc > 128 else "fail"))

print("%s: libevent's CTest suite (the `verify` target), three builds" % what)
print("TSAN_OPTIONS=%s  WEFT_OPTIONS=%s  timeout %s s per test program\n" % (tsan_opts, weft_opts, limit))
w = [34, 14, 14, 14]
def row(cells):
    print("".join(str(c).ljust(w[i]) if i == 0 else str(c).rjust(w[i]) for i, c in enumerate(cells)))
row([""] + modes)
row(["build (s)"] + ["%.0f" % builds[m][1] if m in builds and builds[m][0] == "ok"
                     else "failed" for m in modes])
def count(m, pred):
    return sum(1 for rc, _ in tests[m].values() if pred(rc))
row(["test programs pass/fail"] + ["%d/%d" % (count(m, lambda r: r == 0), count(m, lambda r: r != 0))
                                   if tests[m] else "-" for m in modes])
row(["  of which timeouts, signals"] + ["%d, %d" % (count(m, lambda r: r in (124, 137)),
                                                  count(m, lambda r: r > 128 and r != 137))
                                        if tests[m] else "-" for m in modes])
row(["regress cases ok/failed/skipped"] + ["%d/%d/%d" % (cases[m]["ok"], cases[m]["failed"], cases[m]["skipped"])
                                           if tests[m] else "-" for m in modes])
row(["reports"] + [sum(reps[m].values()) if tests[m] else "-" for m in modes])
row(["regress runs without a tally"] + [cases[m]["incomplete"] if tests[m] else "-" for m in modes])
row(["distinct reports"] + [len(reps[m]) if tests[m] else "-" for m in modes])
row(["wall time of the tests (s)"] + ["%.0f" % wall[m] if m in wall else "-" for m in modes])
print("(regress cases are summed over the %d regress runs; skipped includes disabled)"
      % sum(1 for n in tests["native"] if n.startswith("regress")))

base = tests["native"]
for m in ("tsan", "weft"):
    worse = sorted(n for n, (rc, _) in tests[m].items() if rc != 0 and base.get(n, (1,))[0] == 0)
    if worse:
        print("\ntest programs that pass natively but not under %s:" % m)
        for n in worse:
            print("  %-44s %s (%.0f s; native %.0f s)" % (n, status(tests[m][n][0]), tests[m][n][1], base[n][1]))
    newfail = sorted(c for c in case_fail[m] if c not in case_fail["native"])
    if newfail:
        print("regress cases that fail under %s and never natively:" % m)
        for c in newfail:
            print("  %-44s in %d of the regress runs" % (c, len(case_fail[m][c])))
if case_fail["native"]:
    print("\nregress cases that fail natively: " + ", ".join(
        "%s (%d)" % (c, len(r)) for c, r in sorted(case_fail["native"].items())))

def cross(key):
    kind, frames = key
    return norm_kind(kind), tuple(sorted(frames))
tsan_keys = {cross(k) for k in reps["tsan"]}
weft_keys = {cross(k) for k in reps["weft"]}
for m in ("weft", "tsan", "native"):
    if not reps[m]:
        continue
    other = tsan_keys if m == "weft" else weft_keys
    print("\ndistinct %s reports (count, tests%s):" % (m, ", also by the other detector" if m != "native" else ""))
    for key, n in sorted(reps[m].items(), key=lambda kv: (-kv[1], kv[0])):
        kind, frames = key
        also = ""
        if m != "native":
            also = "  [also %s]" % ("tsan" if m == "weft" else "weft") if cross(key) in other else "  [only %s]" % m
        t = sorted(rep_tests[m][key])
        print("  %4d  %s: %s%s" % (n, kind, " | ".join(frames) or "(no frames)", also))
        print("        in %d test programs: %s" % (len(t), ", ".join(t[:4]) + (", ..." if len(t) > 4 else "")))
EOF
log "each test's output: $cache/logs/<build>/<test>.out"
