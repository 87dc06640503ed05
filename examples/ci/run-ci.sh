#!/usr/bin/env bash
# The CI pipeline of docs/ci.md, end to end:
#   examples/ci/run-ci.sh [WEFT_TREE]
# WEFT_TREE is a weft build or install tree (default: build/ at the top of
# this repository).  Everything is written under WEFT_CI_OUT (default: a
# new temporary directory), which is also the working directory, so the
# paths printed are relative to it.  The exit status is the baseline
# check's: 0 when every weft report is in weft-baseline.txt.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tree="$(cd "${1:-$here/../../build}" && pwd)"
export PATH="$tree/bin:$PATH"
out="${WEFT_CI_OUT:-$(mktemp -d)}"
mkdir -p "$out" && cd "$out" || exit 2
# lit ships inside the LLVM tree of the clang weft uses.
lit="${LIT:-$(dirname "$(weft-config --cc)")/../build/utils/lit/lit.py}"

step() { printf '\n== %s\n' "$*"; }

step "CMake build with weft-cc, tests under ctest"
cmake -S "$here" -B cmake-build -DCMAKE_C_COMPILER=weft-cc \
  -DWEFT_LOG_DIR="$out/logs/ctest" >/dev/null || exit 2
cmake --build cmake-build >/dev/null || exit 2
rm -rf logs/ctest && mkdir -p logs/ctest     # stale logs would be merged too
ctest --test-dir cmake-build --output-on-failure
echo "ctest exit status: $?"

step "make build with weft-cc, tests under make check"
mkdir -p logs/make
make -s -C "$here" CC=weft-cc BUILD="$out/make-build" WEFT_LOG_DIR="$out/logs/make" -k check
echo "make exit status: $?"

step "the make build's tests under lit"
python3 "$lit" -v "$here/lit" -Dbuild="$out/make-build" -Dweft_log_dir="$out/logs/lit"
echo "lit exit status: $?"

step "weft-report: what was found"
ls logs/*
weft-report --source-root "$here" logs
echo "weft-report exit status: $?"

step "weft-report: SARIF and JUnit for the CI server"
weft-report sarif --source-root "$here" logs -o weft.sarif
echo "sarif exit status: $?"
weft-report junit --source-root "$here" logs -o weft-junit.xml
echo "junit exit status: $?"

step "weft-report: the gate, new reports only"
weft-report diff --baseline "$here/weft-baseline.txt" --source-root "$here" --no-source logs
status=$?
echo "diff exit status: $status"
exit "$status"
