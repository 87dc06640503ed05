#!/usr/bin/env bash
# Shows weft on the motivating example: examples/shared_resource.c (ten
# threads, one unlocked global) must get a data-race report and exit 66;
# examples/shared_resource_locked.c (the same under a mutex) must run
# silently and exit 0.  Exits 0 only when both happened.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"

cc="$root/build/bin/weft-cc"
out="$root/build/demo"
mkdir -p "$out"
ok=1
status=0

# Builds and runs one example, setting $status.  Its stderr (where weft
# reports) is kept for checking, then shown.
run_example() {
  local name="$1"
  echo
  echo "==> build/bin/weft-cc examples/$name.c -o build/demo/$name"
  if ! "$cc" "$root/examples/$name.c" -o "$out/$name"; then
    echo "==> compiling $name failed" >&2
    status=125
    return
  fi
  echo "==> build/demo/$name"
  set +e
  "$out/$name" 2>"$out/$name.stderr"
  status=$?
  set -e
  cat "$out/$name.stderr" >&2
  echo "==> exit status $status"
}

run_example shared_resource
if [[ "$status" -eq 66 ]] && grep -q '^WARNING: weft: data race' "$out/shared_resource.stderr"; then
  echo "==> as expected: a data race on shared_resource, exit status 66"
else
  echo "==> UNEXPECTED: wanted a data-race report and exit status 66" >&2
  ok=0
fi

run_example shared_resource_locked
if [[ "$status" -eq 0 ]] && ! grep -q 'WARNING: weft' "$out/shared_resource_locked.stderr"; then
  echo "==> as expected: no report, exit status 0"
else
  echo "==> UNEXPECTED: wanted no report and exit status 0" >&2
  ok=0
fi

echo
if ((ok)); then
  echo "demo: weft behaved as expected"
else
  echo "demo: weft did not behave as expected" >&2
  exit 1
fi
