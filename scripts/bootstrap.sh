#!/usr/bin/env bash
# Sets up a fresh machine: installs the Debian packages, then builds etrace into build/.
# Idempotent: run it again after pulling.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# BPF programs attach to tracepoints through BTF; tracefs is only needed by the reference tools.
if [ ! -d /sys/kernel/tracing/events ] && [ -d /sys/kernel/tracing ]; then
  mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || true
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
echo "built: $(pwd)/build/etrace"
