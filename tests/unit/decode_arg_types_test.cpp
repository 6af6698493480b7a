// Arguments narrowed to their kernel C type before they print. strace's own test suite passes
// 32-bit arguments with garbage in the upper half of the register (0xdefaced00000000 | value) and
// expects what the kernel reads: each expected line below is the one strace 6.1's test for that
// call prints (tests/<call>.c), for the same register values.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "decode/decoder.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

constexpr std::uint64_t kFill = 0x0defaced00000000ull;   // the upper half strace's tests use
constexpr std::uint64_t kFill2 = 0xffffffff00000000ull;  // and F8ILL_KULONG_MASK's

std::uint64_t filled(std::uint32_t v, std::uint64_t fill = kFill) { return fill | v; }

std::string line(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t ret,
                 TextOptions::Xlat xlat = TextOptions::Xlat::Abbrev, std::vector<Payload> payloads = {}) {
  const SyscallInfo* info = SyscallTable::native().by_name(name);
  if (!info) return "no such syscall";
  SyscallCall call;
  call.nr = info->nr;
  call.args = args;
  call.ret = ret;
  call.tgid = call.tid = 42;
  call.payloads = std::move(payloads);
  DecodeContext ctx;
  TextOptions opts;
  opts.column = 0;  // strace's tests run with -a0-like alignment: no padding before " = "
  opts.xlat = xlat;
  std::string out;
  TextEmitter e(out, opts);
  e.begin_call(LineInfo{}, info->name);
  decode_args(info, call, ctx, e);
  e.end_call(decode_result(info, call, ctx));
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

constexpr std::int64_t kEbadf = -9, kEinval = -22, kEfault = -14, kEperm = -1;

// alarm.c: an unsigned int.
TEST(DecodeArgTypes, UnsignedIntDropsTheUpperHalf) {
  EXPECT_EQ(line("alarm", {0xffffffff0000002aull}, 0), "alarm(42) = 0");
}

// dup.c, dup2.c: an fd is an int whatever the upper half holds, and 0x00000000ffffffff is -1 too.
TEST(DecodeArgTypes, FdIsAnInt) {
  EXPECT_EQ(line("dup", {filled(-1u)}, kEbadf), "dup(-1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("close", {0xffffffffull}, kEbadf), "close(-1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("dup2", {filled(-2u), filled(-1u)}, kEbadf), "dup2(-2, -1) = -1 EBADF (Bad file descriptor)");
}

// close_range.c: strace prints both bounds as unsigned ints, and the flags of the low half.
TEST(DecodeArgTypes, CloseRangeBoundsAreUnsigned) {
  EXPECT_EQ(line("close_range", {filled(-2u), filled(-1u), filled(1)}, kEinval),
            "close_range(4294967294, 4294967295, 0x1 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("close_range", {filled(0), filled(-4u), filled(-1u)}, kEinval),
            "close_range(0, 4294967292, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC|0xfffffff9) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("close_range", {filled(7), filled(7), filled(8)}, kEinval),
            "close_range(7, 7, 0x8 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");
}

// setns.c: the namespace types are a table of their own, with their own placeholder.
TEST(DecodeArgTypes, SetnsNamespaceTypes) {
  EXPECT_EQ(line("setns", {filled(0xdeadc0de), filled(0x81fdff7f)}, kEbadf),
            "setns(-559038242, 0x81fdff7f /* CLONE_NEW??? */) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("setns", {filled(0xdeadc0de), filled(0x40000000)}, kEbadf),
            "setns(-559038242, CLONE_NEWNET) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("setns", {filled(0xdeadc0de), filled(-1u)}, kEbadf),
            "setns(-559038242, CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|"
            "CLONE_NEWPID|CLONE_NEWNET|0x81fdff7f) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("setns", {filled(0xdeadc0de), filled(0)}, kEbadf), "setns(-559038242, 0) = -1 EBADF (Bad file descriptor)");
}

// setugid.c, setresugid.c: a uid_t is 32 bits, and (uid_t) -1 shows as -1.
TEST(DecodeArgTypes, UidsAreUnsignedIntsWithMinusOne) {
  EXPECT_EQ(line("setuid", {filled(1000, kFill2)}, 0), "setuid(1000) = 0");
  EXPECT_EQ(line("setuid", {0xffffffffull}, kEinval), "setuid(-1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("setgid", {~0ull}, kEinval), "setgid(-1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("setresuid", {filled(-1u), filled(1000, kFill2), 0xffff0000ull}, kEperm),
            "setresuid(-1, 1000, 4294901760) = -1 EPERM (Operation not permitted)");
  EXPECT_EQ(line("chown", {0, filled(-1u), filled(65534)}, kEfault), "chown(NULL, -1, 65534) = -1 EFAULT (Bad address)");
}

// kill.c: a pid and a signal are ints.
TEST(DecodeArgTypes, PidAndSignalAreInts) {
  EXPECT_EQ(line("kill", {1234, filled(14)}, 0), "kill(1234, SIGALRM) = 0");
  EXPECT_EQ(line("kill", {0xfacefeedbadc0dedull, 0xdeadbeefcafef00dull}, kEinval),
            "kill(-1159983635, -889262067) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("kill", {filled(1234), 0}, 0), "kill(1234, 0) = 0");
  // xetpgid.c
  EXPECT_EQ(line("getpgid", {filled(1234, kFill2)}, 1234), "getpgid(1234) = 1234");
  EXPECT_EQ(line("setpgid", {kFill2, 1234}, kEperm), "setpgid(0, 1234) = -1 EPERM (Operation not permitted)");
}

// clock_xettime.c: a clockid_t is an int, named after it is narrowed.
TEST(DecodeArgTypes, ConstantsAreNamedAfterNarrowing) {
  EXPECT_EQ(line("clock_gettime", {filled(1), 0}, kEfault), "clock_gettime(CLOCK_MONOTONIC, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("clock_getres", {filled(1), 0}, 0), "clock_getres(CLOCK_MONOTONIC, NULL) = 0");
  // setrlimit.c, in the three -X styles.
  EXPECT_EQ(line("setrlimit", {0xfacefeed00000007ull, 0}, kEfault), "setrlimit(RLIMIT_NOFILE, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("setrlimit", {0xfacefeed00000007ull, 0}, kEfault, TextOptions::Xlat::Raw),
            "setrlimit(0x7, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("setrlimit", {0xfacefeed00000007ull, 0}, kEfault, TextOptions::Xlat::Verbose),
            "setrlimit(0x7 /* RLIMIT_NOFILE */, NULL) = -1 EFAULT (Bad address)");
  // xgetrlimit.c: an unknown resource
  EXPECT_EQ(line("getrlimit", {16, 0}, kEinval), "getrlimit(0x10 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)");
}

// umask.c: a umode_t is 16 bits.
TEST(DecodeArgTypes, ModeIsAnUnsignedShort) {
  EXPECT_EQ(line("umask", {0xffff0000ull | 026}, 022), "umask(026) = 022");
  EXPECT_EQ(line("umask", {0xffff0000ull}, 022), "umask(000) = 022");
  EXPECT_EQ(line("umask", {0xffffffffull}, 022), "umask(0177777) = 022");
}

// add_key.c: a key serial is an int; the special ones have names, others are plain numbers.
TEST(DecodeArgTypes, KeySerials) {
  EXPECT_EQ(line("add_key", {0, 0, 0, 0, 0xffffffffull}, kEfault),
            "add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("add_key", {0, 0, 0, 0, static_cast<std::uint32_t>(-1234567890)}, kEfault),
            "add_key(NULL, NULL, NULL, 0, -1234567890) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("add_key", {0, 0, 0, 0, 1234567890}, kEfault), "add_key(NULL, NULL, NULL, 0, 1234567890) = -1 EFAULT (Bad address)");
}

// A size_t keeps all 64 bits (add_key.c's plen 0xdeadbeefbadc0ded).
TEST(DecodeArgTypes, SizeKeepsAllBits) {
  EXPECT_EQ(line("add_key", {0, 0, 0, 0xdeadbeefbadc0dedull, 0}, kEfault),
            "add_key(NULL, NULL, NULL, 16045690984232390125, 0) = -1 EFAULT (Bad address)");
}

// mknod.c: the mode is a umode_t and the device an unsigned int (major 12 bits, minor 20).
TEST(DecodeArgTypes, MknodModeAndDevice) {
  constexpr std::uint64_t kHigh = 0xffffffffffff0000ull;
  EXPECT_EQ(line("mknod", {0, kHigh, 0xdeadbeefbadc0dedull}, kEinval), "mknod(NULL, 000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("mknod", {0, kHigh | 0xffff, 0xdeadbeefbadc0dedull}, kEinval),
            "mknod(NULL, 0177777) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("mknod", {0, kHigh | 0020024, 0xdeadbeef00000107ull}, kEperm),
            "mknod(NULL, S_IFCHR|024, makedev(0x1, 0x7)) = -1 EPERM (Operation not permitted)");
  EXPECT_EQ(line("mknod", {0, kHigh | 0067777, 0xdeadbeefbadc0dedull}, kEperm),
            "mknod(NULL, S_IFBLK|S_ISUID|S_ISGID|S_ISVTX|0777, makedev(0xc0d, 0xbaded)) = -1 EPERM (Operation not "
            "permitted)");
}

// fcntl-common.c: the results of F_GETSIG and F_GETLEASE are named.
TEST(DecodeArgTypes, FcntlResultsNamed) {
  EXPECT_EQ(line("fcntl", {0, 11 /* F_GETSIG */}, 0), "fcntl(0, F_GETSIG) = 0");
  EXPECT_EQ(line("fcntl", {1, 11}, 14), "fcntl(1, F_GETSIG) = 14 (SIGALRM)");
  EXPECT_EQ(line("fcntl", {1, 1025 /* F_GETLEASE */}, 1), "fcntl(1, F_GETLEASE) = 0x1 (F_WRLCK)");
  EXPECT_EQ(line("fcntl", {1, 1025}, 2), "fcntl(1, F_GETLEASE) = 0x2 (F_UNLCK)");
  EXPECT_EQ(line("fcntl", {1, 1024 /* F_SETLEASE */, kFill | 0}, 0), "fcntl(1, F_SETLEASE, F_RDLCK) = 0");
  EXPECT_EQ(line("fcntl", {0, 2 /* F_SETFD */, kFill | 1}, 0), "fcntl(0, F_SETFD, FD_CLOEXEC) = 0");
}

// futex.c: the futex word and counts are u32 (VAL is 0xbadda7a0facefeed), and an unknown command
// shows its number with FUTEX_??? and then every argument, val3 in hex.
TEST(DecodeArgTypes, FutexValuesAreUnsigned) {
  constexpr std::uint64_t kVal = 0xbadda7a0facefeedull, kVal2 = 0xbadda7a0ca7b100dull;
  EXPECT_EQ(line("futex", {0x1000, 1 /* FUTEX_WAKE */, kVal}, kEinval),
            "futex(0x1000, FUTEX_WAKE, 4207869677) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("futex", {0x1000, 3 /* FUTEX_REQUEUE */, kVal, kVal2, 0x2000}, kEinval),
            "futex(0x1000, FUTEX_REQUEUE, 4207869677, 3397062669, 0x2000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("futex", {0x1000, 4 /* FUTEX_CMP_REQUEUE */, kVal, kVal2, 0x2000, kVal}, kEinval),
            "futex(0x1000, FUTEX_CMP_REQUEUE, 4207869677, 3397062669, 0x2000, 4207869677) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("futex", {0x1000, 0xe, kVal, 0, 0x2000, 0xfacefeedcafef00dull}, -38),
            "futex(0x1000, 0xe /* FUTEX_??? */, 4207869677, NULL, 0x2000, 0xcafef00d) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(line("futex", {0x1000, 0xbefeeded, kVal, 0, 0x2000, 0xfacefeedcafef00dull}, -38),
            "futex(0x1000, 0xbefeeded /* FUTEX_??? */, 4207869677, NULL, 0x2000, 0xcafef00d) = -1 ENOSYS (Function not "
            "implemented)");
}

// process_mrelease.c, pidfd_getfd.c: flags without names print in hex, as the u32 the kernel reads.
TEST(DecodeArgTypes, UnnamedFlagsInHex) {
  constexpr std::uint64_t kBad = 0xbadc0ded00000000ull;
  EXPECT_EQ(line("process_mrelease", {filled(-1u, kBad), filled(0, kBad)}, kEbadf),
            "process_mrelease(-1, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("process_mrelease", {filled(0, kBad), filled(0xfacefeed, kBad)}, kEinval),
            "process_mrelease(0, 0xfacefeed) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pidfd_getfd", {filled(-1u), filled(-1u), filled(0)}, kEbadf),
            "pidfd_getfd(-1, -1, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("pidfd_getfd", {filled(0), filled(0), filled(0xbadc0ded)}, kEinval),
            "pidfd_getfd(0, 0, 0xbadc0ded) = -1 EINVAL (Invalid argument)");
}

// pkey_alloc.c, pkey_free.c: pkey_alloc's flags and access rights are unsigned longs, all 64
// bits shown; a pkey is an int.
TEST(DecodeArgTypes, PkeyArguments) {
  EXPECT_EQ(line("pkey_alloc", {0xffff0000eeee1111ull, 0xbadc0ded00000002ull}, kEinval),
            "pkey_alloc(0xffff0000eeee1111, PKEY_DISABLE_WRITE|0xbadc0ded00000000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pkey_alloc", {0, 0xdec0ded}, kEinval),
            "pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_EXECUTE|0xdec0de8) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pkey_alloc", {0, 0xbadc0de8}, kEinval), "pkey_alloc(0, 0xbadc0de8 /* PKEY_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pkey_free", {0xffff00001111eeeeull}, kEinval), "pkey_free(286387950) = -1 EINVAL (Invalid argument)");
}

// remap_file_pages.c: mmap's flags as strace shows them (the map type, the flags, the huge page
// size), and a prot of unsigned long with all its bits, in the three -X styles.
TEST(DecodeArgTypes, MmapFlagsAndProt) {
  const std::array<std::uint64_t, 6> args = {0xfacefeeddeadf00dull, 0xdefaced1bad2beefull, 0xdefaced00000000ull,
                                             0xcaf3babebad4deedull, 0xf | 0x10 | 0x4000 | 0x40000 | (21u << 26)};
  EXPECT_EQ(line("remap_file_pages", args, kEinval),
            "remap_file_pages(0xfacefeeddeadf00d, 16067382020775526127, 0xdefaced00000000 /* PROT_??? */, "
            "14624237743343197933, 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line("remap_file_pages", args, kEinval, TextOptions::Xlat::Raw),
            "remap_file_pages(0xfacefeeddeadf00d, 16067382020775526127, 0xdefaced00000000, 14624237743343197933, "
            "0x5404401f) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("remap_file_pages", args, kEinval, TextOptions::Xlat::Verbose),
            "remap_file_pages(0xfacefeeddeadf00d, 16067382020775526127, 0xdefaced00000000 /* PROT_??? */, "
            "14624237743343197933, 0x5404401f /* 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|"
            "21<<MAP_HUGE_SHIFT */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("remap_file_pages", {0xfacefeeddeadbeefull, 0xdefaced1bad2f00dull, 7, 0xcaf3babebad4deedull, 0x22},
                 kEinval),
            "remap_file_pages(0xfacefeeddeadbeef, 16067382020775538701, PROT_READ|PROT_WRITE|PROT_EXEC, "
            "14624237743343197933, MAP_PRIVATE|MAP_ANONYMOUS) = -1 EINVAL (Invalid argument)");
}

// sethostname.c: strace reads the length as an unsigned int.
TEST(DecodeArgTypes, SethostnameLength) {
  EXPECT_EQ(line("sethostname", {0, 0xffffffff00000040ull}, kEfault), "sethostname(NULL, 64) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("sethostname", {0, 0xffffffffull}, kEinval), "sethostname(NULL, 4294967295) = -1 EINVAL (Invalid argument)");
}

// xgetrlimit.c under -X raw and -X verbose: an unknown constant is its number, with the
// placeholder only in the verbose style.
TEST(DecodeArgTypes, UnknownConstantInEachStyle) {
  EXPECT_EQ(line("getrlimit", {16, 0}, kEinval, TextOptions::Xlat::Raw), "getrlimit(0x10, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getrlimit", {16, 0}, kEinval, TextOptions::Xlat::Verbose),
            "getrlimit(0x10 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)");
}

// set_mempolicy.c, mbind.c: a NUMA policy mode with its mode flags; set_mempolicy's is an int,
// mbind's an unsigned long.
TEST(DecodeArgTypes, MempolicyModes) {
  EXPECT_EQ(line("set_mempolicy", {filled(0x8000), 0, 0}, 0), "set_mempolicy(MPOL_DEFAULT|MPOL_F_STATIC_NODES, NULL, 0) = 0");
  EXPECT_EQ(line("set_mempolicy", {filled(0xe003), 0, 0}, kEinval),
            "set_mempolicy(MPOL_INTERLEAVE|MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING, NULL, 0) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {filled(0x2002), 0, 0}, kEinval, TextOptions::Xlat::Verbose),
            "set_mempolicy(0x2002 /* MPOL_BIND|MPOL_F_NUMA_BALANCING */, NULL, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {filled(0x6), 0, 0}, kEinval), "set_mempolicy(0x6 /* MPOL_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {filled(0xffff1fff), 0, 0}, kEinval),
            "set_mempolicy(0xffff1fff /* MPOL_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {filled(0xffffffff), 0, 0}, kEinval),
            "set_mempolicy(MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffff1fff, NULL, 0) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line("mbind", {0x1000, 4096, 0xffffffff00000000ull, 0, 0, 0}, kEinval),
            "mbind(0x1000, 4096, 0xffffffff00000000 /* MPOL_??? */, NULL, 0, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("mbind", {0x1000, 4096, ~0ull, 0, 0, 0}, kEinval),
            "mbind(0x1000, 4096, MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffffffffffff1fff, "
            "NULL, 0, 0) = -1 EINVAL (Invalid argument)");
}

// landlock_add_rule.c: the rule type is a constant (0 is unknown too).
TEST(DecodeArgTypes, LandlockRuleType) {
  EXPECT_EQ(line("landlock_add_rule", {0, 0, 0, 0}, -77),
            "landlock_add_rule(0, 0 /* LANDLOCK_RULE_??? */, NULL, 0) = -1 EBADFD (File descriptor in bad state)");
  EXPECT_EQ(line("landlock_add_rule", {filled(0xdeadc0de), filled(0xfacebeef), 0x1000, filled(1)}, kEinval),
            "landlock_add_rule(-559038242, 0xfacebeef /* LANDLOCK_RULE_??? */, 0x1000, 0x1) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("landlock_add_rule", {~0ull, 1, 0x1000, 0}, kEbadf),
            "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, 0x1000, 0) = -1 EBADF (Bad file descriptor)");
}

// syslog.c: console level 8 has strace's name LOGLEVEL_DEBUG+1.
TEST(DecodeArgTypes, SyslogConsoleLevel) {
  EXPECT_EQ(line("syslog", {0xbadc0ded00000008ull, 0xfacefeeddeadbeefull, 8}, 0),
            "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* LOGLEVEL_DEBUG+1 */) = 0");
}

// setgroups.c: a gid of -1 in the list shows as -1.
TEST(DecodeArgTypes, GidListMinusOne) {
  std::string gids(8, '\0');
  const std::uint32_t list[2] = {0xffffffffu, 27};
  std::memcpy(gids.data(), list, 8);
  EXPECT_EQ(line("setgroups", {2, 0x1000}, kEinval, TextOptions::Xlat::Abbrev, {{1, ETRACE_PL_BYTES, 0, 8, gids}}),
            "setgroups(2, [-1, 27]) = -1 EINVAL (Invalid argument)");
}

// fanotify_init.c: the notification class, then the flags, each named or marked unknown.
TEST(DecodeArgTypes, FanotifyInitClassAndFlags) {
  EXPECT_EQ(line("fanotify_init", {0, 0}, 3), "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 3");
  EXPECT_EQ(line("fanotify_init", {0xffffffff0000000cull, 0xdeadbeef80000001ull}, kEinval),
            "fanotify_init(0xc /* FAN_CLASS_??? */, O_WRONLY|0x80000000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("fanotify_init", {0xdec0deddeface004ull, 0}, kEinval),
            "fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_RDONLY) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("fanotify_init", {~0ull, 0}, kEinval),
            "fanotify_init(0xc /* FAN_CLASS_??? */|FAN_CLOEXEC|FAN_NONBLOCK|FAN_UNLIMITED_QUEUE|FAN_UNLIMITED_MARKS|"
            "FAN_ENABLE_AUDIT|FAN_REPORT_PIDFD|FAN_REPORT_TID|FAN_REPORT_FID|FAN_REPORT_DIR_FID|FAN_REPORT_NAME|"
            "FAN_REPORT_TARGET_FID|0xffffe000, O_RDONLY) = -1 EINVAL (Invalid argument)");
}

// kcmp.c: pids are ints, and idx1/idx2 follow the type.
TEST(DecodeArgTypes, KcmpIndexesByType) {
  EXPECT_EQ(line("kcmp", {0xdeadca75bb40fd4dull, 0xdefaced1a2043064ull, 0, 0xdec0ded3dec0ded4ull, 0xba5e1e55deadc0deull},
                 -3),
            "kcmp(-1153368755, -1576783772, KCMP_FILE, -557785388, -559038242) = -1 ESRCH (No such process)");
  EXPECT_EQ(line("kcmp", {~0ull, ~0ull, 1, 0xdec0ded3dec0ded4ull, 0xba5e1e55deadc0deull}, -3),
            "kcmp(-1, -1, KCMP_VM) = -1 ESRCH (No such process)");
  EXPECT_EQ(line("kcmp", {~0ull, ~0ull, 0xbadc0ded, 0xdec0ded3dec0ded4ull, 0xba5e1e55deadc0deull}, kEinval),
            "kcmp(-1, -1, 0xbadc0ded /* KCMP_??? */, 0xdec0ded3dec0ded4, 0xba5e1e55deadc0de) = -1 EINVAL (Invalid "
            "argument)");
}

// wait4.c, waitid.c: the options are an int; 2 is named WSTOPPED.
TEST(DecodeArgTypes, WaitOptions) {
  EXPECT_EQ(line("wait4", {filled(-1u), 0, filled(1 | 2 | 0x40000000), 0}, -10),
            "wait4(-1, NULL, WNOHANG|WSTOPPED|__WALL, NULL) = -1 ECHILD (No child processes)");
  EXPECT_EQ(line("waitid", {0xfacefeed00000001ull, 0xfacefeed00000000ull | 1234, 0, 0xfacefeed00000000ull | 1 | 4 | 2, 0},
                 -10),
            "waitid(P_PID, 1234, NULL, WNOHANG|WEXITED|WSTOPPED, NULL) = -1 ECHILD (No child processes)");
}

// io_uring_enter.c, landlock_create_ruleset.c: flag sets strace names; ptrace.c: the pid is an int.
TEST(DecodeArgTypes, MoreNamedFlagsAndPid) {
  EXPECT_EQ(line("io_uring_enter", {filled(3), 0xdeadbeefull, 0xcafef00dull, ~0ull, 0, 8}, kEinval),
            "io_uring_enter(3, 3735928559, 3405705229, IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP|IORING_ENTER_SQ_WAIT|"
            "IORING_ENTER_EXT_ARG|IORING_ENTER_REGISTERED_RING|0xffffffe0, NULL, 8) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("landlock_create_ruleset", {0, 0, 1}, 7),
            "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7");
  EXPECT_EQ(line("landlock_create_ruleset", {0xffffffff00000000ull, 0xdefeededdeadfaceull, 0xbadfaced}, kEinval),
            "landlock_create_ruleset(0xffffffff00000000, 16068542126403484366, "
            "LANDLOCK_CREATE_RULESET_VERSION|0xbadfacec) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("landlock_create_ruleset", {0, 0, 0xbadcaffe}, kEinval),
            "landlock_create_ruleset(NULL, 0, 0xbadcaffe /* LANDLOCK_CREATE_RULESET_??? */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("ptrace", {0xdeadbeeffffffeedull, 0xdeadbeef00000000ull | 9417, 0, 0}, -3),
            "ptrace(0xdeadbeeffffffeed /* PTRACE_??? */, 9417, NULL, NULL) = -1 ESRCH (No such process)");
}

// epoll_ctl.c: the op is an unsigned int, and EPOLL_CTL_DEL's event shows as its address.
TEST(DecodeArgTypes, EpollCtlDelShowsTheAddress) {
  std::string ev(12, '\xff');
  EXPECT_EQ(line("epoll_ctl", {filled(-3u), filled(2), filled(-4u), 0x1000}, kEbadf, TextOptions::Xlat::Abbrev,
                 {{3, ETRACE_PL_BYTES, 0, 12, ev}}),
            "epoll_ctl(-3, EPOLL_CTL_DEL, -4, 0x1000) = -1 EBADF (Bad file descriptor)");
}

// memfd_secret.c: flags as an unsigned int, unknown ones without a placeholder.
TEST(DecodeArgTypes, MemfdSecretFlags) {
  constexpr std::uint64_t kBeef = 0xbeefcafe00000000ull;
  EXPECT_EQ(line("memfd_secret", {filled(0, kBeef)}, -38), "memfd_secret(0) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(line("memfd_secret", {filled(0x80000, kBeef)}, -38),
            "memfd_secret(O_CLOEXEC) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(line("memfd_secret", {filled(0xde97face, kBeef)}, kEinval), "memfd_secret(0xde97face) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("memfd_secret", {filled(0xde97face | 0x80000, kBeef)}, kEinval),
            "memfd_secret(O_CLOEXEC|0xde97face) = -1 EINVAL (Invalid argument)");
}

// fanotify_mark.c: a dirfd of -1 is FAN_NOFD (-1 /* FAN_NOFD */ under -X verbose).
TEST(DecodeArgTypes, FanotifyMarkNoFd) {
  EXPECT_EQ(line("fanotify_mark", {305419896, 0, 0, filled(-1u), 0}, kEinval),
            "fanotify_mark(305419896, 0, 0, FAN_NOFD, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("fanotify_mark", {305419896, 0, 0, filled(-1u), 0}, kEinval, TextOptions::Xlat::Verbose),
            "fanotify_mark(305419896, 0, 0, -1 /* FAN_NOFD */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("fanotify_mark", {305419896, 0, 0, filled(-100), 0}, kEinval),
            "fanotify_mark(305419896, 0, 0, AT_FDCWD, NULL) = -1 EINVAL (Invalid argument)");
}

// fsmount.c: fds are ints (-100 is no AT_FDCWD here), and the attribute flags strace names.
TEST(DecodeArgTypes, FsmountAttrFlags) {
  EXPECT_EQ(line("fsmount", {filled(-100), filled(0), filled(0xffffff40)}, kEinval),
            "fsmount(-100, 0, 0xffffff40 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("fsmount", {filled(-1u), filled(0), filled(0xffffffff)}, kEinval),
            "fsmount(-1, 0, MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV|MOUNT_ATTR_NOEXEC|MOUNT_ATTR_NOATIME|"
            "MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NODIRATIME|0xffffff40) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace etrace
