# shellcheck shell=bash disable=SC2034 # sourced by bench/real.sh
# Recipe for bench/real.sh (the interface is described at the top of it):
# FastTree, which infers approximately-maximum-likelihood phylogenetic
# trees from alignments: one C file, built as Debian builds its OpenMP
# binary fasttreeMP (-DOPENMP -DUSE_DOUBLE, Debian's Makefile), with clang's
# -fopenmp, so it runs on LLVM's libomp.  The workload builds the tree of
# the 204-protein alignment (197 columns) that Debian ships for its
# autopkgtest, with two OpenMP threads: the neighbor-joining phase computes
# every sequence's top hits in a `parallel for` (schedule(dynamic, 50),
# per-node omp locks, progress under `critical`), the joins refresh hit
# lists in further `parallel for` loops (SetBestHit's among them, which is
# a team of its own when called outside a region), and every ML-NNI step
# scores the three topologies of a quartet in `parallel sections`
# (a small parallel region for each quartet).  -nosupport and -mlnni 4 keep it
# to a few seconds natively.
#
# Not race-free, and neither detector should be quiet here: both threads
# bump FastTree's global statistics (mymalloc/myfree's szAllAlloc and
# mymallocUsed, seqOps, profileOps, nLkCompute, nPosteriorCompute, ...) and
# SetAllLeafTopHits's nHasTopHits with no synchronization; the top-hits loop
# reads a node's nHits without the node's lock that its writer holds; and
# SetBestHit's loop compares and overwrites the shared *bestjoin from both
# threads.  None of that changes the tree written (TopHitJoin discards that
# bestjoin), which is the same for every build, run and thread count.
#
# The TSan build runs with Archer (ARCHER, default LLVM 19's libarcher.so)
# and ignore_noninstrumented_modules=1, as bench/run.sh runs its OpenMP
# workloads; weft needs nothing.

RECIPE_DESC="FastTree (fasttreeMP) -nosupport -mlnni 4 on Debian's 204-protein test alignment, OMP_NUM_THREADS=2, libomp"

fasttree__threads=2

recipe_fetch() { # SRC
  real_apt_source fasttree "$1"
}

recipe_input() { # SRC WORK
  local aln=$1/fasttree/debian/tests/test.fasta
  if [[ ! -f $aln ]]; then
    # Debian's test data is in its packaging, not in the upstream tarball.
    real_log "fasttree.sh: $aln is missing (the upstream tarball alone has no test alignment)"
    return 1
  fi
  cp "$aln" "$2/input.fasta"
  grep '^>' "$2/input.fasta" | sed 's/^>//' | sort >"$2/names.txt"
}

recipe_build() { # SRC MODE CC CXX CFLAGS OUT
  local src=$1 cc=$3 cflags=$5 out=$6
  cp -a "$src/fasttree/." "$out/src"
  cd "$out/src" || return
  # Debian's Makefile (a Debian patch) builds fasttreeMP with -DOPENMP
  # -fopenmp -DUSE_DOUBLE; CFLAGS reaches the compile and the link.  Without
  # the patch (upstream tarball alone) the same command by hand.
  if [[ -f Makefile ]]; then
    make -j"$REAL_JOBS" fasttreeMP CC="$cc" CFLAGS="$cflags -fopenmp" LDFLAGS="$cflags -fopenmp"
  else
    # shellcheck disable=SC2086 # CFLAGS is a list of flags
    "$cc" -DOPENMP -fopenmp $cflags -DUSE_DOUBLE fasttree.c -o fasttreeMP -lm
  fi
  cp fasttreeMP "$out/fasttreeMP"
  # clang's -fopenmp means LLVM's libomp, which weft and Archer understand.
  if ! ldd "$out/fasttreeMP" | grep -q 'libomp\.so'; then
    echo "fasttree.sh: $out/fasttreeMP is not linked with libomp" >&2
    return 1
  fi
}

recipe_run() { # OUT WORK RUNDIR
  local out=$1 work=$2 archer
  local env=(OMP_NUM_THREADS="$fasttree__threads")
  if [[ $REAL_MODE == tsan ]]; then
    archer=${ARCHER:-$(llvm-config-19 --libdir 2>/dev/null || echo /usr/lib/llvm-19/lib)/libarcher.so}
    if [[ ! -e $archer ]]; then
      real_log "fasttree.sh: Archer not found at $archer (package libomp-19-dev, or set ARCHER)"
      return 1
    fi
    env+=(OMP_TOOL_LIBRARIES="$archer" TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}ignore_noninstrumented_modules=1")
  fi
  real_time env "${env[@]}" "$out/fasttreeMP" -nosupport -mlnni 4 -quiet -nopr \
    "$work/input.fasta" >tree.nwk
  # Every sequence of the alignment is a leaf of the tree, once.
  grep -o '[(,][^(),:;][^(),:;]*' tree.nwk | tr -d '(,' | sort >leaves.txt
  if ! cmp -s leaves.txt "$work/names.txt"; then
    echo "fasttree.sh: the tree's leaves are not the alignment's sequences" >&2
    return 1
  fi
  # The tree does not depend on the number of threads or their timing.
  echo "tree: $(sha256sum <tree.nwk | cut -d' ' -f1) $(stat -c %s tree.nwk) bytes"
  echo "leaves: $(wc -l <leaves.txt)"
}
