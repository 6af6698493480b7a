#!/usr/bin/env bash
# test-kernel.sh [KERNEL] [-- COMMAND...]
#
# Runs etrace's root integration tests on another kernel: boots KERNEL under QEMU (TCG
# emulation, no KVM needed) with a small busybox initramfs, shares this machine's / read-only
# into the guest over 9p, and runs build/etrace_integration_tests there, chrooted into that
# userland under a tmpfs overlay, so the binaries built here run unchanged on the guest kernel.
# Prints the tests' summary; exits 0 when every test passed, 1 when one failed, 2 when the run
# itself failed (no boot, timeout).
#
# KERNEL: a linux-image-*.deb, the name of a Debian kernel package (fetched with apt-get
# download), or a vmlinuz (a kernel with 9p and overlayfs built in). Default: Debian 12's
# current kernel, the linux-image-*-amd64-unsigned that linux-image-amd64 depends on.
# After --, COMMAND runs in the guest's chroot instead of the tests (its output is shown).
#
# Environment: BUILD_DIR (build), ETRACE_VM_CACHE (~/.cache/etrace/test-kernel: kernels and
# logs), ETRACE_VM_MEM (2048 MiB), ETRACE_VM_SMP (2), ETRACE_VM_TIMEOUT (2400 s, the whole
# boot), ETRACE_VM_BOOT_TIMEOUT (300 s to reach /init, else one more boot), GTEST_FILTER (a
# subset of the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
build=$(realpath -m "${BUILD_DIR:-build}")
cache=${ETRACE_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/etrace/test-kernel}
mem=${ETRACE_VM_MEM:-2048} smp=${ETRACE_VM_SMP:-2} vm_timeout=${ETRACE_VM_TIMEOUT:-2400} boot_timeout=${ETRACE_VM_BOOT_TIMEOUT:-300}
die() { echo "test-kernel.sh: $*" >&2; exit 2; }

