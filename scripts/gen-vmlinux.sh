#!/usr/bin/env bash
# Regenerates vmlinux/<arch>/vmlinux.h from the running kernel's BTF (CO-RE: one header serves
# every kernel with BTF; regenerate only to use types or fields newer kernels added).
set -euo pipefail
arch=$(uname -m)
out="$(dirname "$0")/../vmlinux/$arch/vmlinux.h"
mkdir -p "$(dirname "$out")"
bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$out"
echo "wrote $out from $(uname -r) ($(wc -l < "$out") lines)"
