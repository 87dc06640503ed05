#!/usr/bin/env bash
# Makes a Debian 12 machine ready to build and test weft, then builds weft
# into build/.  Rerunning is cheap: packages already installed are not
# touched and the build is incremental.  Installing needs root (or sudo);
# nothing else here does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build"

# Why each package is here: docs/dependencies.md.  make: CMake's default
# generator (a recommendation of cmake only, so not always present).
packages=(clang-19 llvm-19-dev libclang-19-dev llvm-19-tools libclang-rt-19-dev
  libunwind-dev libjson-c-dev libomp-19-dev cmake make python3 valgrind time)

missing=()
for p in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
  [[ "$status" == installed ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ "$(id -u)" -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup.sh: missing packages: ${missing[*]}" >&2
    echo "setup.sh: as root, run: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup.sh: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "${missing[@]}" </dev/null
fi

if [[ -f "$build/CMakeCache.txt" ]]; then
  # Reconfiguring an existing tree keeps the user's cache choices.
  cmake -S "$root" -B "$build"
else
  cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j"$(nproc)"