kernel=
if [ $# -gt 0 ] && [ "$1" != -- ]; then kernel=$1; shift; fi
command=()
if [ $# -gt 0 ]; then
  [ "$1" = -- ] || die "unexpected argument '$1' (usage: test-kernel.sh [KERNEL] [-- COMMAND...])"
  shift
  command=("$@")
fi
[ "$(id -u)" = 0 ] || die "needs root (installs packages; the guest's tests run as root): run it with sudo"

# 1. What the VM needs on this machine.
pkgs=(qemu-system-x86 busybox-static cpio)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The kernel: a .deb unpacked once into the cache.
mkdir -p "$cache/debs" "$cache/kernels" "$cache/logs"
current_kernel() {
  apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1
}
if [ -z "$kernel" ]; then
  kernel=$(current_kernel)
  [ -n "$kernel" ] || { apt-get update -qq && kernel=$(current_kernel); }
  [ -n "$kernel" ] || die "cannot tell Debian's current kernel (apt-cache depends linux-image-amd64): give KERNEL"
  kernel=$kernel-unsigned
fi
if [ ! -e "$kernel" ] && [[ "$kernel" == linux-image-* ]]; then
  deb=$(ls "$cache/debs/${kernel}_"*.deb 2>/dev/null | tail -1 || true)
  if [ -z "$deb" ]; then
    echo "downloading $kernel"
    (cd "$cache/debs" && apt-get download "$kernel" >/dev/null 2>&1) ||
      { apt-get update -qq && (cd "$cache/debs" && apt-get download "$kernel" >/dev/null 2>&1); } ||
      die "cannot download $kernel (see apt-cache search linux-image)"
    deb=$(ls "$cache/debs/${kernel}_"*.deb | tail -1)
  fi
  kernel=$deb
fi
[ -e "$kernel" ] || die "no kernel '$kernel' (give a .deb, a linux-image-* package name or a vmlinuz)"
case "$kernel" in
  *.deb)
    kdir=$cache/kernels/$(basename "$kernel" .deb)
    if [ ! -d "$kdir/boot" ]; then
      rm -rf "$kdir.tmp" && mkdir -p "$kdir.tmp" && dpkg -x "$kernel" "$kdir.tmp" && mv "$kdir.tmp" "$kdir"
    fi
    vmlinuz=$(ls "$kdir"/boot/vmlinuz-* | head -1)
    kver=${vmlinuz##*/vmlinuz-}
    moddir=$kdir/lib/modules/$kver ;;
  *) vmlinuz=$(realpath "$kernel"); kver=$(basename "$vmlinuz"); moddir= ;;
esac

# 3. The tests, built here if they are not.
if [ ${#command[@]} -eq 0 ]; then
  if [ ! -x "$build/etrace_integration_tests" ] || [ ! -x "$build/etrace" ]; then
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$build" -j"$(nproc)" --target etrace etrace_integration_tests
  fi
  [ -x "$build/etrace_integration_tests" ] || die "no $build/etrace_integration_tests (is the build's ETRACE_BUILD_BPF off?)"
  command=("$build/etrace_integration_tests" --gtest_brief=1 "--gtest_output=xml:/out/results.xml")
  [ -z "${GTEST_FILTER:-}" ] || command+=("--gtest_filter=$GTEST_FILTER")
fi

# 4. The initramfs: busybox, the modules that mount the shares, and /init.
# Not under /tmp: the guest mounts its own /tmp over the host's.
work=$(mktemp -d "$cache/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The guest reads the host's files as they are when it opens them: the binaries under test are
# copied now and mounted over the build directory there, so a rebuild meanwhile changes nothing.
snapshot=$work/build
mkdir -p "$snapshot"
for f in etrace etrace_integration_tests progs; do
  [ -e "$build/$f" ] && cp -a "$build/$f" "$snapshot/"
done
root=$work/root
mkdir -p "$root"/{bin,dev,proc,sys,tmp,mnt/host,mnt/ovl,mnt/root,out,modules}
cp /bin/busybox "$root/bin/busybox"
for a in sh mount umount mkdir insmod chroot poweroff ip cat echo sync; do ln -s busybox "$root/bin/$a"; done

# A module's dependencies, from its .modinfo section ("depends=a,b"), loaded first.
declare -A loaded=()
modules_order=()
module_file() { find "$moddir/kernel" -name "$1.ko" -o -name "$(echo "$1" | tr _ -).ko" | head -1; }
add_module() {
  local name=$1 file deps d
  [ -n "${loaded[$name]:-}" ] && return 0
  loaded[$name]=1
  file=$(module_file "$name")
  [ -n "$file" ] || return 0  # built in
  deps=$(tr '\0' '\n' < "$file" | sed -n 's/^depends=//p' | head -1)
  for d in ${deps//,/ }; do add_module "$d"; done
  modules_order+=("$file")
}
if [ -n "$moddir" ]; then
  # The shares, and the socket-diagnostics families that -yy (etrace's and strace's) ask for
  # socket endpoints: a full system loads them on demand, this guest has no modprobe for them.
  for m in virtio_pci 9pnet_virtio 9p overlay unix_diag inet_diag tcp_diag udp_diag netlink_diag; do
    add_module "$m"
  done
fi
: > "$root/modules/order"
for f in "${modules_order[@]}"; do
  cp "$f" "$root/modules/"
  basename "$f" >> "$root/modules/order"
done

# The command, one argument a line (the guest's shell reads it back with "$@").
printf '%s\n' "${command[@]}" > "$root/command"
printf '%s\n%s\n%s\n' "$snapshot" "$build" "$(pwd)" > "$root/snapshot"
cat > "$root/init" <<'EOF'
#!/bin/sh
# The guest's /init: the shares, then the command chrooted into the host's userland.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
while read -r m; do insmod /modules/$m; done < /modules/order
echo "== guest: Linux $(cat /proc/sys/kernel/osrelease), at /init after $(cut -d' ' -f1 /proc/uptime) s"
opts=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o $opts,cache=loose,ro host /mnt/host || { echo "== guest: cannot mount the host's /"; poweroff -f; }
mount -t 9p -o $opts out /out || { echo "== guest: cannot mount the output folder"; poweroff -f; }
mount -t tmpfs tmpfs /mnt/ovl && mkdir -p /mnt/ovl/up /mnt/ovl/work
mount -t overlay overlay -o lowerdir=/mnt/host,upperdir=/mnt/ovl/up,workdir=/mnt/ovl/work /mnt/root ||
  { echo "== guest: cannot mount the overlay"; poweroff -f; }
R=/mnt/root
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs tmpfs $R/dev/shm
# What udev would add: -o /dev/stdout must reach the pipe, not make a file in devtmpfs.
ln -sf /proc/self/fd $R/dev/fd
ln -sf /proc/self/fd/0 $R/dev/stdin
ln -sf /proc/self/fd/1 $R/dev/stdout
ln -sf /proc/self/fd/2 $R/dev/stderr
mount -t tracefs tracefs $R/sys/kernel/tracing
mount -t debugfs debugfs $R/sys/kernel/debug
mount -t bpf bpf $R/sys/fs/bpf
mount -t cgroup2 cgroup2 $R/sys/fs/cgroup
mount -t tmpfs tmpfs $R/tmp
mount -t tmpfs tmpfs $R/run
mkdir -p $R/out && mount --bind /out $R/out
{ read -r snapshot; read -r build; read -r here; } < /snapshot
# A checkout under a directory the guest mounts afresh (/tmp, /run) comes from the host's root.
for d in "$here" "$build"; do
  if [ ! -d "$R$d" ] && [ -d "/mnt/host$d" ]; then mkdir -p "$R$d" && mount --bind "/mnt/host$d" "$R$d"; fi
done
[ -d "$R$build" ] && mount --bind "$R$snapshot" "$R$build"
[ -d /mnt/host$build ] || echo "== guest: no $build in the host's root"
ip link set lo up
set --
while IFS= read -r a; do set -- "$@" "$a"; done < /command
echo "== guest: running $*"
start=$(cut -d' ' -f1 /proc/uptime)
chroot $R /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 TERM=dumb ETRACE_TEST_TIME_SCALE=4 "$@" > /out/output.txt 2>&1 < /dev/null
echo $? > /out/status
echo "== guest: finished after $start..$(cut -d' ' -f1 /proc/uptime) s"
sync
poweroff -f
EOF
chmod 0755 "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) > "$work/initrd.cpio"

# 5. Boot.
stamp=$(date +%Y%m%d-%H%M%S)
log=$cache/logs/$stamp-$kver.log
out=$cache/logs/$stamp-$kver.out
mkdir -p "$out"
echo "booting Linux $kver under QEMU (TCG, ${smp} CPUs, ${mem} MiB); console: $log"
t0=$(date +%s)
# A guest that has not reached /init within ETRACE_VM_BOOT_TIMEOUT seconds is stopped and booted
# once more: on a loaded host an emulated boot can stall in its early timer setup.
boot() {
  timeout "$vm_timeout" qemu-system-x86_64 -accel tcg -cpu max -m "$mem" -smp "$smp" -nographic -no-reboot -nic none \
    -kernel "$vmlinuz" -initrd "$work/initrd.cpio" -append "console=ttyS0 panic=-1 quiet loglevel=4 no_timer_check" \
    -virtfs local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$out,mount_tag=out,security_model=none" </dev/null >"$log" 2>&1 &
  local qpid=$! waited=0
  while ! grep -aq '== guest' "$log" && kill -0 "$qpid" 2>/dev/null; do
    if [ "$waited" -ge "$boot_timeout" ]; then
      kill "$qpid" 2>/dev/null
      wait "$qpid" 2>/dev/null
      return 125
    fi
    sleep 1
    waited=$((waited + 1))
  done
  wait "$qpid"
}
set +e
for attempt in 1 2; do
  boot
  qemu_rc=$?
  [ "$qemu_rc" = 125 ] || break
  echo "the guest did not reach /init within ${boot_timeout} s (console: $log); booting it again"
  [ "$attempt" = 1 ] && mv "$log" "$log.stalled"
done
set -e
t1=$(date +%s)
grep -ao '== guest.*' "$log" || true
[ "$qemu_rc" = 125 ] && die "the guest did not reach /init within ${boot_timeout} s, twice (ETRACE_VM_BOOT_TIMEOUT; console: $log)"
[ "$qemu_rc" = 124 ] && die "the guest did not finish within ${vm_timeout} s (ETRACE_VM_TIMEOUT; console: $log)"
[ -f "$out/status" ] || die "the guest did not run the command (qemu exit $qemu_rc; console: $log)"
status=$(cat "$out/status")
# The tests' output (--gtest_brief: only failures and the summary), or the command's.
cat "$out/output.txt"
echo "test-kernel.sh: Linux $kver, command exit status $status, $((t1 - t0)) s in all (output: $out)"
[ "$status" = 0 ] || exit 1
