#!/bin/sh
# Runs a set of real programs under `strace -f` and `etrace -f`, normalises pids, pointers and
# run-to-run values, and prints per program the share of strace's lines etrace reproduces exactly.
# It is a report: it exits 0 whatever the shares are, and non-zero only when a tool is missing.
#   scripts/compare-with-strace.sh [--programs NAME,...] [--show N] [--etrace PATH] [--keep DIR]
#                                  [--baseline] [--list] [--kinds N]
set -u
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
missing=""
[ -x "$py" ] || missing="$missing python3($py)"
command -v strace >/dev/null 2>&1 || missing="$missing strace"
command -v cc >/dev/null 2>&1 || missing="$missing cc"
command -v setpriv >/dev/null 2>&1 || missing="$missing setpriv"
if [ -n "$missing" ]; then
	echo "compare-with-strace: missing:$missing" >&2
	exit 2
fi
etrace="$here/../build/etrace"
prev=""
for a in "$@"; do
	case "$prev" in --etrace) etrace=$a ;; esac
	case "$a" in --etrace=*) etrace=${a#--etrace=} ;; --help|-h|--list|--baseline) etrace=/bin/true ;; esac
	prev=$a
done
if [ ! -x "$etrace" ]; then
	echo "compare-with-strace: no etrace binary at $etrace (build it, or pass --etrace PATH)" >&2
	exit 2
fi
if [ "$(id -u)" != 0 ]; then
	echo "compare-with-strace: run as root (etrace loads BPF programs; the EACCES case drops to uid 65534)" >&2
	exit 2
fi
exec "$py" "$here/compare/compare.py" "$@"
