// The meaning half of the syscall metadata: one entry per x86_64 syscall, sorted by name.
//
// Argument names follow the man pages; kinds and tables follow what strace 6.x prints. Array
// conventions the decoders and the capture-plan projection share (see ArgSpec):
//   - Struct* with len_arg >= 0: an array of args[len_arg] elements of `size` bytes each
//     (pollfd, iovec, epoll_event, mmsghdr); for outputs the kernel fills at most `ret` of them.
//   - Struct* with size == 0: variable length, bounded by the return value (getdents64 buffers).
//   - Struct detail "int" / "int64" / "uint64": one scalar behind a pointer, printed as `[16]`;
//     StructInOut adds the value the call wrote back when it changed it, `[0] => [16]` (sendfile).
//   - Struct detail "name[2]": two consecutive structs (utimensat's times).
//   - Struct detail "socklen": an in/out socklen_t, `[128 => 16]` (see a_socklen).
//   - Struct detail "cpu_set": a CPU bit mask, `[0 1]` (its bytes: cpusetsize at entry, ret at exit).
//   - Struct detail "gid_t" with len_arg: a list of ids, `[0, 27]`.
//   - BufOut detail "hex": bytes strace always shows in \x form (getrandom).
//   - BufOut detail "path": a NUL-terminated path the call writes (getcwd), shown whole like a
//     Path argument (strace does not cut it at -s) and without its NUL.
//   - ioctl's arg: 64 bytes read at exit whatever the request (a fault just shows the address);
//     the ioctl override decides from the request whether they mean anything.
//   - Custom detail "hidden": an argument strace never prints (preadv2's pos_h on 64-bit).
//   - Custom detail "nodemask_in" / "nodemask_out" with len_arg (maxnode): a NUMA node mask read
//     at entry / at exit, shown as its longs; "mempolicy_out": get_mempolicy's mode, `[MPOL_BIND]`.
//   - Custom detail "arch_prctl_addr": arch_prctl's addr, a number or where ARCH_GET_FS/GS
//     write the base (its 8 bytes read at exit).
//   - Custom detail "msgbuf_in" / "msgbuf_out": a struct msgbuf (mtype, then msgsz bytes of
//     text) read at entry (msgsnd) / at exit (msgrcv), its text up to -s bytes.
//   - Custom detail "fcntl_arg": `size` bytes (a struct flock) read at entry and at exit whatever
//     the command (a number that is no address just faults); the fcntl override decides from
//     the command whether they mean anything.
// Types: every scalar argument names the C type of the kernel's prototype (include/linux/syscalls.h;
// arch/x86 for mmap, arch_prctl, iopl, ioperm, modify_ldt), which decides how many bits of the
// register the decoders read: a_int/a_uint/a_long/a_ulong by name, the third argument of
// a_flags/a_enum/a_hex otherwise. Where strace 6.1 reads an argument otherwise than the kernel, the
// spec follows strace: every fd is an int (read's is an unsigned int to the kernel), close_range's
// bounds are plain unsigned ints, sethostname's and setdomainname's len (ints) unsigned ints,
// readlink's bufsiz (an int) an unsigned long, and ptrace's pid (a long) an int.
// Classes and kMayBlock: strace's syscallent tables for the classes; kMayBlock marks calls that
// can wait for long, so the BPF side also sends an ENTER record for them.
#include <algorithm>
#include <initializer_list>

#include "decode/families.h"
#include "syscalls/spec.h"

