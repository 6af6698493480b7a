#!/usr/bin/env bash
# Builds if needed and runs every test with ctest: unit and golden tests (no root), then the
# integration tests (root: they load BPF and trace real programs), among them the static etrace
# in an empty root; strace's own test suite on a sample (scripts/strace-suite.sh;
# ETRACE_STRACE_SUITE=full|0); the Debian package, installed and removed (scripts/test-package.sh);
# then all of them again on an
# ASan+UBSan build of etrace in build-asan/; then each fuzz target for a bounded time on its
# corpus (tests/fuzz/corpus) in build-fuzz/; then the integration tests once more on Debian 12's
# kernel (Linux 6.1) in an emulated VM (scripts/test-kernel.sh).
# ETRACE_SKIP_ASAN=1 / ETRACE_SKIP_FUZZ=1 / ETRACE_SKIP_VM=1 / ETRACE_SKIP_PACKAGE=1 leave those parts out;
# ETRACE_FUZZ_SECONDS=N sets each fuzz target's time (default 25).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${ETRACE_SKIP_DEPS:-0}" != 1 ]; then ./scripts/install-deps.sh; fi
jobs="$(nproc)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
# The static etrace and the static program it traces in an empty root (a ctest test): the
# static binary is linked from the objects just built.
cmake --build build -j"$jobs" --target etrace_static static_hello
if [ "$(id -u)" != 0 ]; then
  echo "test.sh: not root: the integration tests will be skipped (run with sudo for all)" >&2
fi
(cd build && ctest --output-on-failure -j1 "$@")
# strace 6.1's own test suite on a fixed sample (tests/strace-suite/ci-sample.txt), with strace
# and with etrace: fails when etrace fails a test of ci-baseline.txt. ETRACE_STRACE_SUITE=full
# runs every selected test instead, =0 skips it (it needs root and Debian's source packages).
suite=${ETRACE_STRACE_SUITE:-sample}
if [ "$suite" != 0 ] && [ "$(id -u)" = 0 ]; then
  if [ "$suite" = full ]; then ./scripts/strace-suite.sh --brief --check
  else ./scripts/strace-suite.sh --sample --brief --check; fi
fi
# The Debian package: built, installed, used from /usr/bin and removed (ETRACE_SKIP_PACKAGE=1 skips).
if [ "${ETRACE_SKIP_PACKAGE:-0}" != 1 ] && [ "$(id -u)" = 0 ]; then
  ./scripts/test-package.sh build
fi
if [ "${ETRACE_SKIP_ASAN:-0}" != 1 ]; then
  # The integration tests run the etrace of build-asan/ (ETRACE_BIN of that build): a use after
  # free or an overflow on a path only real tracing takes ends etrace with ASan's report.
  cmake -S . -B build-asan -DETRACE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-asan -j"$jobs"
  # Leak checks for the unit tests only: etrace's lifetime is the trace's. Left out of the
  # sanitized run: the set-group-ID test (its copy of etrace runs as another user, without our
  # ASAN_OPTIONS, and LeakSanitizer cannot work there).
  (cd build-asan && ctest --output-on-failure -j1 -LE integration "$@")
  (cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j1 -L integration \
    -E 'Privilege.SetGroupIdInstallRefusesOtherUsers' "$@")
fi
if [ "${ETRACE_SKIP_FUZZ:-0}" != 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DETRACE_FUZZ=ON -DETRACE_BUILD_BPF=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_expression fuzz_options fuzz_records
  seconds="${ETRACE_FUZZ_SECONDS:-25}"
  for target in expression options records; do
    # New inputs go to a scratch directory: the committed corpus stays as it is.
    scratch="$(mktemp -d)"
    echo "fuzz_${target}: ${seconds} s"
    if ! "build-fuzz/fuzz_${target}" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="build-fuzz/${target}-" "$scratch" "tests/fuzz/corpus/${target}" \
        >"build-fuzz/fuzz_${target}.log" 2>&1; then
      tail -50 "build-fuzz/fuzz_${target}.log"
      echo "fuzz_${target}: FAILED (the input that failed is in build-fuzz/${target}-*)"
      rm -rf "$scratch"
      exit 1
    fi
    grep -E "^stat::number_of_executed_units|^Done" "build-fuzz/fuzz_${target}.log" || true
    rm -rf "$scratch"
  done
fi
if [ "${ETRACE_SKIP_VM:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    ./scripts/test-kernel.sh
  else
    echo "test.sh: not root: the tests on Debian 12's kernel (scripts/test-kernel.sh) are skipped" >&2
  fi
fi
