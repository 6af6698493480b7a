#!/usr/bin/env bash
# Runs strace 6.1's own test suite against etrace, the way a user would: each test's script
# calls $STRACE, here once `strace` (the reference, built from Debian's source package) and once
# `etrace`. Prints both pass counts, their ratio, and each test that strace passes and etrace
# fails with its first differing line (also written to a file).
#
#   sudo scripts/strace-suite.sh                 # every selected test (tests/strace-suite/)
#   sudo scripts/strace-suite.sh --sample        # the fixed CI sample (ci-sample.txt)
#   sudo scripts/strace-suite.sh TEST...         # named tests (e.g. read-write openat)
#
# Options: --etrace PATH (default build/etrace), --jobs N (default: the number of CPUs),
# --timeout S (per test, default 60), --failures FILE (default CACHE/etrace-failures.txt),
# --brief (the summary only, not each failing test), --report (no run: the report of the
# last run's results again), --check (exit 1 when etrace fails a test
# listed in tests/strace-suite/ci-baseline.txt: tests it passed when that list was written).
# The source, the build and the results live in ETRACE_STRACE_SUITE_CACHE
# (default ~/.cache/etrace-strace-suite), outside the repository; the strace results are kept
# there per test and reused while strace is unchanged. Runs wait for each other (a lock in
# the cache directory).
#
# Which tests run: tests/strace-suite/exclude.txt names the ones left out (those that test
# ptrace itself, strace's own text or need SELinux), with the reason for each group.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${ETRACE_STRACE_SUITE_CACHE:-$HOME/.cache/etrace-strace-suite}
etrace=$here/build/etrace
jobs=$(nproc)
timeout_s=60
sample=0
check=0
brief=0
report_only=0
failures=
named=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) sample=1 ;;
    --check) check=1 ;;
    --brief) brief=1 ;;
    --report) report_only=1 ;;
    --etrace) etrace=$(realpath "$2"); shift ;;
    --jobs) jobs=$2; shift ;;
    --timeout) timeout_s=$2; shift ;;
    --failures) failures=$2; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "strace-suite.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) named+=("${1%.test}") ;;
  esac
  shift
done
conf=$here/tests/strace-suite
[ -n "$failures" ] || failures=$cache/etrace-failures.txt
if [ ! -x "$etrace" ]; then
  echo "strace-suite.sh: no etrace at '$etrace' (build it first: cmake --build build --target etrace)" >&2
  exit 2
fi
if [ "$(id -u)" != 0 ]; then
  echo "strace-suite.sh: etrace needs root to trace: run it with sudo" >&2
  exit 2
fi
mkdir -p "$cache"
log() { printf 'strace-suite: %s\n' "$*" >&2; }
# One run at a time: runs share the build, the test directories and the results.
exec 9>"$cache/.run.lock"
if ! flock -n 9; then
  log "waiting for another run of strace-suite.sh to finish"
  flock 9
fi