namespace etrace {

namespace {

constexpr std::uint32_t kD = kClassDesc, kF = kClassFile, kN = kClassNetwork, kP = kClassProcess,
                        kS = kClassSignal, kI = kClassIpc, kM = kClassMemory, kC = kClassCreds,
                        kCl = kClassClock, kPu = kClassPure, kSt = kClassStat, kLst = kClassLstat,
                        kFst = kClassFstat, kSta = kClassStatLike, kSf = kClassStatfs,
                        kFsf = kClassFstatfs, kSfa = kClassStatfsLike;

using enum CType;

// Numbers, by the kernel's C type of the argument.
constexpr ArgSpec a_int(std::string_view n) { return {n, ArgKind::Int, {}, -1, 0, Int}; }
constexpr ArgSpec a_long(std::string_view n) { return {n, ArgKind::Int, {}, -1, 0, Long}; }
constexpr ArgSpec a_uint(std::string_view n) { return {n, ArgKind::Uint, {}, -1, 0, UInt}; }
constexpr ArgSpec a_ulong(std::string_view n) { return {n, ArgKind::Uint, {}, -1, 0, ULong}; }  // also size_t
constexpr ArgSpec a_id(std::string_view n) { return {n, ArgKind::Id, {}, -1, 0, UInt}; }        // uid_t, gid_t
constexpr ArgSpec a_hex(std::string_view n, CType t = ULong) { return {n, ArgKind::Hex, {}, -1, 0, t}; }
constexpr ArgSpec a_ptr(std::string_view n) { return {n, ArgKind::Ptr}; }
constexpr ArgSpec a_fd(std::string_view n) { return {n, ArgKind::Fd, {}, -1, 0, Int}; }
constexpr ArgSpec a_dirfd(std::string_view n) { return {n, ArgKind::DirFd, {}, -1, 0, Int}; }
constexpr ArgSpec a_path(std::string_view n) { return {n, ArgKind::Path}; }
constexpr ArgSpec a_str(std::string_view n) { return {n, ArgKind::String}; }
constexpr ArgSpec a_in(std::string_view n, std::int8_t len) { return {n, ArgKind::BufIn, {}, len}; }
// A buffer sent on a socket: netlink messages when the socket is a netlink one (decode/netlink.h).
constexpr ArgSpec a_sockbuf(std::string_view n, std::int8_t len) { return {n, ArgKind::BufIn, "sockbuf", len}; }
constexpr ArgSpec a_out(std::string_view n, std::string_view d = {}) { return {n, ArgKind::BufOut, d}; }
// Flag sets and constants: an unsigned int and an int unless the kernel says otherwise.
constexpr ArgSpec a_flags(std::string_view n, std::string_view table, CType t = UInt) {
  return {n, ArgKind::Flags, table, -1, 0, t};
}
constexpr ArgSpec a_enum(std::string_view n, std::string_view table, CType t = Int) {
  return {n, ArgKind::Enum, table, -1, 0, t};
}
// A permission mode (chmod, open, mkdir; a umode_t): plain octal, even type bits (strace: 0100744).
constexpr ArgSpec a_mode(std::string_view n) { return {n, ArgKind::Octal, {}, -1, 0, UShort}; }
// A mode with its file type (mknod): S_IFIFO|0600.
constexpr ArgSpec a_ftmode(std::string_view n) { return {n, ArgKind::Mode, {}, -1, 0, UShort}; }
constexpr ArgSpec a_sig(std::string_view n) { return {n, ArgKind::Signal, {}, -1, 0, Int}; }
constexpr ArgSpec a_sin(std::string_view n, std::string_view s, std::uint16_t size, std::int8_t len = -1) {
  return {n, ArgKind::StructIn, s, len, size};
}
constexpr ArgSpec a_sout(std::string_view n, std::string_view s, std::uint16_t size, std::int8_t len = -1) {
  return {n, ArgKind::StructOut, s, len, size};
}
constexpr ArgSpec a_sain(std::string_view n, std::int8_t len) { return {n, ArgKind::SockaddrIn, "sockaddr", len, 128}; }
constexpr ArgSpec a_sinout(std::string_view n, std::string_view s, std::uint16_t size, std::int8_t len = -1) {
  return {n, ArgKind::StructInOut, s, len, size};
}
constexpr ArgSpec a_saout(std::string_view n, std::int8_t len) { return {n, ArgKind::SockaddrOut, "sockaddr", len, 128}; }
// A socklen_t the call reads at entry and writes back: captured at entry; the value written back is
// the length the buffer argument's capture (SockaddrOut, whose len_arg points here) read.
constexpr ArgSpec a_socklen(std::string_view n) { return {n, ArgKind::StructIn, "socklen", -1, 4}; }
// getsockopt's value: captured like an output sockaddr (the length the kernel wrote back through
// optlen), printed by the getsockopt override.
constexpr ArgSpec a_argv(std::string_view n) { return {n, ArgKind::Argv}; }
constexpr ArgSpec a_envp(std::string_view n) { return {n, ArgKind::Envp}; }
constexpr ArgSpec a_fdpair(std::string_view n) { return {n, ArgKind::FdPair, {}, -1, 8}; }
constexpr ArgSpec a_custom(std::string_view n, std::string_view d, std::int8_t len = -1, CType t = ULong) {
  return {n, ArgKind::Custom, d, len, 0, t};
}

constexpr SyscallSpec sc(std::string_view name, std::uint32_t classes, std::initializer_list<ArgSpec> args,
                         RetKind ret = RetKind::Int, std::uint8_t flags = 0) {
  SyscallSpec s{name, static_cast<std::uint8_t>(args.size()), {}, ret, classes, flags};
  std::size_t i = 0;
  for (const ArgSpec& a : args) s.args[i++] = a;
  return s;
}

// A call shown by its family's decoder (decode/families.h) rather than argument by argument.
constexpr SyscallSpec decoded_by(CallDecoder d, SyscallSpec s) {
  s.decoder = d;
  return s;
}

constexpr SyscallSpec decoded_by(CallDecoder d, ResultDecoder r, SyscallSpec s) {
  s.decoder = d;
  s.result_decoder = r;
  return s;
}

// clang-format off
constexpr SyscallSpec kSpecs[] = {
    sc("_sysctl", 0, {a_ptr("args")}),
    sc("accept", kN, {a_fd("sockfd"), a_saout("addr", 2), a_socklen("addrlen")}, RetKind::Fd, kMayBlock),
    sc("accept4", kN, {a_fd("sockfd"), a_saout("addr", 2), a_socklen("addrlen"), a_flags("flags", "accept4_flags", Int)}, RetKind::Fd, kMayBlock),
    sc("access", kF, {a_path("pathname"), a_flags("mode", "access_modes", Int)}),
    sc("acct", kF, {a_path("filename")}),
    sc("add_key", 0, {a_str("type"), a_str("description"), a_in("payload", 3), a_ulong("plen"), a_enum("keyring", "key_specs")}),
    decoded_by(clocks::args_adjtimex, clocks::result_adjtimex, sc("adjtimex", kCl, {a_sout("buf", "timex", 208)})),
    sc("afs_syscall", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3"), a_hex("a4")}),
    sc("alarm", 0, {a_uint("seconds")}),
    decoded_by(process::args_arch_prctl, sc("arch_prctl", 0, {a_enum("code", "arch_prctl_codes"), a_custom("addr", "arch_prctl_addr")})),
    sc("bind", kN, {a_fd("sockfd"), a_sain("addr", 2), a_int("addrlen")}),
    sc("bpf", kD, {a_enum("cmd", "bpf_cmds"), a_ptr("attr"), a_uint("size")}),
    sc("brk", kM, {a_ptr("addr")}, RetKind::Hex),
    sc("cachestat", kD, {a_fd("fd"), a_sin("cstat_range", "cachestat_range", 16), a_sout("cstat", "cachestat", 40), a_uint("flags")}),
    sc("capget", kC, {a_sin("hdrp", "cap_user_header", 8), a_sout("datap", "cap_user_data", 24)}),
    sc("capset", kC, {a_sin("hdrp", "cap_user_header", 8), a_sin("datap", "cap_user_data", 24)}),
    sc("chdir", kF, {a_path("path")}),
    sc("chmod", kF, {a_path("pathname"), a_mode("mode")}),
    sc("chown", kF, {a_path("pathname"), a_id("owner"), a_id("group")}),
    sc("chroot", kF, {a_path("path")}),
    decoded_by(clocks::args_clock_adjtime, clocks::result_clock_adjtime, sc("clock_adjtime", kCl, {a_enum("clk_id", "clock_ids"), a_sout("buf", "timex", 208)})),
    sc("clock_getres", kCl, {a_enum("clockid", "clock_ids"), a_sout("res", "timespec", 16)}),
    sc("clock_gettime", kCl, {a_enum("clockid", "clock_ids"), a_sout("tp", "timespec", 16)}),
    sc("clock_nanosleep", 0, {a_enum("clockid", "clock_ids"), a_flags("flags", "timer_flags", Int), a_sin("request", "timespec", 16), a_sout("remain", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("clock_settime", kCl, {a_enum("clockid", "clock_ids"), a_sin("tp", "timespec", 16)}),
    sc("clone", kP, {a_custom("flags", "clone_flags"), a_ptr("stack"), a_ptr("parent_tid"), a_ptr("child_tid"), a_ptr("tls")}, RetKind::Pid),
    sc("clone3", kP, {a_sin("cl_args", "clone_args", 88), a_ulong("size")}, RetKind::Pid),
    sc("close", kD, {a_fd("fd")}),
    sc("close_range", 0, {a_uint("first"), a_uint("last"), a_flags("flags", "close_range_flags")}),
    sc("connect", kN, {a_fd("sockfd"), a_sain("addr", 2), a_int("addrlen")}, RetKind::Int, kMayBlock),
    sc("copy_file_range", kD, {a_fd("fd_in"), a_sin("off_in", "int64", 8), a_fd("fd_out"), a_sin("off_out", "int64", 8), a_ulong("len"), a_uint("flags")}),
    sc("creat", kD | kF, {a_path("pathname"), a_mode("mode")}, RetKind::Fd),
    sc("create_module", 0, {a_str("name"), a_uint("size")}),
    sc("delete_module", 0, {a_str("name"), a_flags("flags", "delete_module_flags")}),
    sc("dup", kD, {a_fd("oldfd")}, RetKind::Fd),
    sc("dup2", kD, {a_fd("oldfd"), a_fd("newfd")}, RetKind::Fd),
    sc("dup3", kD, {a_fd("oldfd"), a_fd("newfd"), a_flags("flags", "dup3_flags", Int)}, RetKind::Fd),
    sc("epoll_create", kD, {a_int("size")}, RetKind::Fd),
    sc("epoll_create1", kD, {a_flags("flags", "epoll_create1_flags", Int)}, RetKind::Fd),
    sc("epoll_ctl", kD, {a_fd("epfd"), a_enum("op", "epoll_ctl_ops"), a_fd("fd"), a_sin("event", "epoll_event", 12)}),
    sc("epoll_ctl_old", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3")}),
    decoded_by(file::args_epoll_pwait, sc("epoll_pwait", kD, {a_fd("epfd"), a_sout("events", "epoll_event", 12, 2), a_int("maxevents"), a_int("timeout"), a_sin("sigmask", "sigset", 8), a_ulong("sigsetsize")}, RetKind::Int, kMayBlock)),
    decoded_by(file::args_epoll_pwait2, sc("epoll_pwait2", kD, {a_fd("epfd"), a_sout("events", "epoll_event", 12, 2), a_int("maxevents"), a_sin("timeout", "timespec", 16), a_sin("sigmask", "sigset", 8), a_ulong("sigsetsize")}, RetKind::Int, kMayBlock)),
    sc("epoll_wait", kD, {a_fd("epfd"), a_sout("events", "epoll_event", 12, 2), a_int("maxevents"), a_int("timeout")}, RetKind::Int, kMayBlock),
    sc("epoll_wait_old", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3")}),
    sc("eventfd", kD, {a_uint("initval")}, RetKind::Fd),
    sc("eventfd2", kD, {a_uint("initval"), a_flags("flags", "eventfd_flags", Int)}, RetKind::Fd),
    sc("execve", kF | kP, {a_path("pathname"), a_argv("argv"), a_envp("envp")}),
    sc("execveat", kD | kF | kP, {a_dirfd("dirfd"), a_path("pathname"), a_argv("argv"), a_envp("envp"), a_flags("flags", "at_flags", Int)}),
    sc("exit", kP, {a_int("status")}, RetKind::None),
    sc("exit_group", kP, {a_int("status")}, RetKind::None),
    sc("faccessat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("mode", "access_modes", Int)}),
    sc("faccessat2", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("mode", "access_modes", Int), a_flags("flags", "at_flags", Int)}),
    sc("fadvise64", kD, {a_fd("fd"), a_long("offset"), a_ulong("len"), a_enum("advice", "fadvise_advice")}),
    sc("fallocate", kD, {a_fd("fd"), a_flags("mode", "fallocate_modes", Int), a_long("offset"), a_long("len")}),
    sc("fanotify_init", kD, {a_flags("flags", "fanotify_init_flags"), a_flags("event_f_flags", "open_flags")}, RetKind::Fd),
    sc("fanotify_mark", kD | kF, {a_fd("fanotify_fd"), a_flags("flags", "fanotify_mark_flags"), a_flags("mask", "fanotify_events", ULong), a_dirfd("dirfd"), a_path("pathname")}),
    sc("fchdir", kD, {a_fd("fd")}),
    sc("fchmod", kD, {a_fd("fd"), a_mode("mode")}),
    sc("fchmodat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_mode("mode")}),
    sc("fchmodat2", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_mode("mode"), a_flags("flags", "at_flags")}),
    sc("fchown", kD, {a_fd("fd"), a_id("owner"), a_id("group")}),
    sc("fchownat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_id("owner"), a_id("group"), a_flags("flags", "at_flags", Int)}),
    sc("fcntl", kD, {a_fd("fd"), a_enum("cmd", "fcntl_cmds", UInt), {"arg", ArgKind::Custom, "fcntl_arg", -1, 32}}, RetKind::Int, kMayBlock),
    sc("fdatasync", kD, {a_fd("fd")}),
    sc("fgetxattr", kD, {a_fd("fd"), a_str("name"), a_out("value"), a_ulong("size")}),
    sc("file_getattr", kD | kF, {a_dirfd("dirfd"), a_path("filename"), a_ptr("ufattr"), a_ulong("usize"), a_flags("at_flags", "at_flags")}),
    sc("file_setattr", kD | kF, {a_dirfd("dirfd"), a_path("filename"), a_ptr("ufattr"), a_ulong("usize"), a_flags("at_flags", "at_flags")}),
    sc("finit_module", kD, {a_fd("fd"), a_str("param_values"), a_flags("flags", "finit_module_flags", Int)}),
    sc("flistxattr", kD, {a_fd("fd"), a_out("list"), a_ulong("size")}),
    sc("flock", kD, {a_fd("fd"), a_flags("operation", "flock_ops")}, RetKind::Int, kMayBlock),
    sc("fork", kP, {}, RetKind::Pid),
    sc("fremovexattr", kD, {a_fd("fd"), a_str("name")}),
    sc("fsconfig", kD | kF, {a_fd("fd"), a_enum("cmd", "fsconfig_cmds", UInt), a_str("key"), a_ptr("value"), a_int("aux")}),
    sc("fsetxattr", kD, {a_fd("fd"), a_str("name"), a_in("value", 3), a_ulong("size"), a_flags("flags", "xattr_flags", Int)}),
    sc("fsmount", kD, {a_fd("fs_fd"), a_flags("flags", "fsmount_flags"), a_flags("attr_flags", "fsmount_attr_flags")}, RetKind::Fd),
    sc("fsopen", kD, {a_str("fsname"), a_flags("flags", "fsopen_flags")}, RetKind::Fd),
    sc("fspick", kD | kF, {a_dirfd("dirfd"), a_path("path"), a_flags("flags", "fspick_flags")}, RetKind::Fd),
    sc("fstat", kD | kFst | kSta, {a_fd("fd"), a_sout("statbuf", "stat", 144)}),
    sc("fstatfs", kD | kFsf | kSfa, {a_fd("fd"), a_sout("buf", "statfs", 120)}),
    sc("fsync", kD, {a_fd("fd")}),
    sc("ftruncate", kD, {a_fd("fd"), a_long("length")}),
    sc("futex", 0, {a_ptr("uaddr"), a_custom("futex_op", "futex_op", -1, Int), a_uint("val"), a_sin("timeout", "timespec", 16), a_ptr("uaddr2"), a_hex("val3", UInt)}, RetKind::Int, kMayBlock),
    sc("futex_requeue", 0, {a_sin("waiters", "futex_waitv[2]", 48), a_uint("flags"), a_int("nr_wake"), a_int("nr_requeue")}),
    sc("futex_wait", 0, {a_ptr("uaddr"), a_ulong("val"), a_hex("mask"), a_hex("flags", UInt), a_sin("timeout", "timespec", 16), a_enum("clockid", "clock_ids")}, RetKind::Int, kMayBlock),
    sc("futex_waitv", 0, {a_sin("waiters", "futex_waitv", 24, 1), a_uint("nr_futexes"), a_hex("flags", UInt), a_sin("timeout", "timespec", 16), a_enum("clockid", "clock_ids")}, RetKind::Int, kMayBlock),
    sc("futex_wake", 0, {a_ptr("uaddr"), a_hex("mask"), a_int("nr"), a_hex("flags", UInt)}),
    sc("futimesat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_sin("times", "timeval[2]", 32)}),
    sc("get_kernel_syms", 0, {a_ptr("table")}),
    sc("get_mempolicy", kM, {a_custom("mode", "mempolicy_out"), a_custom("nodemask", "nodemask_out", 2), a_ulong("maxnode"), a_ptr("addr"), a_flags("flags", "get_mempolicy_flags", ULong)}),
    sc("get_robust_list", 0, {a_int("pid"), a_ptr("head_ptr"), a_ptr("len_ptr")}),
    sc("get_thread_area", 0, {a_sout("u_info", "user_desc", 16)}),
    sc("getcpu", 0, {a_sout("cpu", "int", 4), a_sout("node", "int", 4), a_ptr("tcache")}),
    sc("getcwd", kF, {a_out("buf", "path"), a_ulong("size")}),
    sc("getdents", kD, {a_fd("fd"), a_sout("dirp", "linux_dirent", 0), a_uint("count")}),
    sc("getdents64", kD, {a_fd("fd"), a_sout("dirp", "linux_dirent64", 0), a_uint("count")}),
    sc("getegid", kC | kPu, {}),
    sc("geteuid", kC | kPu, {}),
    sc("getgid", kC | kPu, {}),
    sc("getgroups", kC, {a_int("size"), a_sout("list", "gid_t", 4, 0)}),
    sc("getitimer", 0, {a_enum("which", "itimer_which"), a_sout("curr_value", "itimerval", 32)}),
    sc("getpeername", kN, {a_fd("sockfd"), a_saout("addr", 2), a_socklen("addrlen")}),
    sc("getpgid", 0, {a_int("pid")}, RetKind::Pid),
    sc("getpgrp", kPu, {}, RetKind::Pid),
    sc("getpid", kPu, {}, RetKind::Pid),
    sc("getpmsg", kN, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3"), a_hex("a4")}),
    sc("getppid", kPu, {}, RetKind::Pid),
    sc("getpriority", 0, {a_enum("which", "priority_which"), a_int("who")}),
    sc("getrandom", 0, {a_out("buf", "hex"), a_ulong("buflen"), a_flags("flags", "getrandom_flags")}),
    sc("getresgid", kC, {a_sout("rgid", "int", 4), a_sout("egid", "int", 4), a_sout("sgid", "int", 4)}),
    sc("getresuid", kC, {a_sout("ruid", "int", 4), a_sout("euid", "int", 4), a_sout("suid", "int", 4)}),
    sc("getrlimit", 0, {a_enum("resource", "rlimit_resources", UInt), a_sout("rlim", "rlimit", 16)}),
    sc("getrusage", 0, {a_enum("who", "rusage_who"), a_sout("usage", "rusage", 144)}),
    sc("getsid", 0, {a_int("pid")}, RetKind::Pid),
    sc("getsockname", kN, {a_fd("sockfd"), a_saout("addr", 2), a_socklen("addrlen")}),
    sc("getsockopt", kN, {a_fd("sockfd"), a_enum("level", "socket_levels"), a_custom("optname", "sockopt_name", -1, Int), a_custom("optval", "getsockopt_val"), a_custom("optlen", "sockopt_len")}),
    sc("gettid", kPu, {}, RetKind::Pid),
    sc("gettimeofday", kCl, {a_sout("tv", "timeval", 16), a_sout("tz", "timezone", 8)}),
    sc("getuid", kC | kPu, {}),
    sc("getxattr", kF, {a_path("path"), a_str("name"), a_out("value"), a_ulong("size")}),
    sc("getxattrat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("at_flags", "at_flags"), a_str("name"), a_ptr("uargs"), a_ulong("usize")}),
    sc("init_module", 0, {a_ptr("module_image"), a_ulong("len"), a_str("param_values")}),
    sc("inotify_add_watch", kD | kF, {a_fd("fd"), a_path("pathname"), a_flags("mask", "inotify_mask")}),
    sc("inotify_init", kD, {}, RetKind::Fd),
    sc("inotify_init1", kD, {a_flags("flags", "inotify_init_flags", Int)}, RetKind::Fd),
    sc("inotify_rm_watch", kD, {a_fd("fd"), a_int("wd")}),
    sc("io_cancel", 0, {a_hex("ctx_id"), a_sin("iocb", "iocb", 64), a_sout("result", "io_event", 32)}),
    sc("io_destroy", kM, {a_hex("ctx_id")}),
    sc("io_getevents", 0, {a_hex("ctx_id"), a_long("min_nr"), a_long("nr"), a_sout("events", "io_event", 32, 2), a_sin("timeout", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("io_pgetevents", 0, {a_hex("ctx_id"), a_long("min_nr"), a_long("nr"), a_sout("events", "io_event", 32, 2), a_sin("timeout", "timespec", 16), a_sin("usig", "__aio_sigset", 16)}, RetKind::Int, kMayBlock),
    sc("io_setup", kM, {a_uint("nr_events"), a_ptr("ctx_idp")}),
    sc("io_submit", 0, {a_hex("ctx_id"), a_long("nr"), a_ptr("iocbpp")}),
    sc("io_uring_enter", kD | kS, {a_fd("fd"), a_uint("to_submit"), a_uint("min_complete"), a_flags("flags", "io_uring_enter_flags"), a_sin("sig", "sigset", 8), a_ulong("sigsz")}, RetKind::Int, kMayBlock),
    sc("io_uring_register", kD | kM, {a_fd("fd"), a_uint("opcode"), a_ptr("arg"), a_uint("nr_args")}),
    sc("io_uring_setup", kD, {a_uint("entries"), a_ptr("p")}, RetKind::Fd),
    sc("ioctl", kD, {a_fd("fd"), a_enum("request", "ioctl_requests", UInt), a_custom("arg", "ioctl_arg")}),
    sc("ioperm", 0, {a_hex("from"), a_hex("num"), a_int("turn_on")}),
    sc("iopl", 0, {a_uint("level")}),
    sc("ioprio_get", 0, {a_enum("which", "ioprio_which"), a_int("who")}),
    sc("ioprio_set", 0, {a_enum("which", "ioprio_which"), a_int("who"), a_hex("ioprio", Int)}),
    sc("kcmp", 0, {a_int("pid1"), a_int("pid2"), a_enum("type", "kcmp_types"), a_hex("idx1"), a_hex("idx2")}),
    sc("kexec_file_load", kD, {a_fd("kernel_fd"), a_fd("initrd_fd"), a_ulong("cmdline_len"), a_str("cmdline"), a_hex("flags")}),
    sc("kexec_load", 0, {a_hex("entry"), a_ulong("nr_segments"), a_sin("segments", "kexec_segment", 32, 1), a_hex("flags")}),
    sc("keyctl", 0, {a_int("operation"), a_hex("arg2"), a_hex("arg3"), a_hex("arg4"), a_hex("arg5")}),
    sc("kill", kS | kP, {a_int("pid"), a_sig("sig")}),
    sc("landlock_add_rule", kD, {a_fd("ruleset_fd"), a_enum("rule_type", "landlock_rule_types", UInt), a_ptr("rule_attr"), a_hex("flags", UInt)}),
    sc("landlock_create_ruleset", kD, {a_sin("attr", "landlock_ruleset_attr", 16), a_ulong("size"), a_flags("flags", "landlock_create_ruleset_flags")}, RetKind::Fd),
    sc("landlock_restrict_self", kD, {a_fd("ruleset_fd"), a_hex("flags", UInt)}),
    sc("lchown", kF, {a_path("pathname"), a_id("owner"), a_id("group")}),
    sc("lgetxattr", kF, {a_path("path"), a_str("name"), a_out("value"), a_ulong("size")}),
    sc("link", kF, {a_path("oldpath"), a_path("newpath")}),
    sc("linkat", kD | kF, {a_dirfd("olddirfd"), a_path("oldpath"), a_dirfd("newdirfd"), a_path("newpath"), a_flags("flags", "at_flags", Int)}),
    sc("listen", kN, {a_fd("sockfd"), a_int("backlog")}),
    sc("listmount", 0, {a_sin("req", "mnt_id_req", 24), a_ptr("mnt_ids"), a_ulong("nr_mnt_ids"), a_uint("flags")}),
    sc("listns", 0, {a_ptr("req"), a_ptr("ns_ids"), a_ulong("nr_ns_ids"), a_uint("flags")}),
    sc("listxattr", kF, {a_path("path"), a_out("list"), a_ulong("size")}),
    sc("listxattrat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("at_flags", "at_flags"), a_out("list"), a_ulong("size")}),
    sc("llistxattr", kF, {a_path("path"), a_out("list"), a_ulong("size")}),
    sc("lookup_dcookie", 0, {a_hex("cookie"), a_out("buffer"), a_ulong("len")}),
    sc("lremovexattr", kF, {a_path("path"), a_str("name")}),
    sc("lseek", kD, {a_fd("fd"), a_long("offset"), a_enum("whence", "seek_whence", UInt)}),
    sc("lsetxattr", kF, {a_path("path"), a_str("name"), a_in("value", 3), a_ulong("size"), a_flags("flags", "xattr_flags", Int)}),
    sc("lsm_get_self_attr", 0, {a_uint("attr"), a_sout("ctx", "lsm_ctx", 0), a_sout("size", "int", 4), a_uint("flags")}),
    sc("lsm_list_modules", 0, {a_ptr("ids"), a_ptr("size"), a_uint("flags")}),
    sc("lsm_set_self_attr", 0, {a_uint("attr"), a_sin("ctx", "lsm_ctx", 0, 2), a_uint("size"), a_uint("flags")}),
    sc("lstat", kF | kLst | kSta, {a_path("pathname"), a_sout("statbuf", "stat", 144)}),
    sc("madvise", kM, {a_ptr("addr"), a_ulong("length"), a_enum("advice", "madvise_advice")}),
    sc("map_shadow_stack", kM, {a_ptr("addr"), a_ulong("size"), a_hex("flags", UInt)}, RetKind::Hex),
    sc("mbind", kM, {a_ptr("addr"), a_ulong("len"), a_enum("mode", "mempolicy_modes", ULong), a_custom("nodemask", "nodemask_in", 4), a_ulong("maxnode"), a_flags("flags", "mbind_flags")}),
    sc("membarrier", 0, {a_enum("cmd", "membarrier_cmds"), a_uint("flags")}),  // strace 6.1 shows two
    sc("memfd_create", kD, {a_str("name"), a_flags("flags", "memfd_flags")}, RetKind::Fd),
    sc("memfd_secret", kD, {a_flags("flags", "memfd_secret_flags")}, RetKind::Fd),
    sc("migrate_pages", kM, {a_int("pid"), a_ulong("maxnode"), a_ptr("old_nodes"), a_ptr("new_nodes")}),
    sc("mincore", kM, {a_ptr("addr"), a_ulong("length"), a_ptr("vec")}),
    sc("mkdir", kF, {a_path("pathname"), a_mode("mode")}),
    sc("mkdirat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_mode("mode")}),
    sc("mknod", kF, {a_path("pathname"), a_ftmode("mode"), a_custom("dev", "mknod_dev", -1, UInt)}),
    sc("mknodat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_ftmode("mode"), a_custom("dev", "mknod_dev", -1, UInt)}),
    sc("mlock", kM, {a_ptr("addr"), a_ulong("len")}),
    sc("mlock2", kM, {a_ptr("addr"), a_ulong("len"), a_flags("flags", "mlock_flags", Int)}),
    sc("mlockall", kM, {a_flags("flags", "mlockall_flags", Int)}),
    sc("mmap", kD | kM, {a_ptr("addr"), a_ulong("length"), a_flags("prot", "mmap_prot", ULong), a_flags("flags", "mmap_flags", ULong), a_fd("fd"), a_hex("offset")}, RetKind::Hex),
    sc("modify_ldt", 0, {a_int("func"), a_ptr("ptr"), a_ulong("bytecount")}),
    sc("mount", kF, {a_path("source"), a_path("target"), a_str("filesystemtype"), a_flags("mountflags", "mount_flags", ULong), a_str("data")}),
    sc("mount_setattr", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("flags", "at_flags"), a_sin("attr", "mount_attr", 32), a_ulong("size")}),
    sc("move_mount", kD | kF, {a_dirfd("from_dirfd"), a_path("from_pathname"), a_dirfd("to_dirfd"), a_path("to_pathname"), a_flags("flags", "move_mount_flags")}),
    sc("move_pages", kM, {a_int("pid"), a_ulong("count"), a_ptr("pages"), a_ptr("nodes"), a_ptr("status"), a_flags("flags", "mbind_flags", Int)}),
    sc("mprotect", kM, {a_ptr("addr"), a_ulong("len"), a_flags("prot", "mmap_prot", ULong)}),
    sc("mq_getsetattr", kD, {a_fd("mqdes"), a_sin("newattr", "mq_attr", 64), a_sout("oldattr", "mq_attr", 64)}),
    sc("mq_notify", kD, {a_fd("mqdes"), a_sin("sevp", "sigevent", 64)}),
    sc("mq_open", kD, {a_str("name"), a_flags("oflag", "open_flags", Int), a_mode("mode"), a_sin("attr", "mq_attr", 64)}, RetKind::Fd),
    sc("mq_timedreceive", kD, {a_fd("mqdes"), a_out("msg_ptr"), a_ulong("msg_len"), a_sout("msg_prio", "int", 4), a_sin("abs_timeout", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("mq_timedsend", kD, {a_fd("mqdes"), a_in("msg_ptr", 2), a_ulong("msg_len"), a_uint("msg_prio"), a_sin("abs_timeout", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("mq_unlink", 0, {a_str("name")}),
    sc("mremap", kM, {a_ptr("old_address"), a_ulong("old_size"), a_ulong("new_size"), a_flags("flags", "mremap_flags", ULong), a_ptr("new_address")}, RetKind::Hex),
    sc("mseal", kM, {a_ptr("addr"), a_ulong("len"), a_ulong("flags")}),
    decoded_by(ipc::args_msgctl, sc("msgctl", kI, {a_int("msqid"), a_enum("cmd", "msgctl_cmds"), a_sinout("buf", "msqid_ds", 120)})),
    decoded_by(ipc::args_msgget, sc("msgget", kI, {a_hex("key", Int), a_flags("msgflg", "ipc_resource_flags", Int)})),
    decoded_by(ipc::args_msgrcv, sc("msgrcv", kI, {a_int("msqid"), a_custom("msgp", "msgbuf_out"), a_ulong("msgsz"), a_long("msgtyp"), a_flags("msgflg", "ipc_msg_flags", Int)}, RetKind::Int, kMayBlock)),
    decoded_by(ipc::args_msgsnd, sc("msgsnd", kI, {a_int("msqid"), a_custom("msgp", "msgbuf_in"), a_ulong("msgsz"), a_flags("msgflg", "ipc_msg_flags", Int)}, RetKind::Int, kMayBlock)),
    sc("msync", kM, {a_ptr("addr"), a_ulong("length"), a_flags("flags", "msync_flags", Int)}),
    sc("munlock", kM, {a_ptr("addr"), a_ulong("len")}),
    sc("munlockall", kM, {}),
    sc("munmap", kM, {a_ptr("addr"), a_ulong("length")}),
    sc("name_to_handle_at", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_sout("handle", "file_handle", 8), a_sout("mount_id", "int", 4), a_flags("flags", "at_flags", Int)}),
    sc("nanosleep", 0, {a_sin("req", "timespec", 16), a_sout("rem", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("newfstatat", kD | kF | kFst | kSta, {a_dirfd("dirfd"), a_path("pathname"), a_sout("statbuf", "stat", 144), a_flags("flags", "at_flags", Int)}),
    sc("nfsservctl", 0, {a_int("cmd"), a_ptr("argp"), a_ptr("resp")}),
    sc("open", kD | kF, {a_path("pathname"), a_flags("flags", "open_flags", Int), a_mode("mode")}, RetKind::Fd),
    sc("open_by_handle_at", kD, {a_fd("mount_fd"), a_sin("handle", "file_handle", 8), a_flags("flags", "open_flags", Int)}, RetKind::Fd),
    sc("open_tree", kD | kF, {a_dirfd("dirfd"), a_path("filename"), a_flags("flags", "open_tree_flags")}, RetKind::Fd),
    sc("open_tree_attr", kD | kF, {a_dirfd("dirfd"), a_path("filename"), a_flags("flags", "open_tree_flags"), a_ptr("attr"), a_ulong("size")}, RetKind::Fd),
    sc("openat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("flags", "open_flags", Int), a_mode("mode")}, RetKind::Fd),
    sc("openat2", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_sin("how", "open_how", 24), a_ulong("size")}, RetKind::Fd),
    sc("pause", kS, {}, RetKind::Int, kMayBlock),
    sc("perf_event_open", kD, {a_ptr("attr"), a_int("pid"), a_int("cpu"), a_fd("group_fd"), a_flags("flags", "perf_event_open_flags", ULong)}, RetKind::Fd),
    sc("personality", 0, {a_hex("persona", UInt)}),
    sc("pidfd_getfd", kD, {a_fd("pidfd"), a_int("targetfd"), a_hex("flags", UInt)}, RetKind::Fd),
    sc("pidfd_open", kD, {a_int("pid"), a_flags("flags", "pidfd_open_flags")}, RetKind::Fd),
    sc("pidfd_send_signal", kD | kS | kP, {a_fd("pidfd"), a_sig("sig"), a_sin("info", "siginfo", 128), a_hex("flags", UInt)}),
    sc("pipe", kD, {a_fdpair("pipefd")}),
    sc("pipe2", kD, {a_fdpair("pipefd"), a_flags("flags", "pipe_flags", Int)}),
    sc("pivot_root", kF, {a_path("new_root"), a_path("put_old")}),
    sc("pkey_alloc", 0, {a_hex("flags"), a_flags("access_rights", "pkey_access_rights", ULong)}),
    sc("pkey_free", 0, {a_int("pkey")}),
    sc("pkey_mprotect", kM, {a_ptr("addr"), a_ulong("len"), a_flags("prot", "mmap_prot", ULong), a_int("pkey")}),
    sc("poll", kD, {a_sinout("fds", "pollfd", 8, 1), a_uint("nfds"), a_int("timeout")}, RetKind::Int, kMayBlock),
    sc("ppoll", kD, {a_sinout("fds", "pollfd", 8, 1), a_uint("nfds"), a_sinout("tmo_p", "timespec", 16), a_sin("sigmask", "sigset", 8), a_ulong("sigsetsize")}, RetKind::Int, kMayBlock),
    // arg2 is read at exit as 16 bytes: the name of PR_SET_NAME and PR_GET_NAME (TASK_COMM_LEN);
    // for the options where it is a number the read faults and the number is shown.
    sc("prctl", kC, {a_enum("option", "prctl_options", UInt), a_custom("arg2", "prctl_arg2"), a_hex("arg3"), a_hex("arg4"), a_custom("arg5", "prctl_arg5")}),
    sc("pread64", kD, {a_fd("fd"), a_out("buf"), a_ulong("count"), a_long("offset")}, RetKind::Int, kMayBlock),
    sc("preadv", kD, {a_fd("fd"), a_sout("iov", "iovec", 16, 2), a_ulong("iovcnt"), a_long("offset")}, RetKind::Int, kMayBlock),
    sc("preadv2", kD, {a_fd("fd"), a_sout("iov", "iovec", 16, 2), a_ulong("iovcnt"), a_long("offset"), a_custom("pos_h", "hidden"), a_flags("flags", "rwf_flags", Int)}, RetKind::Int, kMayBlock),
    sc("prlimit64", 0, {a_int("pid"), a_enum("resource", "rlimit_resources", UInt), a_sin("new_limit", "rlimit", 16), a_sout("old_limit", "rlimit", 16)}),
    sc("process_madvise", kD, {a_fd("pidfd"), a_sin("iovec", "iovec", 16, 2), a_ulong("vlen"), a_enum("advice", "madvise_advice"), a_hex("flags", UInt)}),
    sc("process_mrelease", kD, {a_fd("pidfd"), a_hex("flags", UInt)}),
    sc("process_vm_readv", 0, {a_int("pid"), a_sout("local_iov", "iovec", 16, 2), a_ulong("liovcnt"), a_sin("remote_iov", "iovec", 16, 4), a_ulong("riovcnt"), a_hex("flags")}),
    sc("process_vm_writev", 0, {a_int("pid"), a_sin("local_iov", "iovec", 16, 2), a_ulong("liovcnt"), a_sin("remote_iov", "iovec", 16, 4), a_ulong("riovcnt"), a_hex("flags")}),
    sc("pselect6", kD, {a_int("nfds"), a_sinout("readfds", "fd_set", 128), a_sinout("writefds", "fd_set", 128), a_sinout("exceptfds", "fd_set", 128), a_sinout("timeout", "timespec", 16), a_sin("sigmask", "__aio_sigset", 16)}, RetKind::Int, kMayBlock),
    sc("ptrace", 0, {a_enum("request", "ptrace_requests", Long), a_int("pid"), a_ptr("addr"), a_ptr("data")}),
    sc("putpmsg", kN, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3"), a_hex("a4")}),
    sc("pwrite64", kD, {a_fd("fd"), a_in("buf", 2), a_ulong("count"), a_long("offset")}, RetKind::Int, kMayBlock),
    sc("pwritev", kD, {a_fd("fd"), a_sin("iov", "iovec", 16, 2), a_ulong("iovcnt"), a_long("offset")}, RetKind::Int, kMayBlock),
    sc("pwritev2", kD, {a_fd("fd"), a_sin("iov", "iovec", 16, 2), a_ulong("iovcnt"), a_long("offset"), a_custom("pos_h", "hidden"), a_flags("flags", "rwf_flags", Int)}, RetKind::Int, kMayBlock),
    sc("query_module", 0, {a_str("name"), a_int("which"), a_ptr("buf"), a_uint("bufsize"), a_ptr("ret")}),
    sc("quotactl", kF, {a_hex("cmd", UInt), a_path("special"), a_id("id"), a_ptr("addr")}),
    sc("quotactl_fd", kD, {a_fd("fd"), a_hex("cmd", UInt), a_id("id"), a_ptr("addr")}),
    sc("read", kD, {a_fd("fd"), a_out("buf"), a_ulong("count")}, RetKind::Int, kMayBlock),
    sc("readahead", kD, {a_fd("fd"), a_long("offset"), a_ulong("count")}),
    sc("readlink", kF, {a_path("pathname"), a_out("buf"), a_ulong("bufsiz")}),
    sc("readlinkat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_out("buf"), a_ulong("bufsiz")}),
    sc("readv", kD, {a_fd("fd"), a_sout("iov", "iovec", 16, 2), a_ulong("iovcnt")}, RetKind::Int, kMayBlock),
    sc("reboot", 0, {a_hex("magic", Int), a_hex("magic2", Int), a_enum("cmd", "reboot_cmds", UInt), a_ptr("arg")}),
    sc("recvfrom", kN, {a_fd("sockfd"), a_out("buf"), a_ulong("len"), a_flags("flags", "msg_flags"), a_saout("src_addr", 5), a_socklen("addrlen")}, RetKind::Int, kMayBlock),
    sc("recvmmsg", kN, {a_fd("sockfd"), a_sout("msgvec", "mmsghdr", 64, 2), a_uint("vlen"), a_flags("flags", "msg_flags"), a_sin("timeout", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("recvmsg", kN, {a_fd("sockfd"), a_sout("msg", "msghdr", 56), a_flags("flags", "msg_flags")}, RetKind::Int, kMayBlock),
    sc("remap_file_pages", kM, {a_ptr("addr"), a_ulong("size"), a_flags("prot", "mmap_prot", ULong), a_ulong("pgoff"), a_flags("flags", "mmap_flags", ULong)}),
    sc("removexattr", kF, {a_path("path"), a_str("name")}),
    sc("removexattrat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("at_flags", "at_flags"), a_str("name")}),
    sc("rename", kF, {a_path("oldpath"), a_path("newpath")}),
    sc("renameat", kD | kF, {a_dirfd("olddirfd"), a_path("oldpath"), a_dirfd("newdirfd"), a_path("newpath")}),
    sc("renameat2", kD | kF, {a_dirfd("olddirfd"), a_path("oldpath"), a_dirfd("newdirfd"), a_path("newpath"), a_flags("flags", "renameat2_flags")}),
    sc("request_key", 0, {a_str("type"), a_str("description"), a_str("callout_info"), a_enum("dest_keyring", "key_specs")}),
    sc("restart_syscall", 0, {}),
    sc("rmdir", kF, {a_path("pathname")}),
    sc("rseq", 0, {a_sin("rseq", "rseq", 32), a_hex("rseq_len", UInt), a_flags("flags", "rseq_flags", Int), a_hex("sig", UInt)}),
    sc("rt_sigaction", kS, {a_sig("signum"), a_sin("act", "sigaction", 32), a_sout("oldact", "sigaction", 32), a_ulong("sigsetsize")}),
    sc("rt_sigpending", kS, {a_sout("set", "sigset", 8), a_ulong("sigsetsize")}),
    sc("rt_sigprocmask", kS, {a_enum("how", "sigprocmask_how"), a_sin("set", "sigset", 8), a_sout("oldset", "sigset", 8), a_ulong("sigsetsize")}),
    sc("rt_sigqueueinfo", kS | kP, {a_int("tgid"), a_sig("sig"), a_sin("info", "siginfo", 128)}),
    // Not an argument: the signal mask saved in the frame the call returns through, which
    // strace shows as {mask=[...]}; read at the stack pointer (see capture_plan.cpp).
    sc("rt_sigreturn", kS, {{"frame", ArgKind::Custom, "sigframe", -1, 8}}),
    sc("rt_sigsuspend", kS, {a_sin("mask", "sigset", 8), a_ulong("sigsetsize")}, RetKind::Int, kMayBlock),
    sc("rt_sigtimedwait", kS, {a_sin("set", "sigset", 8), a_sout("info", "siginfo", 128), a_sin("timeout", "timespec", 16), a_ulong("sigsetsize")}, RetKind::Int, kMayBlock),
    sc("rt_tgsigqueueinfo", kP | kS, {a_int("tgid"), a_int("tid"), a_sig("sig"), a_sin("info", "siginfo", 128)}),
    sc("sched_get_priority_max", 0, {a_enum("policy", "sched_policies")}),
    sc("sched_get_priority_min", 0, {a_enum("policy", "sched_policies")}),
    sc("sched_getaffinity", 0, {a_int("pid"), a_uint("cpusetsize"), a_sout("mask", "cpu_set", 0)}),
    sc("sched_getattr", 0, {a_int("pid"), a_sout("attr", "sched_attr", 56), a_uint("size"), a_uint("flags")}),
    sc("sched_getparam", 0, {a_int("pid"), a_sout("param", "sched_param", 4)}),
    sc("sched_getscheduler", 0, {a_int("pid")}),
    sc("sched_rr_get_interval", 0, {a_int("pid"), a_sout("tp", "timespec", 16)}),
    sc("sched_setaffinity", 0, {a_int("pid"), a_uint("cpusetsize"), a_sin("mask", "cpu_set", 1, 1)}),
    sc("sched_setattr", 0, {a_int("pid"), a_sin("attr", "sched_attr", 56), a_uint("flags")}),
    sc("sched_setparam", 0, {a_int("pid"), a_sin("param", "sched_param", 4)}),
    sc("sched_setscheduler", 0, {a_int("pid"), a_enum("policy", "sched_policies"), a_sin("param", "sched_param", 4)}),
    sc("sched_yield", 0, {}),
    sc("seccomp", 0, {a_enum("operation", "seccomp_ops", UInt), a_flags("flags", "seccomp_flags"), a_ptr("args")}),
    sc("security", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2")}),
    sc("select", kD, {a_int("nfds"), a_sinout("readfds", "fd_set", 128), a_sinout("writefds", "fd_set", 128), a_sinout("exceptfds", "fd_set", 128), a_sinout("timeout", "timeval", 16)}, RetKind::Int, kMayBlock),
    decoded_by(ipc::args_semctl, sc("semctl", kI, {a_int("semid"), a_int("semnum"), a_enum("cmd", "semctl_cmds"), a_sinout("arg", "semid_ds", 104)})),
    decoded_by(ipc::args_semget, sc("semget", kI, {a_hex("key", Int), a_int("nsems"), a_flags("semflg", "ipc_resource_flags", Int)})),
    sc("semop", kI, {a_int("semid"), a_ptr("sops"), a_uint("nsops")}, RetKind::Int, kMayBlock),
    sc("semtimedop", kI, {a_int("semid"), a_ptr("sops"), a_uint("nsops"), a_sin("timeout", "timespec", 16)}, RetKind::Int, kMayBlock),
    sc("sendfile", kD | kN, {a_fd("out_fd"), a_fd("in_fd"), a_sinout("offset", "uint64", 8), a_ulong("count")}, RetKind::Int, kMayBlock),
    sc("sendmmsg", kN, {a_fd("sockfd"), a_sin("msgvec", "mmsghdr", 64, 2), a_uint("vlen"), a_flags("flags", "msg_flags")}, RetKind::Int, kMayBlock),
    sc("sendmsg", kN, {a_fd("sockfd"), a_sin("msg", "msghdr", 56), a_flags("flags", "msg_flags")}, RetKind::Int, kMayBlock),
    sc("sendto", kN, {a_fd("sockfd"), a_sockbuf("buf", 2), a_ulong("len"), a_flags("flags", "msg_flags"), a_sain("dest_addr", 5), a_int("addrlen")}, RetKind::Int, kMayBlock),
    sc("set_mempolicy", kM, {a_enum("mode", "mempolicy_modes"), a_custom("nodemask", "nodemask_in", 2), a_ulong("maxnode")}),
    sc("set_mempolicy_home_node", kM, {a_ptr("start"), a_ulong("len"), a_ulong("home_node"), a_hex("flags")}),
    sc("set_robust_list", 0, {a_ptr("head"), a_ulong("len")}),
    sc("set_thread_area", 0, {a_sin("u_info", "user_desc", 16)}),
    sc("set_tid_address", 0, {a_ptr("tidptr")}, RetKind::Pid),
    sc("setdomainname", 0, {a_in("name", 1), a_uint("len")}),
    sc("setfsgid", kC, {a_id("fsgid")}),
    sc("setfsuid", kC, {a_id("fsuid")}),
    sc("setgid", kC, {a_id("gid")}),
    sc("setgroups", kC, {a_int("size"), a_sin("list", "gid_t", 4, 0)}),
    sc("sethostname", 0, {a_in("name", 1), a_uint("len")}),
    sc("setitimer", 0, {a_enum("which", "itimer_which"), a_sin("new_value", "itimerval", 32), a_sout("old_value", "itimerval", 32)}),
    sc("setns", kD, {a_fd("fd"), a_flags("nstype", "setns_types", Int)}),
    sc("setpgid", 0, {a_int("pid"), a_int("pgid")}),
    sc("setpriority", 0, {a_enum("which", "priority_which"), a_int("who"), a_int("prio")}),
    sc("setregid", kC, {a_id("rgid"), a_id("egid")}),
    sc("setresgid", kC, {a_id("rgid"), a_id("egid"), a_id("sgid")}),
    sc("setresuid", kC, {a_id("ruid"), a_id("euid"), a_id("suid")}),
    sc("setreuid", kC, {a_id("ruid"), a_id("euid")}),
    sc("setrlimit", 0, {a_enum("resource", "rlimit_resources", UInt), a_sin("rlim", "rlimit", 16)}),
    sc("setsid", 0, {}, RetKind::Pid),
    sc("setsockopt", kN, {a_fd("sockfd"), a_enum("level", "socket_levels"), a_custom("optname", "sockopt_name", -1, Int), a_custom("optval", "setsockopt_val", 4), a_int("optlen")}),
    sc("settimeofday", kCl, {a_sin("tv", "timeval", 16), a_sin("tz", "timezone", 8)}),
    sc("setuid", kC, {a_id("uid")}),
    sc("setxattr", kF, {a_path("path"), a_str("name"), a_in("value", 3), a_ulong("size"), a_flags("flags", "xattr_flags", Int)}),
    sc("setxattrat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("at_flags", "at_flags"), a_str("name"), a_ptr("uargs"), a_ulong("usize")}),
    sc("shmat", kI | kM, {a_int("shmid"), a_ptr("shmaddr"), a_flags("shmflg", "shmat_flags", Int)}, RetKind::Hex),
    decoded_by(ipc::args_shmctl, sc("shmctl", kI, {a_int("shmid"), a_enum("cmd", "shmctl_cmds"), a_sinout("buf", "shmid_ds", 112)})),
    sc("shmdt", kI | kM, {a_ptr("shmaddr")}),
    decoded_by(ipc::args_shmget, sc("shmget", kI, {a_hex("key", Int), a_ulong("size"), a_flags("shmflg", "ipc_flags", Int)})),
    sc("shutdown", kN, {a_fd("sockfd"), a_enum("how", "shutdown_how")}),
    sc("sigaltstack", kS, {a_sin("ss", "stack_t", 24), a_sout("old_ss", "stack_t", 24)}),
    sc("signalfd", kD | kS, {a_fd("fd"), a_sin("mask", "sigset", 8), a_ulong("sizemask")}, RetKind::Fd),
    sc("signalfd4", kD | kS, {a_fd("fd"), a_sin("mask", "sigset", 8), a_ulong("sizemask"), a_flags("flags", "signalfd_flags", Int)}, RetKind::Fd),
    sc("socket", kN, {a_enum("domain", "address_families"), a_flags("type", "socket_types", Int), a_custom("protocol", "socket_protocol", -1, Int)}, RetKind::Fd),
    sc("socketpair", kN, {a_enum("domain", "address_families"), a_flags("type", "socket_types", Int), a_custom("protocol", "socket_protocol", -1, Int), a_fdpair("sv")}),
    sc("splice", kD, {a_fd("fd_in"), a_sin("off_in", "int64", 8), a_fd("fd_out"), a_sin("off_out", "int64", 8), a_ulong("len"), a_flags("flags", "splice_flags")}, RetKind::Int, kMayBlock),
    sc("stat", kF | kSt | kSta, {a_path("pathname"), a_sout("statbuf", "stat", 144)}),
    sc("statfs", kF | kSf | kSfa, {a_path("path"), a_sout("buf", "statfs", 120)}),
    sc("statmount", 0, {a_sin("req", "mnt_id_req", 24), a_sout("buf", "statmount", 0), a_ulong("bufsize"), a_uint("flags")}),
    sc("statx", kD | kF | kFst | kSta, {a_dirfd("dirfd"), a_path("pathname"), a_flags("flags", "statx_flags"), a_flags("mask", "statx_mask"), a_sout("statxbuf", "statx", 256)}),
    sc("swapoff", kF, {a_path("path")}),
    sc("swapon", kF, {a_path("path"), a_hex("swapflags", Int)}),
    sc("symlink", kF, {a_path("target"), a_path("linkpath")}),
    sc("symlinkat", kD | kF, {a_path("target"), a_dirfd("newdirfd"), a_path("linkpath")}),
    sc("sync", 0, {}),
    sc("sync_file_range", kD, {a_fd("fd"), a_long("offset"), a_long("nbytes"), a_flags("flags", "sync_file_range_flags")}),
    sc("syncfs", kD, {a_fd("fd")}),
    sc("sysfs", 0, {a_int("option"), a_hex("arg1"), a_hex("arg2")}),
    sc("sysinfo", 0, {a_sout("info", "sysinfo", 112)}),
    sc("syslog", 0, {a_enum("type", "syslog_actions"), a_out("bufp"), a_int("len")}),
    sc("tee", kD, {a_fd("fd_in"), a_fd("fd_out"), a_ulong("len"), a_flags("flags", "splice_flags")}, RetKind::Int, kMayBlock),
    sc("tgkill", kS | kP, {a_int("tgid"), a_int("tid"), a_sig("sig")}),
    sc("time", kCl, {a_ptr("tloc")}),
    sc("timer_create", 0, {a_enum("clockid", "clock_ids"), a_sin("sevp", "sigevent", 64), a_sout("timerid", "int", 4)}),
    sc("timer_delete", 0, {a_int("timerid")}),
    sc("timer_getoverrun", 0, {a_int("timerid")}),
    sc("timer_gettime", 0, {a_int("timerid"), a_sout("curr_value", "itimerspec", 32)}),
    sc("timer_settime", 0, {a_int("timerid"), a_flags("flags", "timer_flags", Int), a_sin("new_value", "itimerspec", 32), a_sout("old_value", "itimerspec", 32)}),
    sc("timerfd_create", kD, {a_enum("clockid", "clock_ids"), a_flags("flags", "timerfd_flags", Int)}, RetKind::Fd),
    sc("timerfd_gettime", kD, {a_fd("fd"), a_sout("curr_value", "itimerspec", 32)}),
    sc("timerfd_settime", kD, {a_fd("fd"), a_flags("flags", "timerfd_settime_flags", Int), a_sin("new_value", "itimerspec", 32), a_sout("old_value", "itimerspec", 32)}),
    sc("times", 0, {a_sout("buf", "tms", 32)}),
    sc("tkill", kS | kP, {a_int("tid"), a_sig("sig")}),
    sc("truncate", kF, {a_path("path"), a_long("length")}),
    sc("tuxcall", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2")}),
    sc("umask", 0, {a_mode("mask")}, RetKind::Octal),
    sc("umount2", kF, {a_path("target"), a_flags("flags", "umount_flags", Int)}),
    sc("uname", 0, {a_sout("buf", "utsname", 390)}),
    sc("unlink", kF, {a_path("pathname")}),
    sc("unlinkat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_flags("flags", "unlinkat_flags", Int)}),
    sc("unshare", 0, {a_flags("flags", "clone_flags", ULong)}),
    sc("uprobe", 0, {}),
    sc("uretprobe", 0, {}),
    sc("uselib", kF, {a_path("library")}),
    sc("userfaultfd", kD, {a_flags("flags", "userfaultfd_flags", Int)}, RetKind::Fd),
    sc("ustat", kSfa, {a_uint("dev"), a_ptr("ubuf")}),
    sc("utime", kF, {a_path("filename"), a_sin("times", "utimbuf", 16)}),
    sc("utimensat", kD | kF, {a_dirfd("dirfd"), a_path("pathname"), a_sin("times", "timespec[2]", 32), a_flags("flags", "at_flags", Int)}),
    sc("utimes", kF, {a_path("filename"), a_sin("times", "timeval[2]", 32)}),
    sc("vfork", kP, {}, RetKind::Pid),
    sc("vhangup", 0, {}),
    sc("vmsplice", kD, {a_fd("fd"), a_sin("iov", "iovec", 16, 2), a_ulong("nr_segs"), a_flags("flags", "splice_flags")}, RetKind::Int, kMayBlock),
    sc("vserver", 0, {a_hex("a0"), a_hex("a1"), a_hex("a2"), a_hex("a3"), a_hex("a4")}),
    sc("wait4", kP, {a_int("pid"), a_sout("wstatus", "wait_status", 4), a_flags("options", "wait_options", Int), a_sout("rusage", "rusage", 144)}, RetKind::Pid, kMayBlock),
    sc("waitid", kP, {a_enum("idtype", "waitid_types"), a_int("id"), a_sout("infop", "siginfo", 128), a_flags("options", "wait_options", Int), a_sout("rusage", "rusage", 144)}, RetKind::Int, kMayBlock),
    sc("write", kD, {a_fd("fd"), a_in("buf", 2), a_ulong("count")}, RetKind::Int, kMayBlock),
    sc("writev", kD, {a_fd("fd"), a_sin("iov", "iovec", 16, 2), a_ulong("iovcnt")}, RetKind::Int, kMayBlock),
};
// clang-format on

constexpr bool specs_sorted() {
  for (std::size_t i = 1; i < std::size(kSpecs); ++i)
    if (!(kSpecs[i - 1].name < kSpecs[i].name)) return false;
  return true;
}
static_assert(specs_sorted(), "kSpecs must stay sorted by name, without duplicates");

constexpr bool specs_well_formed() {
  for (const auto& s : kSpecs) {
    if (s.nargs > 6) return false;
    for (std::size_t i = 0; i < s.nargs; ++i) {
      const ArgSpec& a = s.args[i];
      if (a.len_arg >= static_cast<int>(s.nargs)) return false;
      bool needs_len = a.kind == ArgKind::BufIn || a.kind == ArgKind::SockaddrIn || a.kind == ArgKind::SockaddrOut;
      if (needs_len && a.len_arg < 0) return false;
      bool needs_detail = a.kind == ArgKind::Flags || a.kind == ArgKind::Enum || a.kind == ArgKind::StructIn ||
                          a.kind == ArgKind::StructOut || a.kind == ArgKind::Custom;
      if (needs_detail && a.detail.empty()) return false;
      // Descriptors and signals are ints, ids 32 bits, and an address keeps the whole register.
      const bool int_kind = a.kind == ArgKind::Fd || a.kind == ArgKind::DirFd || a.kind == ArgKind::Signal;
      if (int_kind && a.type != CType::Int) return false;
      if (a.kind == ArgKind::Id && a.type != CType::UInt) return false;
      const bool scalar = int_kind || a.kind == ArgKind::Id || a.kind == ArgKind::Int || a.kind == ArgKind::Uint ||
                          a.kind == ArgKind::Hex || a.kind == ArgKind::Octal || a.kind == ArgKind::Mode ||
                          a.kind == ArgKind::Flags || a.kind == ArgKind::Enum || a.kind == ArgKind::Custom;
      if (!scalar && a.type != CType::ULong) return false;
    }
  }
  return true;
}
static_assert(specs_well_formed(),
              "a spec has a length index out of range, a missing table/struct name, or a type its kind cannot have");

}  // namespace

std::span<const SyscallSpec> all_syscall_specs() { return kSpecs; }

const SyscallSpec* find_syscall_spec(std::string_view name) {
  auto it = std::lower_bound(std::begin(kSpecs), std::end(kSpecs), name,
                             [](const SyscallSpec& s, std::string_view n) { return s.name < n; });
  return it != std::end(kSpecs) && it->name == name ? &*it : nullptr;
}

}  // namespace etrace
