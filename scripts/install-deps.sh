#!/usr/bin/env bash
# Installs the Debian packages that building and testing etrace need. Idempotent.
# libclang-rt-dev: clang's sanitizer and libFuzzer runtimes (-fsanitize=fuzzer, the fuzz targets).
# man-db: scripts/test-package.sh finds the installed manual page with man -w; groff-base renders
# it in a test. python3-jsonschema validates --json output against docs/json-schema.json. zsh
# checks that its completion parses.
# The static etrace (ETRACE_STATIC, the etrace_static target) links libbpf.a, libelf.a and libz.a
# from the -dev packages below and glibc's libc.a (libc6-dev, with build-essential).
set -euo pipefail
pkgs=(build-essential cmake pkg-config clang llvm libclang-rt-dev libbpf-dev bpftool libelf-dev zlib1g-dev
      libcli11-dev nlohmann-json3-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
      strace python3 python3-jsonschema man-db groff-base zsh)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
