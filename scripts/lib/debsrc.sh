# shellcheck shell=bash
# Fetching Debian source packages with apt-get, for the scripts that run
# other people's programs and test suites (bench/real.sh,
# scripts/compare-openmp.sh, scripts/real-tests.sh).  Sourced, never run;
# it defines functions only and changes no shell option.
#
# The caller may set, before calling:
#   DEBSRC_WHO    the name that prefixes every message (default: debsrc)
# Environment: WEFT_BENCH_FALLBACK_SUITE names the Debian release tried when
# this release's archive cannot serve a package (default: the next one).
#
#   debsrc_have            true if APT has a deb-src entry somewhere
#   debsrc_ensure          add deb-src entries when there are none (as root,
#                          one for each deb stanza of debian.sources) and
#                          update; false, with a hint, when it cannot
#   debsrc_apt_update      apt-get update (as root); false when it cannot
#   debsrc_known PKG       true once APT knows source package PKG, after an
#                          update (as root) if it did not at first
#   debsrc_fetch PKG DEST CACHE
#                          `apt-get source PKG` unpacked under DEST (Debian's
#                          patches applied), linked as DEST/PKG; the version
#                          and where it came from go to DEST/.PKG.fetched.
#                          Returns at once when that is done already.  CACHE
#                          holds the lock and the private APT state of the
#                          fallbacks (see debsrc_fetch below).
#
# Messages go to stderr.  Nothing here writes outside DEST, CACHE and, as
# root, /etc/apt/sources.list.d/debian-src.sources and APT's own state.

debsrc__log() { echo "${DEBSRC_WHO:-debsrc}: $*" >&2; }

debsrc__main=/etc/apt/sources.list.d/debian.sources

# One-line (sources.list) or deb822 (*.sources) format.
debsrc_have() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] && grep -Eqs '^[[:space:]]*deb-src[[:space:]]' "$f" && return 0
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] && grep -Eiqs '^[[:space:]]*Types:.*[[:space:]]deb-src([[:space:]]|$)' "$f" && return 0
  done
  return 1
}

debsrc_ensure() {
  debsrc_have && return 0
  local main=$debsrc__main new=/etc/apt/sources.list.d/debian-src.sources
  if [[ $(id -u) -ne 0 ]]; then
    debsrc__log "APT has no deb-src entries. As root, add them and update, e.g.:"
    debsrc__log "  sed 's/^Types: deb\$/Types: deb-src/' $main > $new && apt-get update"
    return 1
  fi
  [[ -f $main ]] || { debsrc__log "no deb-src entries and no $main to copy them from"; return 1; }
  # One deb-src stanza for each deb stanza: same URIs, suites and keys.
  if sed -E 's/^([[:space:]]*Types:[[:space:]]*)deb[[:space:]]*$/\1deb-src/' "$main" >"$new.tmp" &&
    grep -q '^[[:space:]]*Types:[[:space:]]*deb-src' "$new.tmp"; then
    mv "$new.tmp" "$new"
  else
    rm -f "$new.tmp"
    debsrc__log "could not derive deb-src entries from $main"
    return 1
  fi
  debsrc__log "added deb-src entries: $new"
  debsrc_apt_update
}

debsrc_apt_update() {
  if [[ $(id -u) -ne 0 ]]; then
    debsrc__log "APT's source lists may be missing or stale; as root, run apt-get update"
    return 1
  fi
  debsrc__log "apt-get update"
  apt-get update -q >&2 || { debsrc__log "apt-get update failed"; return 1; }
}

debsrc_known() { # debsrc_known PKG
  debsrc_ensure || return 1
  [[ -n $(apt-cache showsrc "$1" 2>/dev/null) ]] && return 0
  debsrc_apt_update || return 1
  [[ -n $(apt-cache showsrc "$1" 2>/dev/null) ]] ||
    { debsrc__log "APT does not know the source package $1"; return 1; }
}

# The Debian release after this machine's, whose sources are tried when
# the archive has lost a file of this release's source package (a partial
# mirror, a security update that replaced a version).
debsrc__next_suite() {
  local cur
  if [[ -n ${WEFT_BENCH_FALLBACK_SUITE-} ]]; then
    echo "$WEFT_BENCH_FALLBACK_SUITE"
    return 0
  fi
  cur=$( (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME-}") || true)
  case $cur in
  buster) echo bullseye ;;
  bullseye) echo bookworm ;;
  bookworm) echo trixie ;;
  trixie) echo forky ;;
  *) return 1 ;;
  esac
}