# --- source and build -------------------------------------------------------------------
install_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# apt-get source needs a deb-src entry: made from the deb entries of the same archive.
ensure_deb_src() {
  if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  log "adding deb-src entries for Debian's archive (/etc/apt/sources.list.d/etrace-deb-src.*)"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: *deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      > /etc/apt/sources.list.d/etrace-deb-src.sources
  elif [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list > /etc/apt/sources.list.d/etrace-deb-src.list
  else
    echo "strace-suite.sh: no Debian apt source to derive a deb-src entry from" >&2
    exit 2
  fi
  apt-get update -qq
}

src=$cache/src
tests_dir=$src/tests
if [ ! -f "$cache/strace.stamp" ]; then
  install_packages build-essential gawk dpkg-dev xz-utils libbluetooth-dev
  if [ ! -f "$src/configure" ]; then
    ensure_deb_src
    (cd "$cache" && rm -rf src strace-* strace_* &&
      apt-get source --download-only strace >/dev/null 2>&1 || { apt-get update -qq && apt-get source --download-only strace >/dev/null; })
    dsc=$(ls "$cache"/strace_6.1-*.dsc 2>/dev/null | head -n1)
    if [ -z "$dsc" ]; then
      echo "strace-suite.sh: Debian's strace source is not version 6.1 ($(ls "$cache"/strace_*.dsc 2>/dev/null)); the suite needs strace 6.1" >&2
      exit 2
    fi
    dpkg-source -x "$dsc" "$src" >/dev/null
  fi
  # Newer kernel headers renamed nexthop_grp.resvd1 to weight_high; strace 6.1 still says resvd1.
  cppflags=
  if grep -qs weight_high /usr/include/linux/nexthop.h; then cppflags=-Dresvd1=weight_high; fi
  log "building strace 6.1 in $src (once)"
  (cd "$src" && ./configure --enable-mpers=no --disable-gcc-Werror CPPFLAGS="$cppflags" >"$cache/configure.log" 2>&1 &&
    make -j"$jobs" >"$cache/make.log" 2>&1 && make -C tests -j"$jobs" libtests.a >>"$cache/make.log" 2>&1) || {
    echo "strace-suite.sh: building strace failed; see $cache/configure.log and $cache/make.log" >&2
    exit 1
  }
  touch "$cache/strace.stamp"
fi

# --- the test set -----------------------------------------------------------------------
# Every test automake would run (TESTS), minus the exclusion globs.
all_tests() {
  make -s -C "$tests_dir" -f Makefile -f - print-tests <<'EOF'
print-tests:
	@printf '%s\n' $(TESTS)
EOF
}
selected_tests() {
  local globs
  globs=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$conf/exclude.txt")
  set -f  # the globs are patterns for case, not for the file system
  all_tests | sed 's/\.test$//' | while read -r t; do
    local skip=0 g
    for g in $globs; do
      # shellcheck disable=SC2254
      case "${t%.gen}" in $g) skip=1; break ;; esac
    done
    [ $skip = 1 ] || echo "$t"
  done
  set +f
}
if [ ${#named[@]} -gt 0 ]; then
  printf '%s\n' "${named[@]}" > "$cache/list.txt"
elif [ $sample = 1 ]; then
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$conf/ci-sample.txt" > "$cache/list.txt"
else
  selected_tests > "$cache/list.txt"
fi
ntests=$(wc -l < "$cache/list.txt")

# The test programs: all of them for the full set (once); for a sample or named tests only
# those their scripts run (../NAME, the helpers they name, the lists of programs some go
# through), which saves most of the build.
programs_for_list() {
  local t f scripts
  while read -r t; do
    f=$tests_dir/$t.test
    [ -f "$f" ] || continue
    echo "${t%.gen}"
    scripts="$f $(grep -o '[A-Za-z0-9_.-]*\.\(test\|sh\)"' "$f" | tr -d '"' | grep -v '^init\.sh$' | sed "s|^|$tests_dir/|")"
    # shellcheck disable=SC2086
    cat $scripts 2>/dev/null | grep -o '\.\./[A-Za-z0-9_-]\+' | sed 's|^\.\./||'
    # shellcheck disable=SC2086
    if grep -qE 'test_trace_expr|test_prog_set|pure_executables' $scripts 2>/dev/null; then
      cat "$tests_dir/pure_executables.list" "$tests_dir/${t%.gen}.in" 2>/dev/null | sed 's/[[:space:]].*//' | grep -v '^#'
    fi
  done < "$cache/list.txt" | grep -vxE 'src|tests|' | sort -u
}
if [ ! -f "$cache/tests.stamp" ]; then
  if [ ${#named[@]} -gt 0 ] || [ $sample = 1 ]; then
    log "building the test programs of these $ntests tests"
    # -k: a name that is not a program (a directory, a data file) is no reason to stop.
    # shellcheck disable=SC2046
    make -k -C "$tests_dir" -j"$jobs" $(programs_for_list) >"$cache/make-tests.log" 2>&1 || true
  else
    log "building all of strace's test programs (once)"
    make -C "$tests_dir" -j"$jobs" check TESTS= >"$cache/make-tests.log" 2>&1 || {
      echo "strace-suite.sh: building strace's tests failed; see $cache/make-tests.log" >&2
      exit 1
    }
    touch "$cache/tests.stamp"
  fi
fi

# --- running ----------------------------------------------------------------------------
# As automake's harness runs a test (tests/Makefile's AM_TEST_LOG_FLAGS and run.sh), with the
# tracer found on PATH as a user finds it: messages then start with "strace:" / "etrace:".
mk_var() { sed -n "s/^$1 = //p" "$tests_dir/Makefile" | head -n1; }
export STRACE_ARCH=$(mk_var ARCH) STRACE_NATIVE_ARCH=$(mk_var NATIVE_ARCH)
export SIZEOF_KERNEL_LONG_T=$(mk_var SIZEOF_KERNEL_LONG_T) SIZEOF_LONG=$(mk_var SIZEOF_LONG) MIPS_ABI=$(mk_var MIPS_ABI)
export srcdir=. TIMEOUT_DURATION=$timeout_s
mkdir -p "$cache/bin-strace" "$cache/bin-etrace"
ln -sf "$src/src/strace" "$cache/bin-strace/strace"
ln -sf "$etrace" "$cache/bin-etrace/etrace"

# run_set NAME LIST: runs the tests of LIST with STRACE=NAME; a test's log and exit code go to
# results/NAME/ (those of other tests stay: the report reads only the current list's).
run_set() {
  local name=$1 list=$2 out=$cache/results/$1 t
  mkdir -p "$out"
  while read -r t; do rm -f "$out/$t.log" "$out/$t.rc"; done < "$list"
  # One test: run.sh's own time limit (SIGXCPU) first, then a hard stop for what ignores it.
  export STRACE=$name RESULTS=$out HARD_LIMIT=$((timeout_s + 30))
  export PATH="$cache/bin-$name:$PATH"
  (cd "$tests_dir" &&
    xargs -P "$jobs" -I{} sh -c '
      t={}
      timeout -k 5 "$HARD_LIMIT" ./run.sh "./$t.test" > "$RESULTS/$t.log" 2>&1 < /dev/null
      echo $? > "$RESULTS/$t.rc"
      rm -rf "$t.dir"' < "$list")
}
# code -> pass / skip / fail
outcome() {
  local rc
  rc=$(cat "$1" 2>/dev/null || echo 1)
  case "$rc" in 0) echo pass ;; 77) echo skip ;; *) echo fail ;; esac
}
# The first line where the test's expectation and the trace part: the first -/+ pair of diff -u,
# else the first pattern match_grep missed, else the harness's own failure line.
first_difference() {
  awk '
    /^@@ / { in_hunk = 1; next }
    in_hunk && /^-/ && want == "" { want = $0 }
    in_hunk && /^\+/ && have == "" { have = $0 }
    /^Failed patterns of expected output:/ { pat = 1; next }
    pat == 1 && /^#[0-9]+: / { pattern = $0; pat = 2 }
    /: failed test: |: framework failure: / && why == "" { why = $0 }
    /time limit .* exceeded/ && why == "" { why = $0 }
    END {
      if (want != "" || have != "") {
        if (want == "") want = "-(nothing)"
        if (have == "") have = "+(nothing)"
        print substr(want, 1, 300) " | " substr(have, 1, 300)
      }
      else if (pattern != "") print "pattern not matched: " pattern
      else if (why != "") print why
      else print "(no output: killed by the time limit?)"
    }' "$1"
}

# A test's strace result depends only on the strace build: kept per test and reused, so
# only tests strace has not run since its build run with it.
ref_key=$(stat -c %Y "$cache/strace.stamp")
start=$(date +%s)
strace_done=$start
end=$start
if [ $report_only = 0 ]; then
  if [ "$(cat "$cache/results/strace.key" 2>/dev/null)" != "$ref_key" ]; then
    rm -rf "$cache/results/strace"
  fi
  while read -r t; do
    [ -f "$cache/results/strace/$t.rc" ] || echo "$t"
  done < "$cache/list.txt" > "$cache/list-strace.txt"
  if [ -s "$cache/list-strace.txt" ]; then
    log "running $(wc -l < "$cache/list-strace.txt") of the $ntests tests with strace ($jobs at a time)"
    run_set strace "$cache/list-strace.txt"
  else
    log "reusing strace's results for these $ntests tests"
  fi
  mkdir -p "$cache/results"
  echo "$ref_key" > "$cache/results/strace.key"
  strace_done=$(date +%s)
  log "running $ntests tests with etrace ($etrace)"
  run_set etrace "$cache/list.txt"
  end=$(date +%s)
fi

# --- report -----------------------------------------------------------------------------
s_pass=0 e_pass=0 e_only=0 both_fail=0
: > "$failures"
while read -r t; do
  so=$(outcome "$cache/results/strace/$t.rc")
  eo=$(outcome "$cache/results/etrace/$t.rc")
  [ "$so" = pass ] && s_pass=$((s_pass + 1))
  [ "$eo" = pass ] && e_pass=$((e_pass + 1))
  if [ "$eo" = pass ] && [ "$so" != pass ]; then e_only=$((e_only + 1)); fi
  if [ "$so" = pass ] && [ "$eo" != pass ]; then
    rc=$(cat "$cache/results/etrace/$t.rc" 2>/dev/null || echo '?')
    case "$rc" in 124|137) why="timed out after ${timeout_s}s" ;; *) why=$(first_difference "$cache/results/etrace/$t.log") ;; esac
    printf '%s\t%s\n' "$t" "$why" >> "$failures"
  fi
