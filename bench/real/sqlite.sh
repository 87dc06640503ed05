# shellcheck shell=bash disable=SC2034  # sourced by bench/real.sh
# Recipe for bench/real.sh (the interface is described at the top of it):
# SQLite's own multi-threaded test program, test/threadtest3.c with its
# tt3_*.c workloads, built together with the amalgamation sqlite3.c, so
# that SQLite itself is instrumented too, from Debian's source package.
#
# Which tests: most threadtest3 tests run for a fixed wall-clock time
# (walthread1-4, dynamic_triggers, checkpoint_starvation_*, stress*,
# vacuum1, ...: 10 to 60 s each, set in the test table and checked with
# timetostop()), so they take as long under TSan as natively and time
# nothing.  Only two do a fixed amount of work, and those are the ones run:
#   walthread5   builds a 64 MiB WAL database (65536 rows of 900 bytes),
#                copies it, then 5 threads open it at once (one recovers the
#                WAL, the others wait on its locks) and count its rows
#                through the shared-memory WAL index;
#   cgt_pager_1  one thread inserts, updates and reads 10000 rows of
#                600-900 bytes through the pager (SQLite's own mutexes
#                still on: it is built with SQLITE_THREADSAFE=1).
# Together about 3 s natively on 2 cores, 10-20 s with TSan.

RECIPE_DESC="SQLite 3 threadtest3 (walthread5: 5 threads on a 64 MiB WAL database; cgt_pager_1), amalgamation instrumented"

sqlite__tests=(walthread5 cgt_pager_1)

# sqlite__need_tool COMMAND PACKAGE: install PACKAGE with APT if COMMAND is
# missing (as root), or say what to do.
sqlite__need_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -ne 0 ]]; then
    real_log "sqlite: '$1' is needed to generate the amalgamation sqlite3.c;" \
      "as root, run: apt-get install $2"
    return 1
  fi
  real_log "sqlite: installing $2 (for '$1')"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" </dev/null >&2 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" </dev/null >&2; } ||
    { real_log "sqlite: 'apt-get install $2' failed"; return 1; }
}

# The source package is SQLite's full tree, not the amalgamation that
# threadtest3.c is meant to be built with: generate it once, here (it is
# source, the same for every build mode), in SRC/amalgamation, with the
# tree's own configure and make.  This needs tclsh and a host compiler.
recipe_fetch() {
  local src=$1 amalg=$1/amalgamation version
  real_apt_source sqlite3 "$src"
  version=$(cat "$src/.sqlite3.fetched" 2>/dev/null || echo unknown)
  if [[ -f $amalg/.done && $(cat "$amalg/.done") == "$version" ]]; then
    return 0
  fi
  sqlite__need_tool tclsh tcl
  sqlite__need_tool make make
  rm -rf "$amalg"
  mkdir -p "$amalg"
  real_log "sqlite: generating the amalgamation sqlite3.c ($version)"
  (
    cd "$amalg" || exit 1
    CC=${CC:-clang-19} CFLAGS=-O1 ../sqlite3/configure --disable-tcl >configure.log 2>&1 ||
      { tail -n 30 configure.log >&2; real_log "sqlite: configure failed"; exit 1; }
    make -j"$REAL_JOBS" sqlite3.c >make.log 2>&1 ||
      { tail -n 30 make.log >&2; real_log "sqlite: 'make sqlite3.c' failed"; exit 1; }
  )
  [[ -s $amalg/sqlite3.c && -s $amalg/sqlite3.h ]] ||
    { real_log "sqlite: 'make sqlite3.c' made no sqlite3.c"; return 1; }
  echo "$version" >"$amalg/.done"
}

recipe_input() {
  : # threadtest3 makes its own databases
}

# -DSQLITE_THREADSAFE=1 is the default, spelled out: the mutexes must be in.
# CFLAGS is a list of flags, split on purpose.
recipe_build() {
  local src=$1 mode=$2 cc=$3 cflags=$5 out=$6
  local tree=$src/sqlite3 amalg=$src/amalgamation
  # shellcheck disable=SC2086
  {
    real_log "sqlite: $mode: compiling sqlite3.c"
    "$cc" $cflags -DSQLITE_THREADSAFE=1 -I"$amalg" -c "$amalg/sqlite3.c" -o "$out/sqlite3.o"
    real_log "sqlite: $mode: compiling and linking threadtest3"
    "$cc" $cflags -DSQLITE_THREADSAFE=1 -I"$amalg" -I"$tree/src" \
      "$tree/test/threadtest3.c" "$tree/src/test_multiplex.c" "$out/sqlite3.o" \
      -o "$out/threadtest3" -lpthread -ldl -lm
  }
  [[ -x $out/threadtest3 ]]
}

# The output checked: which tests ran, the sizes of walthread5's WAL and
# database files once it has written them (before its threads start), and
# threadtest3's last line, "N errors out of M tests" (it exits non-zero
# when N > 0, which fails the run).  The rest of what it prints varies:
# "Thread N says" lines come in the order the threads finish, and whether
# the WAL is still there after they close depends on which closes last.
recipe_run() {
  local out=$1 rundir=$3
  real_time "$out/threadtest3" "${sqlite__tests[@]}" >"$rundir/out" ||
    { sed 's/^/threadtest3: /' "$rundir/out" >&2; return 1; }
  awk '/^Running / { print "ran " $2 } /^  WAL file is/ && !wal++ { print substr($0, 3) }' "$rundir/out"
  grep -E '^[0-9]+ errors out of [0-9]+ tests$' "$rundir/out" ||
    { sed 's/^/threadtest3: /' "$rundir/out" >&2; real_log "sqlite: no 'errors out of' line"; return 1; }
}
