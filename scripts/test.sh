#!/usr/bin/env bash
# Builds if needed and runs every test with ctest: unit and golden tests (no root), then the
# integration tests (root: they load BPF and trace real programs), then the unit tests again
# under ASan+UBSan in build-asan/, then the integration tests once more on Debian 12's kernel
# (Linux 6.1) in an emulated VM (scripts/test-kernel.sh; ETRACE_SKIP_VM=1 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${ETRACE_SKIP_DEPS:-0}" != 1 ]; then ./scripts/install-deps.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
if [ "$(id -u)" != 0 ]; then
  echo "test.sh: not root: the integration tests will be skipped (run with sudo for all)" >&2
fi
(cd build && ctest --output-on-failure -j1 "$@")
if [ "${ETRACE_SKIP_ASAN:-0}" != 1 ]; then
  cmake -S . -B build-asan -DETRACE_SANITIZE=ON -DETRACE_BUILD_BPF=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-asan -j"$(nproc)" --target etrace_unit_tests
  (cd build-asan && ctest --output-on-failure -j"$(nproc)" "$@")
fi
if [ "${ETRACE_SKIP_VM:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    ./scripts/test-kernel.sh
  else
    echo "test.sh: not root: the tests on Debian 12's kernel (scripts/test-kernel.sh) are skipped" >&2
  fi
fi