done < "$cache/list.txt"
ratio=$(awk -v e="$e_pass" -v s="$s_pass" 'BEGIN { printf "%.1f", s ? 100 * e / s : 0 }')
if [ -s "$failures" ] && [ $brief = 0 ]; then
  echo "tests strace passes and etrace fails (test, first differing line: -expected | +etrace):"
  cat "$failures"
fi
echo "strace-suite: $ntests tests; strace passes $s_pass, etrace $e_pass ($ratio% of strace's); etrace passes $e_only that strace fails"
awk -f "$here/scripts/strace-suite-causes.awk" "$failures" > "$cache/etrace-causes.txt"
[ $report_only = 1 ] || echo "strace-suite: wall time: strace $((strace_done - start)) s, etrace $((end - strace_done)) s"
echo "strace-suite: failures in $failures, counted by cause in $cache/etrace-causes.txt; logs in $cache/results/"
if [ $check = 1 ] && [ -f "$conf/ci-baseline.txt" ]; then
  regressed=0
  while read -r t; do
    [ -n "$t" ] || continue
    case "$t" in \#*) continue ;; esac
    # Only where strace passes in this run: a test that cannot run here fails for both.
    if [ "$(outcome "$cache/results/strace/$t.rc")" = pass ] && [ "$(outcome "$cache/results/etrace/$t.rc")" != pass ]; then
      echo "strace-suite: regression: etrace passed $t before and fails it now ($(first_difference "$cache/results/etrace/$t.log"))"
      regressed=$((regressed + 1))
    fi
  done < "$conf/ci-baseline.txt"
  [ $regressed = 0 ] || exit 1
fi
