# shellcheck shell=bash disable=SC2034  # sourced by bench/real.sh
# Recipe for bench/real.sh (the interface is described at the top of it):
# LevelDB's db_bench, from Debian's source package, built with its CMake
# files (library and benchmark statically linked, so LevelDB is
# instrumented).  Snappy, crc32c and tcmalloc are left out even when they
# are installed, so every line that runs is built here: without Snappy,
# blocks are stored uncompressed.  db_bench includes the GoogleTest headers
# (util/testutil.h) and links gmock and gtest, though it runs none of their
# code: those come from Debian's libgmock-dev, installed if missing.
#
# The workload: 2 threads running each benchmark at once on one database,
# while LevelDB's own background thread flushes and compacts: concurrent
# writers in the group-commit queue, readers and iterators against the
# memtable and the table cache, then readwhilewriting (2 readers and
# 1 writer).  50000 keys; about 2.5 s natively on 2 cores, 25-50 s with
# TSan (the second figure on a busy machine).

RECIPE_DESC="LevelDB db_bench, 2 threads: fill, overwrite, random and sequential reads, seeks, compaction, deletes, readwhilewriting"

# shellcheck disable=SC2054  # the commas are db_bench's
leveldb__args=(--threads=2 --num=50000
  --benchmarks=fillrandom,overwrite,readrandom,seekrandom,readseq,readreverse,compact,readrandom,deleterandom,readwhilewriting)

recipe_fetch() {
  local status tool
  real_apt_source leveldb "$1"
  for tool in cmake make; do
    command -v "$tool" >/dev/null ||
      { real_log "leveldb: $tool is needed (bash scripts/setup.sh installs it)"; return 1; }
  done
  status=$(dpkg-query -W -f='${db:Status-Status}' libgmock-dev 2>/dev/null || true)
  [[ $status == installed ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    real_log "leveldb: db_bench needs the GoogleTest headers and libraries;" \
      "as root, run: apt-get install libgmock-dev"
    return 1
  fi
  real_log "leveldb: installing libgmock-dev (db_bench includes gmock/gmock.h)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q libgmock-dev </dev/null >&2 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q libgmock-dev </dev/null >&2; } ||
    { real_log "leveldb: 'apt-get install libgmock-dev' failed"; return 1; }
}

recipe_input() {
  : # db_bench makes its own keys and values (fixed seeds)
}

# No CMAKE_BUILD_TYPE, so CFLAGS are the only optimisation flags; -DNDEBUG
# as in a release build (LevelDB's asserts off), the same in every mode.
# The HAVE_* cache entries stop CMake from finding optional libraries.
recipe_build() {
  local src=$1 mode=$2 cc=$3 cxx=$4 cflags=$5 out=$6
  real_log "leveldb: $mode: configuring"
  cmake -S "$src/leveldb" -B "$out/build" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_BUILD_TYPE= \
    -DCMAKE_C_FLAGS="$cflags -DNDEBUG" -DCMAKE_CXX_FLAGS="$cflags -DNDEBUG" \
    -DCMAKE_EXE_LINKER_FLAGS="$cflags" \
    -DBUILD_SHARED_LIBS=OFF -DLEVELDB_BUILD_TESTS=OFF -DLEVELDB_BUILD_BENCHMARKS=ON \
    -DLEVELDB_INSTALL=OFF \
    -DHAVE_SNAPPY=0 -DHAVE_CRC32C=0 -DHAVE_TCMALLOC=0 -DHAVE_SQLITE3=0 -DHAVE_KYOTOCABINET=0
  real_log "leveldb: $mode: building db_bench"
  cmake --build "$out/build" --target db_bench -j"$REAL_JOBS"
  cp "$out/build/db_bench" "$out/db_bench"
}

# The output checked: db_bench prints one line per benchmark, "NAME :
# X micros/op; [Y MB/s] [MESSAGE]", with timings; what is kept is the name
# and the message, which is deterministic: every thread's keys come from a
# fixed seed, so which keys exist, and so "(49156 of 50000 found)" of the
# reads, is the same whatever the interleaving.  Not for readwhilewriting,
# whose writer runs as long as its readers do: its message is dropped.
# db_bench exits non-zero on any LevelDB error ("put error", ...).
recipe_run() {
  local out=$1 rundir=$3
  real_time "$out/db_bench" "${leveldb__args[@]}" --db="$rundir/db" >"$rundir/out" ||
    { sed 's/^/db_bench: /' "$rundir/out" >&2; return 1; }
  awk -F' : ' '
    NF == 2 && $1 ~ /^[a-z0-9]+ *$/ {
      name = $1; sub(/ +$/, "", name)
      msg = ""
      if (match($2, /\(.*\)$/)) msg = " " substr($2, RSTART)
      if (name == "readwhilewriting") msg = ""
      print name msg; n++
    }
    END { if (n == 0) exit 1 }' "$rundir/out" ||
    { sed 's/^/db_bench: /' "$rundir/out" >&2; real_log "leveldb: no benchmark lines"; return 1; }
}
