#!/usr/bin/env bash
# Packages etrace as Debian would install it and checks the installed copy: builds the .deb from
# a build tree (cpack -G DEB; its dependencies come from dpkg-shlibdeps), installs it with
# apt-get, runs /usr/bin/etrace -V, finds its manual page with man -w, checks the completions,
# traces a real command with /usr/bin/etrace, then removes the package and whatever apt-get
# brought in for it, leaving the machine's packages as they were. Needs root.
# Usage: scripts/test-package.sh [BUILD_DIR]   (default build/, already built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
say() { echo "test-package.sh: $*"; }
fail() { say "FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (it installs and removes a package)"
[ -x "$build/etrace" ] || fail "no $build/etrace: build first (cmake --build $build)"
if dpkg-query -W -f='${Status}' etrace 2>/dev/null | grep -q 'install ok installed'; then
  fail "an etrace package is already installed: remove it first (apt-get purge etrace), the test removes what it installs"
fi
[ ! -e /usr/bin/etrace ] || fail "/usr/bin/etrace exists outside any package: move it away first"

rm -f "$build"/etrace_*.deb
(cd "$build" && cpack -G DEB >cpack.log 2>&1) || { cat "$build/cpack.log"; fail "cpack -G DEB"; }
debs=("$build"/etrace_*_amd64.deb)
[ -f "${debs[0]}" ] || fail "cpack made no etrace_<version>_amd64.deb in $build"
deb=$(realpath "${debs[0]}")
say "$(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Depends | grep -q 'libbpf1' || fail "the package does not depend on libbpf1 (shlibdeps)"

before=$(mktemp)
dpkg-query -W -f='${Package}\n' | sort >"$before"
cleanup() {
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq etrace >/dev/null 2>&1 || true
  local added
  added=$(comm -13 "$before" <(dpkg-query -W -f='${Package}\n' | sort) | tr '\n' ' ')
  if [ -n "$added" ]; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $added >/dev/null 2>&1 || true
  fi
  rm -f "$before"
}
trap cleanup EXIT
# Minimal images tell dpkg to leave manual pages out; this package's own is part of the test.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -o "Dpkg::Options::=--path-include=/usr/share/man/man1/etrace.1*" "$deb" >/dev/null

[ "$(command -v etrace)" = /usr/bin/etrace ] || fail "etrace is not /usr/bin/etrace on PATH"
version=$(/usr/bin/etrace -V) || fail "/usr/bin/etrace -V exited $?"
echo "$version" | sed 's/^/  /'
echo "$version" | grep -q '^etrace -- version ' || fail "-V printed no version line"
page=$(man -w etrace) || fail "man -w etrace finds no manual page"
say "manual page: $page"
[ -f /usr/share/bash-completion/completions/etrace ] || fail "no bash completion installed"
[ -f /usr/share/zsh/vendor-completions/_etrace ] || fail "no zsh completion installed"
bash -c 'source /usr/share/bash-completion/completions/etrace && complete -p etrace' >/dev/null ||
  fail "the bash completion does not load"

trace=$(/usr/bin/etrace -e trace=openat,read -- /bin/cat /etc/hostname 2>&1 >/dev/null) ||
  fail "/usr/bin/etrace exited $?: $trace"
echo "$trace" | grep -qxF 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3' ||
  fail "the installed etrace did not show cat's openat of /etc/hostname:
$trace"
say "traced with /usr/bin/etrace: $(echo "$trace" | grep -c '') lines"

cleanup
trap - EXIT
[ ! -e /usr/bin/etrace ] || fail "/usr/bin/etrace is still there after apt-get purge"
say "ok: installed, checked and removed"