# A private APT state under CACHE/apt/SUITE with the deb-src entry of SUITE
# (same archive and key as the system's): no root needed, the system
# untouched.  Leaves the apt-get options that select it in debsrc__private.
debsrc__private=()
debsrc__private_apt() { # debsrc__private_apt SUITE CACHE
  local suite=$1 dir=$2/apt/$1 uri='' key=''
  local main=$debsrc__main
  if [[ -f $main ]]; then
    uri=$(awk '$1 == "URIs:" { print $2; exit }' "$main")
    key=$(awk '$1 == "Signed-By:" && $2 ~ /^\// { print $2; exit }' "$main")
  elif [[ -f /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
      /etc/apt/sources.list)
  fi
  uri=${uri:-http://deb.debian.org/debian}
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  echo "deb-src ${key:+[signed-by=$key] }$uri $suite main" >"$dir/sources.list"
  debsrc__private=(-o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache"
    -o "Dir::Etc::SourceList=$dir/sources.list" -o "Dir::Etc::SourceParts=$dir/none")
  debsrc__log "reading the $suite source lists (private APT state in the cache)"
  apt-get "${debsrc__private[@]}" update -q >&2 ||
    { debsrc__log "apt-get update of the $suite sources failed"; return 1; }
}

# Versions of source package PKG that APT (with options OPTS) knows, newest first.
debsrc__versions() { # debsrc__versions PKG [OPTS...]
  local pkg=$1
  shift
  apt-cache "$@" showsrc "$pkg" 2>/dev/null |
    awk -v p="$pkg" '$1 == "Package:" { ok = $2 == p } ok && $1 == "Version:" { print $2 }' |
    sort -Vru
}

# One try: apt-get source into the fresh folder F; on success F holds the
# unpacked tree (the only folder in it).  tar: the upstream tarball alone,
# unpacked here without Debian's patches.
debsrc__get() { # debsrc__get F SPEC tar|full [OPTS...]
  local f=$1 spec=$2 kind=$3 t
  shift 3
  rm -rf "$f"
  mkdir -p "$f"
  if [[ $kind == full ]]; then
    (cd "$f" && apt-get "$@" source -q "$spec") >&2 || return 1
  else
    (cd "$f" && apt-get "$@" source -q --tar-only "$spec") >&2 || return 1
    for t in "$f"/*.orig.tar.*; do
      [[ -f $t ]] || return 1
      tar -xf "$t" -C "$f" || return 1
    done
  fi
  [[ $(find "$f" -mindepth 1 -maxdepth 1 -type d | wc -l) -eq 1 ]]
}

# If the archive cannot serve a file of the package (a partial mirror), it
# tries in turn: the other versions APT knows, the next Debian release's
# package (its source list read into a private APT state under CACHE, the
# system's left alone), and last the upstream tarball alone, unpacked
# without Debian's patches (the caller may then have to patch its copy).
debsrc_fetch() { # debsrc_fetch PKG DEST CACHE
  local pkg=$1 dest=$2 cache=$3
  [[ -f $dest/.$pkg.fetched && -d $dest/$pkg/ ]] && return 0
  mkdir -p "$dest" "$cache/apt"
  (
    # One fetch at a time, whoever runs it: apt-get takes locks of its own.
    flock 9
    [[ -f $dest/.$pkg.fetched && -d $dest/$pkg/ ]] && exit 0
    f=$dest/.fetch-$pkg
    sys=()
    if debsrc_ensure; then
      mapfile -t sys < <(debsrc__versions "$pkg")
      if ((${#sys[@]} == 0)) && debsrc_apt_update; then
        mapfile -t sys < <(debsrc__versions "$pkg")
      fi
    fi
    next=() suite=
    got=
    for v in "${sys[@]}"; do
      debsrc__log "apt-get source $pkg=$v"
      debsrc__get "$f" "$pkg=$v" full && { got="$v"; break; }
    done
    if [[ -z $got ]] && suite=$(debsrc__next_suite) && debsrc__private_apt "$suite" "$cache"; then
      mapfile -t next < <(debsrc__versions "$pkg" "${debsrc__private[@]}")
      for v in "${next[@]}"; do
        debsrc__log "apt-get source $pkg=$v (from $suite)"
        debsrc__get "$f" "$pkg=$v" full "${debsrc__private[@]}" && { got="$v, from $suite"; break; }
      done
    fi
    if [[ -z $got ]]; then
      for v in "${sys[@]}"; do
        debsrc__log "apt-get source --tar-only $pkg=$v"
        debsrc__get "$f" "$pkg=$v" tar && { got="$v, upstream tarball only"; break; }
      done
    fi
    if [[ -z $got && -n $suite ]]; then
      for v in "${next[@]}"; do
        debsrc__log "apt-get source --tar-only $pkg=$v (from $suite)"
        debsrc__get "$f" "$pkg=$v" tar "${debsrc__private[@]}" &&
          { got="$v, from $suite, upstream tarball only"; break; }
      done
    fi
    if [[ -z $got ]]; then
      rm -rf "$f"
      debsrc__log "cannot fetch the Debian source package '$pkg'" \
        "(versions tried: ${sys[*]:-none} ${next[*]:+, from $suite: ${next[*]}})"
      exit 1
    fi
    dir=$(find "$f" -mindepth 1 -maxdepth 1 -type d)
    name=$(basename "$dir")
    rm -rf "${dest:?}/$name" "${dest:?}/$pkg"
    mv "$dir" "$dest/$name"
    rm -rf "$f"
    ln -s "$name" "$dest/$pkg"
    echo "$got" >"$dest/.$pkg.fetched"
    debsrc__log "$pkg $got: $dest/$pkg"
  ) 9>"$cache/apt/fetch.lock"
}
