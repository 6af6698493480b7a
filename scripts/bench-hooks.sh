#!/usr/bin/env bash
# bench-hooks.sh [KERNEL]: what a small trace set costs the rest of the machine, by hook kind,
# in one boot of KERNEL (default: Debian 12's kernel, as scripts/test-kernel.sh) under QEMU.
# An untraced write loop (bench/workloads/write_loop.c) is timed alone, then while another
# process is traced for connect only: by etrace on connect's exit tracepoint
# (ETRACE_ATTACH=tracepoints) and on connect's function (its default where the kernel has BPF
# trampolines: fexit on __x64_sys_connect), and by no-op programs on that tracepoint and that
# function (bench/floor/hooks.bpf.c). Any syscall tracepoint turns on the kernel's
# syscall-tracing slow path for every task; a trampoline on one function does not. Prints each
# run and the medians as ratios to the untraced loop. Needs root; REPS (5), CALLS (300000).
#   (inside the guest: bench-hooks.sh --in-guest DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --in-guest ]; then
  dir=$2 etrace=$3 reps=${REPS:-5} calls=${CALLS:-300000}
  sleep 100000 &
  other=$!
  trap 'kill $other 2>/dev/null' EXIT
  loop() { BENCH_RESULT=$dir/r "$dir/write_loop" "$calls" && sed 's/.*ns=//' "$dir/r"; }
  # start_hook KIND: starts KIND's tracer on `other` and waits until it is attached.
  start_hook() {
    : > "$dir/log"
    local t0
    t0=$(date +%s%N)
    case $1 in
      etrace-tp) ETRACE_ATTACH=tracepoints "$etrace" -p "$other" -e trace=connect -o /dev/null 2>"$dir/log" & ;;
      etrace-fexit) ETRACE_DEBUG=1 "$etrace" -p "$other" -e trace=connect -o /dev/null 2>"$dir/log" & ;;
      tracepoint) "$dir/floor_loader" "$dir/hook_tp.bpf.o" >"$dir/log" 2>&1 & ;;
      fexit) "$dir/floor_loader" "$dir/hook_fexit.bpf.o" >"$dir/log" 2>&1 & ;;
    esac
    hook=$!
    for _ in $(seq 600); do
      # etrace's trampolines: its exit tracepoint stays until no call begun before them can be left.
      if grep -q attached "$dir/log" && { [ "$1" != etrace-fexit ] || grep -q 'exit tracepoints detached' "$dir/log"; }; then
        echo "start $1 $(( ($(date +%s%N) - t0) / 1000000 )) ms"
        return 0
      fi
      kill -0 $hook 2>/dev/null || break
      sleep 0.1
    done
    echo "bench-hooks: $1 did not attach: $(cat "$dir/log")" >&2
    return 1
  }
  stop_hook() { kill -INT $hook; wait $hook 2>/dev/null || true; }
  echo "uname: $(uname -r); $calls writes of 64 bytes to /dev/null; ns per run"
  kinds=(none etrace-tp etrace-fexit tracepoint fexit)
  declare -A runs=()
  for rep in $(seq "$reps"); do
    for k in "${kinds[@]}"; do
      # Three loops a start: a tracer takes seconds to start in an emulated VM.
      if [ "$k" != none ]; then start_hook "$k" || continue; fi
      for _ in 1 2 3; do
        ns=$(loop)
        runs[$k]="${runs[$k]:-} $ns"
        echo "rep $rep $k $ns"
      done
      if [ "$k" != none ]; then stop_hook; fi
    done
  done
  # The fastest run is the one the host disturbed least; the median shows the spread.
  median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  fastest() { tr ' ' '\n' | grep . | sort -n | head -1; }
  base=$(echo "${runs[none]}" | median) base_min=$(echo "${runs[none]}" | fastest)
  for k in "${kinds[@]}"; do
    [ -n "${runs[$k]:-}" ] || { echo "$k: no run"; continue; }
    m=$(echo "${runs[$k]}" | median) f=$(echo "${runs[$k]}" | fastest)
    awk -v k="$k" -v m="$m" -v b="$base" -v f="$f" -v bf="$base_min" -v c="$calls" 'BEGIN {
      printf "%-12s median %6.1f ns/write %.2fx   fastest %6.1f ns/write %.2fx\n", k, m / c, m / b, f / c, f / bf }'
  done
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "bench-hooks.sh: needs root (run it with sudo)" >&2; exit 2; }
dir=${ETRACE_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/etrace/test-kernel}/bench-hooks
mkdir -p "$dir"
cc -O2 -Wall -o "$dir/write_loop" bench/workloads/write_loop.c
cc -O2 -o "$dir/floor_loader" bench/floor/loader.c -lbpf
for k in fexit:FEXIT tp:TRACEPOINT; do
  clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -DHOOK_${k#*:} -Ivmlinux/x86_64 -c bench/floor/hooks.bpf.c \
    -o "$dir/hook_${k%%:*}.bpf.o"
done
[ -x build/etrace ] || { echo "bench-hooks.sh: build etrace first (build/etrace)" >&2; exit 2; }
exec ./scripts/test-kernel.sh ${1:+"$1"} -- /bin/bash "$(pwd)/scripts/bench-hooks.sh" --in-guest "$dir" "$(pwd)/build/etrace"
