#!/bin/sh
# The static etrace traces a static program in a root holding only those two files, with /proc
# and /sys mounted (in a mount namespace of its own, so nothing is left mounted), as in a
# minimal container: no shared library, loader, /etc or /dev. Needs root.
# Usage: run-in-empty-root.sh ETRACE_STATIC HELLO_STATIC
set -eu
etrace=$1 hello=$2
if [ "$(id -u)" != 0 ]; then echo "run-in-empty-root.sh: needs root"; exit 77; fi
# The sanitized build has no static etrace (ASan cannot link statically); scripts/test.sh builds
# it in build/ before the tests run.
if [ ! -e "$etrace" ]; then echo "no $etrace: build it with --target etrace_static"; exit 77; fi
for f in "$etrace" "$hello"; do
  if readelf -lW "$f" | grep -q 'program interpreter'; then echo "$f is dynamically linked"; exit 1; fi
done
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cp "$etrace" "$root/etrace"
cp "$hello" "$root/hello"
mkdir "$root/proc" "$root/sys"
status=0
unshare --mount --propagation private sh -c '
  mount -t proc proc "$1/proc" && mount -t sysfs sysfs "$1/sys" &&
  exec chroot "$1" /etrace -e trace=write,exit_group /hello' sh "$root" >"$root/out" 2>"$root/err" || status=$?
echo "--- etrace's exit status: $status; stdout:"; cat "$root/out"; echo "--- stderr:"; cat "$root/err"
fail=0
grep -qx 'hello from an empty root' "$root/out" || { echo "FAIL: the program's own output is missing"; fail=1; }
grep -qxF 'write(1, "hello from an empty root\n", 25) = 25' "$root/err" || { echo "FAIL: no write line"; fail=1; }
grep -qxF 'exit_group(0)                           = ?' "$root/err" || { echo "FAIL: no exit_group line"; fail=1; }
grep -qxF '+++ exited with 0 +++' "$root/err" || { echo "FAIL: no exit line"; fail=1; }
[ "$status" = 0 ] || { echo "FAIL: etrace exited $status"; fail=1; }
exit $fail
