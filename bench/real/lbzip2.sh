# shellcheck shell=bash disable=SC2034 # sourced by bench/real.sh
# Recipe for bench/real.sh (the interface is described at the top of it):
# lbzip2, a parallel bzip2 with its own compressor and decompressor (no
# libbz2), built with autotools and gnulib.  The workload compresses a
# generated text file with two worker threads (lbzip2 splits the input
# into blocks, a pool of workers sorts and encodes them, and a muxer writes
# them out in order, all under one mutex and several condition variables),
# then decompresses it again, and checks the round trip.

RECIPE_DESC="lbzip2 -n 2 -9 then lbzip2 -n 2 -d of 24 MiB of generated text"

lbzip2_input_bytes=$((24 * 1024 * 1024))

recipe_fetch() { # SRC
  real_apt_source lbzip2 "$1"
}

recipe_input() { # SRC WORK
  real_gen_text 2 "$lbzip2_input_bytes" "$2/input.txt"
  sha256sum <"$2/input.txt" | cut -d' ' -f1 >"$2/input.sha256"
}

recipe_build() { # SRC MODE CC CXX CFLAGS OUT
  local src=$1 cc=$3 cflags=$5 out=$6
  cp -a "$src/lbzip2/." "$out/src"
  cd "$out/src" || return
  # lbzip2 2.5's gnulib predates glibc 2.28, which hid the FILE flags it
  # tests for; without Debian's patch (the archive may give the upstream
  # tarball alone), teach it the test newer gnulib uses.
  sed -i 's/^#if defined _IO_ftrylockfile || __GNU_LIBRARY__ == 1/#if defined _IO_EOF_SEEN || defined _IO_ftrylockfile || __GNU_LIBRARY__ == 1/' \
    lib/fseterr.c
  ./configure CC="$cc" CFLAGS="$cflags" LDFLAGS="$cflags"
  make -j"$REAL_JOBS"
  cp src/lbzip2 "$out/lbzip2"
}

recipe_run() { # OUT WORK RUNDIR
  local out=$1 work=$2
  real_time "$out/lbzip2" -n 2 -9 -c "$work/input.txt" >packed.bz2
  real_time "$out/lbzip2" -n 2 -d -c packed.bz2 >unpacked.txt
  if [[ $(sha256sum <unpacked.txt | cut -d' ' -f1) != "$(cat "$work/input.sha256")" ]]; then
    echo "lbzip2.sh: the round trip did not give back the input" >&2
    return 1
  fi
  # lbzip2's output does not depend on the number of threads or their timing.
  echo "compressed: $(sha256sum <packed.bz2 | cut -d' ' -f1) $(stat -c %s packed.bz2) bytes"
  echo "round trip: ok"
}
