#!/usr/bin/env bash
# Builds if needed and runs every test with ctest: unit and golden tests (no root), then the
# integration tests (root: they load BPF and trace real programs), strace's own test suite on a
# sample (scripts/strace-suite.sh), then the unit tests again under ASan+UBSan in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${ETRACE_SKIP_DEPS:-0}" != 1 ]; then ./scripts/install-deps.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
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
if [ "${ETRACE_SKIP_ASAN:-0}" != 1 ]; then
  cmake -S . -B build-asan -DETRACE_SANITIZE=ON -DETRACE_BUILD_BPF=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-asan -j"$(nproc)" --target etrace_unit_tests
  (cd build-asan && ctest --output-on-failure -j"$(nproc)" "$@")
fi
