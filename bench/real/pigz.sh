# shellcheck shell=bash disable=SC2034 # sourced by bench/real.sh
# Recipe for bench/real.sh (the interface is described at the top of it):
# pigz, parallel gzip, with zlib built from source by the same compiler and
# flags and linked statically, so the compression code itself is
# instrumented.  The workload compresses a generated text file with two
# threads (pigz hands blocks to a compression thread per core and joins
# them in order, through its own lock-and-wait library yarn.c), then
# decompresses it again (a reader, a writer and a check thread beside the
# inflater), and checks the round trip.

RECIPE_DESC="pigz -p 2 -6 then pigz -p 2 -d of 48 MiB of generated text (zlib built the same way, linked statically)"

pigz_input_bytes=$((48 * 1024 * 1024))

recipe_fetch() { # SRC
  real_apt_source zlib "$1"
  real_apt_source pigz "$1"
}

recipe_input() { # SRC WORK
  real_gen_text 1 "$pigz_input_bytes" "$2/input.txt"
  sha256sum <"$2/input.txt" | cut -d' ' -f1 >"$2/input.sha256"
}

recipe_build() { # SRC MODE CC CXX CFLAGS OUT
  local src=$1 cc=$3 cflags=$5 out=$6
  cp -a "$src/zlib/." "$out/zlib"
  cp -a "$src/pigz/." "$out/pigz-src"
  (
    cd "$out/zlib" || return
    CC=$cc CFLAGS=$cflags LDFLAGS=$cflags ./configure --static
    make -j"$REAL_JOBS" libz.a
  )
  # pigz's Makefile takes its flags from the command line; the link uses
  # CFLAGS too (-fsanitize=thread), and libz.a by path so it is static.
  make -C "$out/pigz-src" -j"$REAL_JOBS" pigz CC="$cc" \
    CFLAGS="$cflags -I$out/zlib" LDFLAGS="$cflags" LIBS="$out/zlib/libz.a -lm -lpthread"
  cp "$out/pigz-src/pigz" "$out/pigz"
  # The zlib in use is ours: no shared libz.
  if ldd "$out/pigz" | grep -q 'libz\.so'; then
    echo "pigz.sh: $out/pigz is linked with a shared libz" >&2
    return 1
  fi
}

recipe_run() { # OUT WORK RUNDIR
  local out=$1 work=$2
  real_time "$out/pigz" -p 2 -6 -n -c "$work/input.txt" >packed.gz
  real_time "$out/pigz" -p 2 -d -c packed.gz >unpacked.txt
  if [[ $(sha256sum <unpacked.txt | cut -d' ' -f1) != "$(cat "$work/input.sha256")" ]]; then
    echo "pigz.sh: the round trip did not give back the input" >&2
    return 1
  fi
  # pigz's output does not depend on the number of threads or their timing.
  echo "compressed: $(sha256sum <packed.gz | cut -d' ' -f1) $(stat -c %s packed.gz) bytes"
  echo "round trip: ok"
}
