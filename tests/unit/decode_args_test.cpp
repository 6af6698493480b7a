// Whole lines compared with what strace 6.1 printed on this machine for the same calls.
#include <gtest/gtest.h>

#include <cstring>

#include "decode/decoder.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

struct Line {
  SyscallCall call;
  DecodeContext ctx;

  explicit Line(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t ret) {
    info = SyscallTable::native().by_name(name);
    call.nr = info ? info->nr : -1;
    call.args = args;
    call.ret = ret;
    call.tgid = call.tid = 42;
  }
  Line& str(int arg, std::string bytes, bool truncated = false) {
    call.payloads.push_back({static_cast<std::uint8_t>(arg), ETRACE_PL_STRING,
                             static_cast<std::uint16_t>(truncated ? ETRACE_PLF_TRUNCATED : 0), 0, std::move(bytes)});
    return *this;
  }
  Line& bytes(int arg, std::string b, std::uint64_t asked, bool at_exit = false) {
    call.payloads.push_back({static_cast<std::uint8_t>(arg), ETRACE_PL_BYTES,
                             static_cast<std::uint16_t>(at_exit ? ETRACE_PLF_AT_EXIT : 0), asked, std::move(b)});
    return *this;
  }
  Line& strvec(int arg, std::string b, std::uint64_t count, bool more = false) {
    call.payloads.push_back({static_cast<std::uint8_t>(arg), ETRACE_PL_STRVEC,
                             static_cast<std::uint16_t>(more ? ETRACE_PLF_TRUNCATED : 0), count, std::move(b)});
    return *this;
  }
  Line& count(int arg, std::uint64_t n) {
    call.payloads.push_back({static_cast<std::uint8_t>(arg), ETRACE_PL_COUNT, 0, n, {}});
    return *this;
  }
  // -e verbose= without this call.
  Line& no_deref() {
    ctx.opts.deref = false;
    return *this;
  }
  Line& no_return() {
    call.has_ret = false;
    return *this;
  }
  // -X raw / -X verbose.
  Line& xlat(TextOptions::Xlat style) {
    text_opts.xlat = style;
    return *this;
  }
  std::string text() {
    std::string out;
    TextEmitter e(out, text_opts);
    e.begin_call(LineInfo{}, info->name);
    decode_args(info, call, ctx, e);
    e.end_call(decode_result(info, call, ctx));
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  const SyscallInfo* info;
  TextOptions text_opts;
};

template <typename T>
std::string raw(T v) {
  std::string s(sizeof v, '\0');
  std::memcpy(s.data(), &v, sizeof v);
  return s;
}

constexpr std::uint64_t kAtFdcwd = static_cast<std::uint64_t>(-100);
constexpr std::uint64_t kMinus1 = static_cast<std::uint64_t>(-1);

TEST(DecodeArgs, OpenatWithoutCreateHasNoMode) {
  EXPECT_EQ(Line("openat", {kAtFdcwd, 0x1000, 02000000, 0}, 3).str(1, "/etc/passwd").text(),
            R"(openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3)");
  EXPECT_EQ(Line("openat", {kAtFdcwd, 0x1000, 04000 | 0200000 | 02000000, 0}, 3).str(1, "/tmp").text(),
            R"(openat(AT_FDCWD, "/tmp", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3)");
}

TEST(DecodeArgs, OpenatWithCreateShowsMode) {
  EXPECT_EQ(Line("openat", {kAtFdcwd, 0x1000, 01 | 0100 | 02000000, 0644}, 6).str(1, "/tmp/xx").text(),
            R"(openat(AT_FDCWD, "/tmp/xx", O_WRONLY|O_CREAT|O_CLOEXEC, 0644) = 6)");
}

TEST(DecodeArgs, FailedCallShowsErrnoAndText) {
  EXPECT_EQ(Line("openat", {kAtFdcwd, 0x1000, 02000000, 0}, -2).str(1, "/nonexist").text(),
            R"(openat(AT_FDCWD, "/nonexist", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("readlink", {0x1000, 0x7ffc3b5fa6d0, 4096, 0}, -22).str(0, "t1.py").text(),
            R"(readlink("t1.py", 0x7ffc3b5fa6d0, 4096) = -1 EINVAL (Invalid argument))");
}

TEST(DecodeArgs, InterruptedCallShowsQuestionMark) {
  EXPECT_EQ(Line("read", {0, 0x7ffd0000, 1024, 0}, -512).text(),
            "read(0, 0x7ffd0000, 1024)               = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
}

TEST(DecodeArgs, MmapAnonymous) {
  EXPECT_EQ(Line("mmap", {0, 8192, 3, 0x22, kMinus1, 0}, 0x7f3d935e7000).text(),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f3d935e7000");
  EXPECT_EQ(Line("mmap", {0x7f0000000000, 1363968, 5, 0x812, 3, 0x28000}, 0x7f0000000000).text(),
            "mmap(0x7f0000000000, 1363968, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x28000) = "
            "0x7f0000000000");
}

TEST(DecodeArgs, ReadShowsOutputCutAtStrsize) {
  std::string data = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon";
  EXPECT_EQ(Line("read", {3, 0x5000, 4096, 0}, 1234).bytes(1, data, 4096, true).text(),
            R"(read(3, "root:x:0:0:root:/root:/bin/bash\n"..., 4096) = 1234)");
  EXPECT_EQ(Line("read", {3, 0x5000, 4096, 0}, 0).text(), R"(read(3, "", 4096)                       = 0)");
  EXPECT_EQ(Line("read", {99, 0x5000, 10, 0}, -9).text(), "read(99, 0x5000, 10)                    = -1 EBADF (Bad file descriptor)");
}

TEST(DecodeArgs, WriteShowsInput) {
  EXPECT_EQ(Line("sendto", {4, 0x5000, 2, 0, 0, 0}, 2).bytes(1, "hi", 2).text(),
            R"(sendto(4, "hi", 2, 0, NULL, 0)          = 2)");
  EXPECT_EQ(Line("write", {1, 0x5000, 100, 0}, 100).bytes(1, std::string(32, 'x'), 100).text(),
            R"(write(1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"..., 100) = 100)");
}

TEST(DecodeArgs, ExecveArgvAndEnvCount) {
  EXPECT_EQ(Line("execve", {0x1000, 0x2000, 0x7ffd1234, 0}, 0)
                .str(0, "/usr/bin/ls")
                .strvec(1, std::string("ls\0-l", 5), 2)
                .count(2, 23)
                .text(),
            R"(execve("/usr/bin/ls", ["ls", "-l"], 0x7ffd1234 /* 23 vars */) = 0)");
}

TEST(DecodeArgs, ExitGroupNeverReturns) {
  EXPECT_EQ(Line("exit_group", {0, 0, 0, 0, 0, 0}, 0).no_return().text(),
            "exit_group(0)                           = ?");
}

TEST(DecodeArgs, Pipe2FdPair) {
  EXPECT_EQ(Line("pipe2", {0x7ffd0000, 02000000, 0}, 0).bytes(0, raw(std::array<std::int32_t, 2>{6, 7}), 8, true).text(),
            "pipe2([6, 7], O_CLOEXEC)                = 0");
}

TEST(DecodeArgs, Wait4Status) {
  EXPECT_EQ(Line("wait4", {5588, 0x7ffd0000, 0, 0}, 5588).bytes(1, raw<std::int32_t>(3 << 8), 4, true).text(),
            "wait4(5588, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 5588");
}

TEST(DecodeArgs, Fcntl) {
  EXPECT_EQ(Line("fcntl", {3, 1, 0}, 1).text(), "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)");
  EXPECT_EQ(Line("fcntl", {3, 2, 1}, 0).text(), "fcntl(3, F_SETFD, FD_CLOEXEC)           = 0");
  EXPECT_EQ(Line("fcntl", {3, 3, 0}, 0x8000).text(),
            "fcntl(3, F_GETFL)                       = 0x8000 (flags O_RDONLY|O_LARGEFILE)");
  EXPECT_EQ(Line("fcntl", {3, 4, 04000}, 0).text(), "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK)  = 0");
  EXPECT_EQ(Line("fcntl", {3, 0, 10}, 11).text(), "fcntl(3, F_DUPFD, 10)                   = 11");
  EXPECT_EQ(Line("fcntl", {3, 1030, 0}, 4).text(), "fcntl(3, F_DUPFD_CLOEXEC, 0)            = 4");
}

// strace 6.1 on this machine, for sendfile, copy_file_range and splice on a 16-byte file
// (tests/progs/offsets_locks.c and a few failing calls).
TEST(DecodeArgs, SendfileShowsItsOffsetBeforeAndAfter) {
  EXPECT_EQ(Line("sendfile", {4, 3, 0x7ffd0000, 16}, 16)
                .bytes(2, raw<std::int64_t>(0), 8)
                .bytes(2, raw<std::int64_t>(16), 8, true)
                .text(),
            "sendfile(4, 3, [0] => [16], 16)         = 16");
  // At the end of the file nothing moves and the offset stays.
  EXPECT_EQ(Line("sendfile", {4, 3, 0x7ffd0000, 4}, 0)
                .bytes(2, raw<std::int64_t>(16), 8)
                .bytes(2, raw<std::int64_t>(16), 8, true)
                .text(),
            "sendfile(4, 3, [16], 4)                 = 0");
  EXPECT_EQ(Line("sendfile", {4, 99, 0x7ffd0000, 4}, -9).bytes(2, raw<std::int64_t>(2), 8).text(),
            "sendfile(4, 99, [2], 4)                 = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("sendfile", {4, 3, 0x7ffd0000, 4}, -22).bytes(2, raw<std::int64_t>(-1), 8).text(),
            "sendfile(4, 3, [18446744073709551615], 4) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("sendfile", {4, 3, 8, 4}, -14).text(), "sendfile(4, 3, 0x8, 4)                  = -1 EFAULT (Bad address)");
  EXPECT_EQ(Line("sendfile", {4, 3, 0, 4}, 4).text(), "sendfile(4, 3, NULL, 4)                 = 4");
}

TEST(DecodeArgs, CopyFileRangeAndSpliceShowTheOffsetsTheyStartedFrom) {
  EXPECT_EQ(Line("copy_file_range", {3, 0x7ffd0000, 4, 0x7ffd0008, 4, 0}, 4)
                .bytes(1, raw<std::int64_t>(0), 8)
                .bytes(3, raw<std::int64_t>(4), 8)
                .text(),
            "copy_file_range(3, [0], 4, [4], 4, 0)   = 4");
  EXPECT_EQ(Line("copy_file_range", {3, 0x7ffd0000, 4, 0x7ffd0008, 3, 0}, -75)
                .bytes(1, raw<std::int64_t>(-1), 8)
                .bytes(3, raw<std::int64_t>(-2), 8)
                .text(),
            "copy_file_range(3, [-1], 4, [-2], 3, 0) = -1 EOVERFLOW (Value too large for defined data type)");
  EXPECT_EQ(Line("splice", {3, 0x7ffd0000, 6, 0, 5, 0}, 5).bytes(1, raw<std::int64_t>(3), 8).text(),
            "splice(3, [3], 6, NULL, 5, 0)           = 5");
  EXPECT_EQ(Line("splice", {5, 0, 4, 0x7ffd0000, 5, 0}, 5).bytes(3, raw<std::int64_t>(7), 8).text(),
            "splice(5, NULL, 4, [7], 5, 0)           = 5");
}

struct Flock {
  std::int16_t l_type, l_whence;
  std::int64_t l_start, l_len;
  std::int32_t l_pid;
};
static_assert(sizeof(Flock) == 32, "struct flock on x86_64");

std::string flock_bytes(std::int16_t type, std::int16_t whence, std::int64_t start, std::int64_t len,
                        std::int32_t pid = 0) {
  Flock f{};
  f.l_type = type;
  f.l_whence = whence;
  f.l_start = start;
  f.l_len = len;
  f.l_pid = pid;
  return raw(f);
}

// strace 6.1 on this machine: the set commands show the struct they pass, the get commands the
// one the kernel filled in (its l_pid too) or, when they fail, the address.
TEST(DecodeArgs, FcntlLockStructs) {
  constexpr std::int16_t kRd = 0, kWr = 1, kUn = 2;  // F_RDLCK, F_WRLCK, F_UNLCK
  EXPECT_EQ(Line("fcntl", {3, 6, 0x7ffd0000}, 0).bytes(2, flock_bytes(kWr, 0, 2, 5), 32).text(),
            "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, l_len=5}) = 0");
  EXPECT_EQ(Line("fcntl", {3, 7, 0x7ffd0000}, -22).bytes(2, flock_bytes(kRd, 1, -1, 0), 32).text(),
            "fcntl(3, F_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_CUR, l_start=-1, l_len=0}) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("fcntl", {3, 5, 0x7ffd0000}, 0)
                .bytes(2, flock_bytes(kWr, 0, 0, 0, 77), 32)
                .bytes(2, flock_bytes(kWr, 0, 2, 5, 1616), 32, true)
                .text(),
            "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, l_len=5, l_pid=1616}) = 0");
  EXPECT_EQ(Line("fcntl", {99, 5, 0x7fff8d832120}, -9).bytes(2, flock_bytes(kWr, 0, 1, 2, 77), 32).text(),
            "fcntl(99, F_GETLK, 0x7fff8d832120)      = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("fcntl", {3, 36, 0x7ffd0000}, 0)
                .bytes(2, flock_bytes(kWr, 2, 0, 0), 32)
                .bytes(2, flock_bytes(kUn, 2, 0, 0), 32, true)
                .text(),
            "fcntl(3, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_END, l_start=0, l_len=0, l_pid=0}) = 0");
  EXPECT_EQ(Line("fcntl", {3, 37, 0x7ffd0000}, -22).bytes(2, flock_bytes(kWr, 0, 2, 5, 1610), 32).text(),
            "fcntl(3, F_OFD_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, l_len=5}) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("fcntl", {3, 38, 0x7ffd0000}, -22).bytes(2, flock_bytes(kUn, 0, 2, 5, 1610), 32).text(),
            "fcntl(3, F_OFD_SETLKW, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=2, l_len=5}) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("fcntl", {3, 6, 0x7ffd0000}, -22).bytes(2, flock_bytes(7, 9, 0, 0), 32).text(),
            "fcntl(3, F_SETLK, {l_type=0x7 /* F_??? */, l_whence=0x9 /* SEEK_??? */, l_start=0, l_len=0}) = -1 EINVAL "
            "(Invalid argument)");
  Line fault("fcntl", {3, 6, 8}, -14);
  fault.call.payloads.push_back({2, ETRACE_PL_BYTES, ETRACE_PLF_FAULT, 0, {}});
  EXPECT_EQ(fault.text(), "fcntl(3, F_SETLK, 0x8)                  = -1 EFAULT (Bad address)");
  // The 32-bit ABI's commands, which an x86_64 kernel refuses: named, the struct left alone.
  EXPECT_EQ(Line("fcntl", {3, 12, 0x7ffe5c8aa6a0}, -22).bytes(2, flock_bytes(kRd, 0, 1, 2), 32).text(),
            "fcntl(3, F_GETLK64, 0x7ffe5c8aa6a0)     = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("fcntl", {3, 14, 0x7ffe5c8aa6a0}, -22).bytes(2, flock_bytes(kRd, 0, 1, 2), 32).text(),
            "fcntl(3, F_SETLKW64, 0x7ffe5c8aa6a0)    = -1 EINVAL (Invalid argument)");
  // Commands whose argument is a number ignore what was read at that "address".
  EXPECT_EQ(Line("fcntl", {3, 2, 1}, 0).bytes(2, flock_bytes(kWr, 0, 2, 5), 32).text(),
            "fcntl(3, F_SETFD, FD_CLOEXEC)           = 0");
}

TEST(DecodeArgs, Ioctl) {
  EXPECT_EQ(Line("ioctl", {3, 0x5451, 0}, 0).text(), "ioctl(3, FIOCLEX)                       = 0");
  EXPECT_EQ(Line("ioctl", {3, 0x5413, 0x7ffdfb50bea0}, -25).text(),
            "ioctl(3, TIOCGWINSZ, 0x7ffdfb50bea0)    = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(Line("ioctl", {3, 0x40049999, 0}, -25).text(),
            "ioctl(3, _IOC(_IOC_WRITE, 0x99, 0x99, 0x4), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
}

TEST(DecodeArgs, Futex) {
  EXPECT_EQ(Line("futex", {0x7f1c32f4e6f0, 129, 1, 0, 0, 0}, 1).text(),
            "futex(0x7f1c32f4e6f0, FUTEX_WAKE_PRIVATE, 1) = 1");
  EXPECT_EQ(Line("futex", {0x7f1c32f4e6f0, 129, 2147483647, 0, 0, 0}, 0).text(),
            "futex(0x7f1c32f4e6f0, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
  EXPECT_EQ(Line("futex", {0x558e8d9abb80, 9 | 128 | 256, 0, 0, 0, 0xffffffff}, 0).text(),
            "futex(0x558e8d9abb80, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = 0");
}

TEST(DecodeArgs, Clone) {
  EXPECT_EQ(Line("clone", {0x1200011, 0, 0, 0x7f3d935e5e50, 0}, 5588).text(),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7f3d935e5e50) = 5588");
}

TEST(DecodeArgs, PrctlShowsOnlyTheArgumentsItReads) {
  // strace 6.1 on this machine for PR_GET_DUMPABLE and PR_SET_DUMPABLE 1 and 7.
  EXPECT_EQ(Line("prctl", {3, 0, 0, 0, 0}, 1).text(), "prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)");
  EXPECT_EQ(Line("prctl", {4, 1, 0, 0, 0}, 0).text(), "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)  = 0");
  // An unknown value names the prefix all of the table's names share.
  EXPECT_EQ(Line("prctl", {4, 7, 0, 0, 0}, -22).text(),
            "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("prctl", {1, 9, 0, 0, 0}, 0).text(), "prctl(PR_SET_PDEATHSIG, SIGKILL)        = 0");
  EXPECT_EQ(Line("prctl", {38, 1, 0, 0, 0}, 0).text(), "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)  = 0");
}

TEST(DecodeArgs, PrctlShowsTheThreadName) {
  // strace 6.1 printed these for a name set with an escape sequence in it.
  const std::string name("abc\x1b[31m\0\0\0\0\0\0\0", 16);
  // PR_SET_NAME's name as it was when the call started.
  EXPECT_EQ(Line("prctl", {15, 0x7f00, 0, 0, 0}, 0).bytes(1, name, 16).text(),
            "prctl(PR_SET_NAME, \"abc\\33[31m\")        = 0");
  EXPECT_EQ(Line("prctl", {16, 0x7f00, 0, 0, 0}, 0).bytes(1, name, 16, true).text(),
            "prctl(PR_GET_NAME, \"abc\\33[31m\")        = 0");
  EXPECT_EQ(Line("prctl", {15, 0x10, 0, 0, 0}, -14).text(), "prctl(PR_SET_NAME, 0x10)                = -1 EFAULT (Bad address)");
}

TEST(DecodeArgs, SimpleKinds) {
  EXPECT_EQ(Line("lseek", {3, static_cast<std::uint64_t>(-22), 2}, 576).text(),
            "lseek(3, -22, SEEK_END)                 = 576");
  EXPECT_EQ(Line("umask", {022}, 022).text(), "umask(022)                              = 022");
  EXPECT_EQ(Line("kill", {5531, 0}, 0).text(), "kill(5531, 0)                           = 0");
  EXPECT_EQ(Line("fchmod", {6, 0600}, 0).text(), "fchmod(6, 0600)                         = 0");
  EXPECT_EQ(Line("arch_prctl", {0x1002, 0x7fb0c86ed740}, 0).text(), "arch_prctl(ARCH_SET_FS, 0x7fb0c86ed740) = 0");
  EXPECT_EQ(Line("set_robust_list", {0x7fb0c86eda20, 24}, 0).text(), "set_robust_list(0x7fb0c86eda20, 24)     = 0");
  EXPECT_EQ(Line("rseq", {0x7fb0c86ee060, 0x20, 0, 0x53053053}, 0).text(),
            "rseq(0x7fb0c86ee060, 0x20, 0, 0x53053053) = 0");
  EXPECT_EQ(Line("getrandom", {0x7f00, 2496, 1}, -11).text(),
            "getrandom(0x7f00, 2496, GRND_NONBLOCK)  = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(Line("epoll_create1", {02000000}, 3).text(), "epoll_create1(EPOLL_CLOEXEC)            = 3");
  EXPECT_EQ(Line("madvise", {0x7f1c31a01000, 8368128, 4}, 0).text(),
            "madvise(0x7f1c31a01000, 8368128, MADV_DONTNEED) = 0");
  EXPECT_EQ(Line("mprotect", {0x7fb0c88bf000, 16384, 1}, 0).text(), "mprotect(0x7fb0c88bf000, 16384, PROT_READ) = 0");
  EXPECT_EQ(Line("mknodat", {kAtFdcwd, 0x1000, 010600, 0}, 0).str(1, "/tmp/fifo1").text(),
            R"(mknodat(AT_FDCWD, "/tmp/fifo1", S_IFIFO|0600) = 0)");
  EXPECT_EQ(Line("getpid", {}, 5531).text(), "getpid()                                = 5531");
  EXPECT_EQ(Line("listen", {3, 1}, 0).text(), "listen(3, 1)                            = 0");
}

TEST(DecodeArgs, GetcwdShowsTheStringWithoutItsNul) {
  EXPECT_EQ(Line("getcwd", {0x7ffd0000, 1024}, 5).bytes(0, std::string("/tmp\0", 5), 5, true).text(),
            R"(getcwd("/tmp", 1024)                    = 5)");
}

TEST(DecodeArgs, GetcwdIsAPathNotCutAtStrsize) {
  // strace 6.1 (default -s 32) in the compare fixture's subdirectory.
  const std::string cwd = "/tmp/etrace-compare/work/fixture/sub";
  EXPECT_EQ(Line("getcwd", {0x7ffd0000, 1024}, 37).bytes(0, cwd + '\0', 37, true).text(),
            R"(getcwd("/tmp/etrace-compare/work/fixture/sub", 1024) = 37)");
  // strace -s 5 printed this one whole too.
  Line five("getcwd", {0x7ffd0000, 1024}, 88);
  five.ctx.opts.max_strlen = 5;
  const std::string deep = "/tmp/cfx/aaaaaaaaaaaaaaaaaaaa/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/cccccccccccccccccccc";
  EXPECT_EQ(five.bytes(0, deep + '\0', 88, true).text(), "getcwd(\"" + deep + "\", 1024) = 88");
  // A capture that stopped before the NUL is never shown as if it were the whole path.
  EXPECT_EQ(Line("getcwd", {0x7ffd0000, 8192}, 4096).bytes(0, "/tmp/cfx/deep", 4096, true).text(),
            R"(getcwd("/tmp/cfx/deep"..., 8192)        = 4096)");
  EXPECT_EQ(Line("getcwd", {0x7ffd0000, 10}, -34).text(),
            "getcwd(0x7ffd0000, 10)                  = -1 ERANGE (Numerical result out of range)");
}

class FakeNamer : public FdNamer {
 public:
  std::string describe(std::uint32_t, std::int64_t fd) override { return fd == 3 ? "/etc/passwd" : ""; }
};

TEST(DecodeArgs, DecoratedFds) {
  FakeNamer names;
  Line l("read", {3, 0x5000, 4096, 0}, 0);
  l.ctx.fds = &names;
  l.ctx.opts.decorate_fds = 1;
  EXPECT_EQ(l.text(), R"(read(3</etc/passwd>, "", 4096)          = 0)");
  Line o("openat", {kAtFdcwd, 0x1000, 02000000, 0}, 3);
  o.str(1, "/etc/passwd");
  o.ctx.fds = &names;
  o.ctx.opts.decorate_fds = 1;
  EXPECT_EQ(o.text(), R"(openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>)");
}

TEST(DecodeArgs, UnknownNumberUsesTheGenericSpec) {
  SyscallCall c;
  c.nr = 999;
  c.args = {1, 0, 0, 0, 0, 0};
  DecodeContext ctx;
  std::string out;
  TextEmitter e(out, TextOptions{});
  e.begin_call(LineInfo{}, "syscall_0x3e7");
  decode_args(nullptr, c, ctx, e);
  e.end_call(decode_result(nullptr, c, ctx));
  EXPECT_EQ(out, "syscall_0x3e7(0x1, 0, 0, 0, 0, 0)       = 0\n");
}

// linux_dirent64 records as the kernel lays them out (reclen rounded up to 8).
std::string dirent64(std::uint64_t ino, std::string_view name, std::uint8_t type) {
  const std::uint16_t reclen = static_cast<std::uint16_t>((19 + name.size() + 1 + 7) / 8 * 8);
  std::string d(reclen, '\0');
  std::memcpy(d.data(), &ino, 8);
  const std::int64_t off = static_cast<std::int64_t>(ino) * 1000;
  std::memcpy(d.data() + 8, &off, 8);
  std::memcpy(d.data() + 16, &reclen, 2);
  d[18] = static_cast<char>(type);
  std::memcpy(d.data() + 19, name.data(), name.size());
  return d;
}

std::string epoll_event_bytes(std::uint32_t events, std::uint64_t data) {
  std::string b(12, '\0');
  std::memcpy(b.data(), &events, 4);
  std::memcpy(b.data() + 4, &data, 8);
  return b;
}

std::string pollfds(std::initializer_list<std::array<std::int32_t, 3>> fds) {
  std::string b;
  for (const auto& f : fds) {
    std::int32_t fd = f[0];
    std::int16_t ev[2] = {static_cast<std::int16_t>(f[1]), static_cast<std::int16_t>(f[2])};
    b.append(reinterpret_cast<const char*>(&fd), 4);
    b.append(reinterpret_cast<const char*>(ev), 4);
  }
  return b;
}

std::string sockaddr_in_bytes(std::uint16_t port, std::uint32_t addr) {
  std::string b(16, '\0');
  const std::uint16_t family = 2, nport = static_cast<std::uint16_t>((port >> 8) | (port << 8));
  const std::uint32_t naddr = __builtin_bswap32(addr);
  std::memcpy(b.data(), &family, 2);
  std::memcpy(b.data() + 2, &nport, 2);
  std::memcpy(b.data() + 4, &naddr, 4);
  return b;
}

// The lines below were printed by strace 6.1 for /tmp test programs on this machine.
TEST(DecodeArgs, EpollWaitEventsAreAnArrayOfTheReadyOnes) {
  const std::string events = epoll_event_bytes(1, 7) + epoll_event_bytes(4, 9) + std::string(24, 'x');
  EXPECT_EQ(Line("epoll_wait", {7, 0x7ffd0000, 4, 100}, 2).bytes(1, events, 48, true).text(),
            "epoll_wait(7, [{events=EPOLLIN, data={u32=7, u64=7}}, {events=EPOLLOUT, data={u32=9, u64=9}}], 4, 100) = 2");
  EXPECT_EQ(Line("epoll_wait", {7, 0x7ffd0000, 1, 100}, 1).bytes(1, epoll_event_bytes(1, 7), 12, true).text(),
            "epoll_wait(7, [{events=EPOLLIN, data={u32=7, u64=7}}], 1, 100) = 1");
  EXPECT_EQ(Line("epoll_wait", {4, 0x7ffd0000, 1, 100}, 0).bytes(1, epoll_event_bytes(0, 0), 12, true).text(),
            "epoll_wait(4, [], 1, 100)               = 0");
}

TEST(DecodeArgs, UtimensatKeepsDateCommentsAndUtimeNow) {
  std::array<std::int64_t, 4> ts{0, (1 << 30) - 1, 5, 0};
  EXPECT_EQ(Line("utimensat", {kAtFdcwd, 0x1000, 0x2000, 0}, 0).str(1, "/tmp/decode-t/f").bytes(2, raw(ts), 32).text(),
            R"(utimensat(AT_FDCWD, "/tmp/decode-t/f", [UTIME_NOW, {tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 */], 0) = 0)");
}

TEST(DecodeArgs, Getdents64CountsEntries) {
  const std::string d = dirent64(1, "t.c", 8) + dirent64(2, ".", 4) + dirent64(3, "t", 8) + dirent64(4, "s.txt", 8) +
                        dirent64(5, "f", 8) + dirent64(6, "..", 4);
  ASSERT_EQ(d.size(), 152u);
  EXPECT_EQ(Line("getdents64", {9, 0x7fff6f282a70, 4096}, 152).bytes(1, d, 152, true).text(),
            "getdents64(9, 0x7fff6f282a70 /* 6 entries */, 4096) = 152");
  EXPECT_EQ(Line("getdents64", {9, 0x7fff6f282a70, 4096}, 0).text(),
            "getdents64(9, 0x7fff6f282a70 /* 0 entries */, 4096) = 0");
  Line verbose("getdents64", {3, 0x7fff6f282a70, 4096}, 0);
  verbose.ctx.opts.verbose = true;
  EXPECT_EQ(verbose.text(), "getdents64(3, [], 4096)                 = 0");
}

TEST(DecodeArgs, PollShowsReventsAfterTheResult) {
  const std::string in = pollfds({{3, 1, 0}, {5, 1, 0}});
  const std::string out = pollfds({{3, 1, 1}, {5, 1, 0}});
  EXPECT_EQ(Line("poll", {0x7ffd0000, 2, 0}, 1).bytes(0, in, 16).bytes(0, out, 16, true).text(),
            "poll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN}], 2, 0) = 1 ([{fd=3, revents=POLLIN}])");
  EXPECT_EQ(Line("poll", {0x7ffd0000, 1, 0}, 0).bytes(0, pollfds({{5, 1, 0}}), 8).text(),
            "poll([{fd=5, events=POLLIN}], 1, 0)     = 0 (Timeout)");
}

TEST(DecodeArgs, SelectSetsStopAtNfds) {
  std::string set(128, '\0');
  set[0] = static_cast<char>((1 << 3) | (1 << 5) | (1 << 7));  // fd 7 is beyond nfds
  std::string ready(128, '\0');
  ready[0] = 1 << 3;
  std::array<std::int64_t, 2> zero{0, 0};
  EXPECT_EQ(Line("pselect6", {6, 0x1000, 0, 0, 0x2000, 0}, 1)
                .bytes(1, set, 128)
                .bytes(4, raw(zero), 16)
                .bytes(1, ready, 128, true)
                .bytes(4, raw(zero), 16, true)
                .text(),
            "pselect6(6, [3 5], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [3], left {tv_sec=0, tv_nsec=0})");
}

TEST(DecodeArgs, SocklenShowsWhatTheKernelWroteBack) {
  const std::string sin = sockaddr_in_bytes(23470, 0x7f000001);
  EXPECT_EQ(Line("getsockname", {11, 0x1000, 0x2000}, 0).bytes(2, raw<std::int32_t>(128), 4).bytes(1, sin, 16, true).text(),
            R"(getsockname(11, {sa_family=AF_INET, sin_port=htons(23470), sin_addr=inet_addr("127.0.0.1")}, [128 => 16]) = 0)");
  EXPECT_EQ(Line("getsockname", {11, 0x1000, 0x2000}, 0).bytes(2, raw<std::int32_t>(2), 4).bytes(1, sin, 16, true).text(),
            R"(getsockname(11, {sa_family=AF_INET}, [2 => 16]) = 0)");
  EXPECT_EQ(Line("getsockname", {11, 0x1000, 0x2000}, 0).bytes(2, raw<std::int32_t>(16), 4).bytes(1, sin, 16, true).text(),
            R"(getsockname(11, {sa_family=AF_INET, sin_port=htons(23470), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0)");
  EXPECT_EQ(Line("recvfrom", {4, 0x1000, 64, 0, 0, 0}, 16).bytes(1, "ping from client", 16, true).text(),
            R"(recvfrom(4, "ping from client", 64, 0, NULL, NULL) = 16)");
}

TEST(DecodeArgs, Sockopts) {
  // The value as optlen bytes and as the first 32 (cut at the page's end: 4 here).
  EXPECT_EQ(Line("setsockopt", {11, 1, 2, 0x1000, 4}, 0).bytes(3, raw<std::int32_t>(1), 4).bytes(3, raw<std::int32_t>(1), 32).text(),
            "setsockopt(11, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
  // optlen as read at entry and as the call left it.
  EXPECT_EQ(Line("getsockopt", {11, 1, 3, 0x1000, 0x2000}, 0).bytes(4, raw<std::int32_t>(4), 4).bytes(4, raw<std::int32_t>(4), 4, true).bytes(3, raw<std::int32_t>(1), 4, true).text(),
            "getsockopt(11, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
  EXPECT_EQ(Line("getsockopt", {11, 1, 3, 0x1000, 0x2000}, 0).bytes(4, raw<std::int32_t>(8), 4).bytes(4, raw<std::int32_t>(4), 4, true).bytes(3, raw<std::int32_t>(1), 4, true).text(),
            "getsockopt(11, SOL_SOCKET, SO_TYPE, [1], [8 => 4]) = 0");
}

TEST(DecodeArgs, GetrandomBytesInHex) {
  EXPECT_EQ(Line("getrandom", {0x1000, 8, 1}, 8).bytes(0, "\x68\xd5\x80\xee\x78\x95\xd9\xc8", 8, true).text(),
            R"(getrandom("\x68\xd5\x80\xee\x78\x95\xd9\xc8", 8, GRND_NONBLOCK) = 8)");
}

TEST(DecodeArgs, MoreStraceForms) {
  EXPECT_EQ(Line("getgroups", {0, 0x1000}, 0).text(), "getgroups(0, [])                        = 0");
  EXPECT_EQ(Line("getgroups", {8, 0x1000}, 0).bytes(1, std::string(32, '\0'), 32, true).text(),
            "getgroups(8, [])                        = 0");
  EXPECT_EQ(Line("socket", {2, 0x3039, 0}, -22).text(),
            "socket(AF_INET, 0x3039 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("mremap", {0x7f9356cbd000, 8192, 16384, 1, 0}, 0x7f9356cb9000).text(),
            "mremap(0x7f9356cbd000, 8192, 16384, MREMAP_MAYMOVE) = 0x7f9356cb9000");
  std::array<std::int64_t, 2> rq{0, 1000};
  EXPECT_EQ(Line("clock_nanosleep", {0, 0, 0x1000, 0x7fff6f2829a0}, 0).bytes(2, raw(rq), 16).bytes(3, raw(rq), 16, true).text(),
            "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, 0x7fff6f2829a0) = 0");
  EXPECT_EQ(Line("prctl", {23, 0, 0, 0, 0}, 1).text(), "prctl(PR_CAPBSET_READ, CAP_CHOWN)       = 1");
  EXPECT_EQ(Line("prctl", {39, 0, 0, 0, 0}, 0).text(), "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)  = 0");
  EXPECT_EQ(Line("prctl", {47, 1, 0, 0, 0}, 0).text(),
            "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0) = 0");
  EXPECT_EQ(Line("fcntl", {0, 1, 0}, 0).text(), "fcntl(0, F_GETFD)                       = 0");
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x4000, 0x200, 0}, -2).str(1, "/tmp/decode-t/f").text(),
            R"(statx(AT_FDCWD, "/tmp/decode-t/f", AT_STATX_DONT_SYNC, STATX_SIZE, NULL) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("ioctl", {4, 0x40049409, 3}, -95).text(),
            "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not supported)");
}

TEST(DecodeArgs, ModesNameSetIdBitsOnlyBesideAFileType) {
  EXPECT_EQ(Line("chmod", {0x1000, 04755}, 0).str(0, "/tmp/decode-cx/tt").text(),
            R"(chmod("/tmp/decode-cx/tt", 04755)       = 0)");
  // Only mknod's mode and stat's st_mode name a file type: chmod, open, creat and mkdir print the
  // number, type bits and all (strace 6.1, git init's chmod of .git/config).
  EXPECT_EQ(Line("chmod", {0x1000, 0100744}, 0).str(0, "/tmp/etrace-compare/work/repo/.git/config").text(),
            R"(chmod("/tmp/etrace-compare/work/repo/.git/config", 0100744) = 0)");
  EXPECT_EQ(Line("fchmod", {3, 040700}, 0).text(), "fchmod(3, 040700)                       = 0");
  EXPECT_EQ(Line("fchmodat", {kAtFdcwd, 0x1000, 0120644}, 0).str(1, "/tmp/optfix/m1").text(),
            R"(fchmodat(AT_FDCWD, "/tmp/optfix/m1", 0120644) = 0)");
  EXPECT_EQ(Line("chmod", {0x1000, 0}, 0).str(0, "/tmp/optfix/m1").text(), R"(chmod("/tmp/optfix/m1", 000)            = 0)");
  EXPECT_EQ(Line("openat", {kAtFdcwd, 0x1000, 0101, 0100644}, 3).str(1, "/tmp/optfix/m1").text(),
            R"(openat(AT_FDCWD, "/tmp/optfix/m1", O_WRONLY|O_CREAT, 0100644) = 3)");
  EXPECT_EQ(Line("creat", {0x1000, 0100600}, 3).str(0, "/tmp/optfix/m3").text(),
            R"(creat("/tmp/optfix/m3", 0100600)        = 3)");
  EXPECT_EQ(Line("mkdir", {0x1000, 040755}, 0).str(0, "/tmp/optfix/d1").text(),
            R"(mkdir("/tmp/optfix/d1", 040755)         = 0)");
  EXPECT_EQ(Line("chmod", {0x1000, 0100744}, 0).str(0, "/tmp/optfix/f").xlat(TextOptions::Xlat::Verbose).text(),
            R"(chmod("/tmp/optfix/f", 0100744)         = 0)");
  EXPECT_EQ(Line("mknodat", {kAtFdcwd, 0x1000, 010000 | 01000 | 0600, 0}, 0).str(1, "/tmp/decode-cx/nn").text(),
            R"(mknodat(AT_FDCWD, "/tmp/decode-cx/nn", S_IFIFO|S_ISVTX|0600) = 0)");
}

TEST(DecodeArgs, CpuMasks) {
  std::string mask(128, '\0');
  mask[0] = 2;
  EXPECT_EQ(Line("sched_setaffinity", {0, 128, 0x1000}, 0).bytes(2, mask, 128).text(),
            "sched_setaffinity(0, 128, [1])          = 0");
  EXPECT_EQ(Line("sched_getaffinity", {0, 128, 0x1000}, 32).bytes(2, mask.substr(0, 32), 32, true).text(),
            "sched_getaffinity(0, 128, [1])          = 32");
}

TEST(DecodeArgs, Wait4WithNoChildReadyWroteNoStatus) {
  // timeout(1)'s reaping loop.
  EXPECT_EQ(Line("wait4", {3268, 0x7ffed24dc65c, 1, 0}, 0).bytes(1, raw<std::int32_t>(0), 4, true).text(),
            "wait4(3268, 0x7ffed24dc65c, WNOHANG, NULL) = 0");
}

// Lines from strace 6.1's own ioctl tests (tests/ioctl.c, ioctl_block.c, ioctl_gpio.c, ...).
TEST(DecodeArgs, IoctlUnknownRequestFields) {
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x4000de00, ~0ull}, -9).text(),
            "ioctl(-1, _IOC(_IOC_WRITE, 0xde, 0, 0), 0xffffffffffffffff) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x80005601, 0}, -9).text(),
            "ioctl(-1, _IOC(_IOC_READ, 0x56, 0x1, 0), 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0xc0243eed, 0xdeadbeefbadc0ded}, -9).text(),
            "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x3e, 0xed, 0x24), 0xdeadbeefbadc0ded) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("ioctl", {3, 0x0000, 0}, -25).text(),
            "ioctl(3, _IOC(_IOC_NONE, 0, 0, 0), 0)   = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x80005601, 0}, -9).xlat(TextOptions::Xlat::Raw).text(),
            "ioctl(-1, 0x80005601, 0)                = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x80005601, 0}, -9).xlat(TextOptions::Xlat::Verbose).text(),
            "ioctl(-1, 0x80005601 /* _IOC(_IOC_READ, 0x56, 0x1, 0) */, 0) = -1 EBADF (Bad file descriptor)");
}

TEST(DecodeArgs, IoctlRequestNames) {
  auto efault = [](std::uint64_t req) {
    return Line("ioctl", {static_cast<std::uint64_t>(-1), req, 0}, -9).text();
  };
  EXPECT_EQ(efault(0x80081270), "ioctl(-1, BLKBSZGET, NULL)              = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x1265), "ioctl(-1, BLKFRAGET, NULL)              = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x127e), "ioctl(-1, BLKROTATIONAL, NULL)          = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x80082407), "ioctl(-1, PERF_EVENT_IOC_ID, NULL)      = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x8044b401), "ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, NULL) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0xb704), "ioctl(-1, NS_GET_OWNER_UID, NULL)       = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0xc050561a), "ioctl(-1, VIDIOC_ENUMINPUT, NULL)       = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x4b3b), "ioctl(-1, KDGETMODE, NULL)              = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x80503d01), "ioctl(-1, PTP_CLOCK_GETCAPS, NULL)      = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0xc0481273), "ioctl(-1, BLKTRACESETUP, NULL)          = -1 EBADF (Bad file descriptor)");
  // Requests that take no argument, and one whose argument is the value itself.
  EXPECT_EQ(efault(0xb701), "ioctl(-1, NS_GET_USERNS)                = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x5206), "ioctl(-1, RNDCLEARPOOL)                 = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(efault(0x5204), "ioctl(-1, FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x1262, 0xdeadbeefbadc0ded}, -9).text(),
            "ioctl(-1, BLKRASET, 16045690984232390125) = -1 EBADF (Bad file descriptor)");
  // Two headers define 0x80044801: both names, sorted.
  EXPECT_EQ(Line("ioctl", {static_cast<std::uint64_t>(-1), 0x80044801, 0x7ffefdfc7838}, -9).text(),
            "ioctl(-1, HIDIOCGRDESCSIZE or HIDIOCGVERSION, 0x7ffefdfc7838) = -1 EBADF (Bad file descriptor)");
}

TEST(DecodeArgs, IoctlOutputsReadAtExit) {
  EXPECT_EQ(Line("ioctl", {3, 0x541b, 0x7ffc0000}, 0).bytes(2, raw<std::int32_t>(5) + std::string(60, 'x'), 64, true).text(),
            "ioctl(3, FIONREAD, [5])                 = 0");
  std::array<std::uint16_t, 4> ws{24, 80, 0, 0};
  EXPECT_EQ(Line("ioctl", {6, 0x5413, 0x7ffc0000}, 0).bytes(2, raw(ws) + std::string(56, '\0'), 64, true).text(),
            "ioctl(6, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
  EXPECT_EQ(Line("ioctl", {3, 0x5413, 0x7ffcee71e0e4}, -25).text(),
            "ioctl(3, TIOCGWINSZ, 0x7ffcee71e0e4)    = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(Line("ioctl", {5, 0x5441, 0x102}, 6).text(), "ioctl(5, TIOCGPTPEER, 0x102)            = 6");
}

// strace -e verbose=none on this machine's test programs: what arguments point to shows as its
// address (structs, arrays, sockaddrs, argv, envp, int and socklen pointers, fd pairs, option
// values even when they are strings); strings and byte buffers stay; a list the call filled with
// nothing stays []; select still lists its ready sets, with the time left as an address.
TEST(DecodeArgs, NotVerboseShowsAddressesNotWhatTheyPointTo) {
  EXPECT_EQ(Line("execve", {0x1000, 0x7ffcbc2f7918, 0x7ffcbc2f7928}, 0)
                .str(0, "./many")
                .strvec(1, "./many", 1)
                .count(2, 37).no_deref().text(),
            R"(execve("./many", 0x7ffcbc2f7918, 0x7ffcbc2f7928) = 0)");
  EXPECT_EQ(Line("execve", {0x1000, 0x7ffc7630b940, 0x7ffc7630b920}, 0)
                .str(0, "/bin/true")
                .strvec(1, std::string("/bin/true\0x", 11), 2)
                .strvec(2, std::string("A=1\0B=2", 7), 2).no_deref().text(),
            R"(execve("/bin/true", 0x7ffc7630b940, 0x7ffc7630b920) = 0)");
  const std::string sin = sockaddr_in_bytes(1, 0x7f000001);
  EXPECT_EQ(Line("connect", {7, 0x7ffc7630bac0, 16}, -111).bytes(1, sin, 16).no_deref().text(),
            "connect(7, 0x7ffc7630bac0, 16)          = -1 ECONNREFUSED (Connection refused)");
  EXPECT_EQ(Line("getsockname", {7, 0x7ffc7630bac0, 0x7ffc7630babc}, 0)
                .bytes(2, raw<std::int32_t>(16), 4)
                .bytes(1, sin, 16, true).no_deref().text(),
            "getsockname(7, 0x7ffc7630bac0, 0x7ffc7630babc) = 0");
  EXPECT_EQ(Line("getdents64", {3, 0x56461aac9790, 32768}, 0).no_deref().text(),
            "getdents64(3, 0x56461aac9790, 32768)    = 0");
  EXPECT_EQ(Line("getdents64", {3, 0x56461aac9790, 32768}, 48).count(1, 2).no_deref().text(),
            "getdents64(3, 0x56461aac9790, 32768)    = 48");
  EXPECT_EQ(Line("setsockopt", {7, 1, 2, 0x7ffc7630bab8, 4}, 0).bytes(3, raw<std::int32_t>(1), 4).no_deref().text(),
            "setsockopt(7, SOL_SOCKET, SO_REUSEADDR, 0x7ffc7630bab8, 4) = 0");
  EXPECT_EQ(Line("setsockopt", {5, 1, 25, 0x55581b4cc008, 3}, 0).bytes(3, std::string("lo\0", 3), 3).no_deref().text(),
            "setsockopt(5, SOL_SOCKET, SO_BINDTODEVICE, 0x55581b4cc008, 3) = 0");
  EXPECT_EQ(Line("pipe2", {0x7ffc7630bba8, 02000000}, 0).bytes(0, raw<std::int64_t>(0x600000005), 8, true).no_deref().text(),
            "pipe2(0x7ffc7630bba8, O_CLOEXEC)        = 0");
  EXPECT_EQ(Line("ioctl", {3, 0x541b, 0x7ffd5fd05bc4}, 0).bytes(2, raw<std::int32_t>(3) + std::string(60, 'x'), 64, true).no_deref().text(),
            "ioctl(3, FIONREAD, 0x7ffd5fd05bc4)      = 0");
  EXPECT_EQ(Line("epoll_wait", {11, 0x7ffc7630ba64, 1, 0}, 0).no_deref().text(), "epoll_wait(11, [], 1, 0)                = 0");
  EXPECT_EQ(Line("epoll_wait", {5, 0x7ffd5fd05bc8, 1, 0}, 1).bytes(1, epoll_event_bytes(1, 3), 12, true).no_deref().text(),
            "epoll_wait(5, 0x7ffd5fd05bc8, 1, 0)     = 1");
  EXPECT_EQ(Line("getgroups", {8, 0x7ffd5fd05b00}, 0).no_deref().text(), "getgroups(8, [])                        = 0");
  EXPECT_EQ(Line("poll", {0x7ffd5fd05bbc, 1, 0}, 1)
                .bytes(0, pollfds({{3, 1, 0}}), 8)
                .bytes(0, pollfds({{3, 1, 1}}), 8, true).no_deref().text(),
            "poll(0x7ffd5fd05bbc, 1, 0)              = 1");
  EXPECT_EQ(Line("poll", {0x7ffc7630bba0, 1, 0}, 0).bytes(0, pollfds({{5, 1, 0}}), 8).no_deref().text(),
            "poll(0x7ffc7630bba0, 1, 0)              = 0 (Timeout)");
  std::string set(128, '\0');
  set[0] = 1 << 3;
  std::array<std::int64_t, 2> zero{0, 0};
  EXPECT_EQ(Line("pselect6", {4, 0x7ffd5fd05b20, 0, 0, 0x7ffd5fd05740, 0}, 1)
                .bytes(1, set, 128)
                .bytes(4, raw(zero), 16)
                .bytes(1, set, 128, true)
                .bytes(4, raw(zero), 16, true).no_deref().text(),
            "pselect6(4, 0x7ffd5fd05b20, NULL, NULL, 0x7ffd5fd05740, NULL) = 1 (in [3], left 0x7ffd5fd05740)");
  std::array<std::int64_t, 2> rem{2, 42911};
  EXPECT_EQ(Line("nanosleep", {0x7ffdf00951f0, 0x7ffdf00951e0}, -516).bytes(1, raw(rem), 16, true).no_deref().text(),
            "nanosleep(0x7ffdf00951f0, 0x7ffdf00951e0) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
  EXPECT_EQ(Line("getrandom", {0x1000, 8, 1}, 8).bytes(0, "\xce\x34\xa8\x8d\xe7\x3d\xf8\x98", 8, true).no_deref().text(),
            R"(getrandom("\xce\x34\xa8\x8d\xe7\x3d\xf8\x98", 8, GRND_NONBLOCK) = 8)");
  EXPECT_EQ(Line("readlink", {0x1000, 0x2000, 64}, 17).str(0, "/proc/self/exe").bytes(1, "/tmp/optfix/many2", 17, true).no_deref().text(),
            R"(readlink("/proc/self/exe", "/tmp/optfix/many2", 64) = 17)");
}

// strace -X verbose / -X raw on this machine's test programs: constants in hex beside their
// names (0 as "0", a negative int as 32 bits), signals and AT_FDCWD in decimal, socket's type
// apart from its flags, statx's sync type apart from the AT_* flags, modes in octal, rlimit
// values unsigned with their KiB form or RLIM64_INFINITY, a device number beside makedev().
TEST(DecodeArgs, XlatVerboseAndRawShowTheNumbersAsStraceDoes) {
  constexpr auto kVerbose = TextOptions::Xlat::Verbose;
  constexpr auto kRaw = TextOptions::Xlat::Raw;
  EXPECT_EQ(Line("arch_prctl", {0x1002, 0x7f99cb2b2740}, 0).xlat(kVerbose).text(),
            "arch_prctl(0x1002 /* ARCH_SET_FS */, 0x7f99cb2b2740) = 0");
  EXPECT_EQ(Line("lseek", {13, 0, 2}, 0).xlat(kVerbose).text(), "lseek(13, 0, 0x2 /* SEEK_END */)        = 0");
  EXPECT_EQ(Line("waitid", {1, 999999, 0x7ffdd6b33800, 5, 0}, -10).xlat(kVerbose).text(),
            "waitid(0x1 /* P_PID */, 999999, 0x7ffdd6b33800, 0x5 /* WNOHANG|WEXITED */, NULL) = -1 ECHILD (No child processes)");
  EXPECT_EQ(Line("getrusage", {0xffffffff, 0}, -14).xlat(kVerbose).text(),
            "getrusage(0xffffffff /* RUSAGE_CHILDREN */, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(Line("tgkill", {22274, 22274, 10}, 0).xlat(kVerbose).text(), "tgkill(22274, 22274, 10 /* SIGUSR1 */)  = 0");
  EXPECT_EQ(Line("tgkill", {22282, 22282, 10}, 0).xlat(kRaw).text(), "tgkill(22282, 22282, 10)                = 0");
  EXPECT_TRUE(Line("syslog", {10, 0, 0}, 131072).xlat(kVerbose).text().starts_with("syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */"));
  EXPECT_EQ(Line("socket", {2, 1, 6}, 4).xlat(kVerbose).text(),
            "socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */, 0x6 /* IPPROTO_TCP */) = 4");
  EXPECT_EQ(Line("socket", {10, 0x802, 17}, 3).xlat(kVerbose).text(),
            "socket(0xa /* AF_INET6 */, 0x2 /* SOCK_DGRAM */|0x800 /* SOCK_NONBLOCK */, 0x11 /* IPPROTO_UDP */) = 3");
  EXPECT_EQ(Line("socket", {1, 0x80801, 0}, 3).xlat(kVerbose).text(),
            "socket(0x1 /* AF_UNIX */, 0x1 /* SOCK_STREAM */|0x80800 /* SOCK_CLOEXEC|SOCK_NONBLOCK */, 0) = 3");
  EXPECT_EQ(Line("socket", {1, 0x80801, 0}, 3).xlat(kRaw).text(), "socket(0x1, 0x1|0x80800, 0)             = 3");
  EXPECT_EQ(Line("socket", {1, 0x80801, 0}, 3).text(), "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x900, 0xfff, 0x7ffdf5674c60}, -2).str(1, "/nonexistent").xlat(kVerbose).text(),
            R"(statx(-100 /* AT_FDCWD */, "/nonexistent", 0 /* AT_STATX_SYNC_AS_STAT */|0x900 /* AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT */, 0xfff /* STATX_ALL */, 0x7ffdf5674c60) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x4000, 2, 0x7ffdf5674c60}, -2).str(1, "/nonexistent").xlat(kVerbose).text(),
            R"(statx(-100 /* AT_FDCWD */, "/nonexistent", 0x4000 /* AT_STATX_DONT_SYNC */, 0x2 /* STATX_MODE */, 0x7ffdf5674c60) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x4000, 2, 0x7ffc2c192380}, -2).str(1, "/nonexistent").xlat(kRaw).text(),
            R"(statx(-100, "/nonexistent", 0x4000, 0x2, 0x7ffc2c192380) = -1 ENOENT (No such file or directory))");
  // strace 6.1 prints "|0x900" here, its zero sync type left out: a bug, not copied.
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x900, 0xfff, 0x7ffc2c192380}, -2).str(1, "/nonexistent").xlat(kRaw).text(),
            R"(statx(-100, "/nonexistent", 0|0x900, 0xfff, 0x7ffc2c192380) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("statx", {kAtFdcwd, 0x1000, 0x900, 0xfff, 0x7ffc98663c90}, -2).str(1, "/nonexistent").text(),
            R"(statx(AT_FDCWD, "/nonexistent", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, STATX_ALL, 0x7ffc98663c90) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(Line("mknodat", {kAtFdcwd, 0x1000, 014644, 0}, 0).str(1, "/tmp/optfix/n1").xlat(kVerbose).text(),
            R"(mknodat(-100 /* AT_FDCWD */, "/tmp/optfix/n1", 014644 /* S_IFIFO|S_ISUID|0644 */) = 0)");
  EXPECT_EQ(Line("mknodat", {kAtFdcwd, 0x1000, 0644, 0}, 0).str(1, "/tmp/optfix/n2").xlat(kVerbose).text(),
            R"(mknodat(-100 /* AT_FDCWD */, "/tmp/optfix/n2", 0644 /* 0644 */) = 0)");
  EXPECT_EQ(Line("mknodat", {kAtFdcwd, 0x1000, 014644, 0}, 0).str(1, "/tmp/optfix/n1").xlat(kRaw).text(),
            R"(mknodat(-100, "/tmp/optfix/n1", 014644) = 0)");
  std::array<std::uint64_t, 2> stack{8388608, ~0ull};
  EXPECT_EQ(Line("prlimit64", {0, 3, 0, 0x7ffc0000}, 0).bytes(3, raw(stack), 16, true).xlat(kVerbose).text(),
            "prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0");
  EXPECT_EQ(Line("prlimit64", {0, 3, 0, 0x7ffc0000}, 0).bytes(3, raw(stack), 16, true).xlat(kRaw).text(),
            "prlimit64(0, 0x3, NULL, {rlim_cur=8388608, rlim_max=18446744073709551615}) = 0");
  EXPECT_EQ(Line("prlimit64", {0, 3, 0, 0x7ffc0000}, 0).bytes(3, raw(stack), 16, true).text(),
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
  std::array<std::uint64_t, 2> nofile{1024, 5000};
  EXPECT_EQ(Line("prlimit64", {0, 7, 0x7ffc0000, 0}, 0).bytes(2, raw(nofile), 16).xlat(kVerbose).text(),
            "prlimit64(0, 0x7 /* RLIMIT_NOFILE */, {rlim_cur=1024, rlim_max=5000}, NULL) = 0");
  std::string st(144, '\0');
  auto put = [&st](std::size_t at, std::uint64_t v, std::size_t n) { std::memcpy(st.data() + at, &v, n); };
  put(24, 0100644, 4);  // st_mode
  put(48, 1221, 8);     // st_size
  EXPECT_EQ(Line("newfstatat", {kAtFdcwd, 0x1000, 0x7ffc0000, 0}, 0).str(1, "/etc/passwd").bytes(2, st, 144, true).xlat(kVerbose).text(),
            R"(newfstatat(-100 /* AT_FDCWD */, "/etc/passwd", {st_mode=0100644 /* S_IFREG|0644 */, st_size=1221, ...}, 0) = 0)");
  EXPECT_EQ(Line("newfstatat", {kAtFdcwd, 0x1000, 0x7ffc0000, 0}, 0).str(1, "/etc/passwd").bytes(2, st, 144, true).xlat(kRaw).text(),
            R"(newfstatat(-100, "/etc/passwd", {st_mode=0100644, st_size=1221, ...}, 0) = 0)");
  put(24, 020666, 4);
  put(48, 0, 8);
  put(40, 0x103, 8);  // st_rdev
  EXPECT_EQ(Line("newfstatat", {0, 0x1000, 0x7ffc0000, 0x1000}, 0).str(1, "").bytes(2, st, 144, true).xlat(kVerbose).text(),
            R"(newfstatat(0, "", {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, 0x3) */, ...}, 0x1000 /* AT_EMPTY_PATH */) = 0)");
}

// strace 6.1 on iproute2-like netlink sockets, sigtimedwait and times() of a busy process.
// strace 6.1: `ionice -c 2 -n 7 true`, `ionice -c 3 true`, and a program calling ioprio_get and
// sched_getscheduler on itself.
TEST(DecodeArgs, IoPrioritiesAndSchedulingPolicies) {
  EXPECT_EQ(Line("ioprio_set", {1, 0, 0x4007}, 0).text(),
            "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 7)) = 0");
  EXPECT_EQ(Line("ioprio_set", {1, 0, 0x6007}, 0).text(),
            "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) = 0");
  EXPECT_EQ(Line("ioprio_get", {1, 0}, 0).text(),
            "ioprio_get(IOPRIO_WHO_PROCESS, 0)       = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
  EXPECT_EQ(Line("sched_getscheduler", {0}, 0).text(), "sched_getscheduler(0)                   = 0 (SCHED_OTHER)");
}

// strace 6.1 on a program calling syslog with each action (and dmesg's READ_ALL).
TEST(DecodeArgs, SyslogShowsTheArgumentsItsActionUses) {
  EXPECT_EQ(Line("syslog", {10, 0, 0}, 131072).text(), "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072");
  EXPECT_EQ(Line("syslog", {0, 0, 0}, 0).text(), "syslog(0 /* SYSLOG_ACTION_CLOSE */)     = 0");
  EXPECT_EQ(Line("syslog", {8, 0, 7}, 0).text(), "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 7 /* LOGLEVEL_DEBUG */) = 0");
  EXPECT_EQ(Line("syslog", {2, 0, 0}, -22).text(), "syslog(2 /* SYSLOG_ACTION_READ */, NULL, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(Line("syslog", {3, 0x7ffd0000, 64}, 52).bytes(1, "<6>[26534.732593] idle-reclaim (more of it", 52, true).text(),
            "syslog(3 /* SYSLOG_ACTION_READ_ALL */, \"<6>[26534.732593] idle-reclaim (\"..., 64) = 52");
  EXPECT_EQ(Line("syslog", {99, 0x7ffd6431a7c0, 8}, -22).text(),
            "syslog(99 /* SYSLOG_ACTION_??? */, 0x7ffd6431a7c0, 8) = -1 EINVAL (Invalid argument)");
}

// strace 6.1, ps -p 1 (procps asks for the NUMA policy at start):
TEST(DecodeArgs, NumaPoliciesAndNodeMasks) {
  std::string zeros16;
  for (int k = 0; k < 16; ++k) zeros16 += k ? ", 0000000000000000" : "0000000000000000";
  std::string mask(128, '\0');
  EXPECT_EQ(Line("get_mempolicy", {0x7ffd0000, 0x7ffd1000, 1025, 0, 0}, 0)
                .bytes(0, raw<std::int32_t>(0), 4, true)
                .bytes(1, mask, 1025, true)
                .text(),
            "get_mempolicy([MPOL_DEFAULT], [" + zeros16 + "], 1025, NULL, 0) = 0");
  mask[0] = 1;
  EXPECT_EQ(Line("set_mempolicy", {5, 0x7ffd1000, 1024}, 0).bytes(1, mask, 1024).text(),
            "set_mempolicy(MPOL_PREFERRED_MANY, [0x00000000000001" + zeros16.substr(16) + "], 1024) = 0");
  EXPECT_EQ(Line("set_mempolicy", {0, 0, 0}, 0).text(), "set_mempolicy(MPOL_DEFAULT, NULL, 0)    = 0");
}

// strace 6.1 on this kernel (0x3ff) prints the same names, then "|0x200" for the one it predates
// (MEMBARRIER_CMD_GET_REGISTRATIONS); the set below is the one both name in full.
TEST(DecodeArgs, MembarrierTakesTwoArgumentsAndQueryReturnsASet) {
  EXPECT_EQ(Line("membarrier", {0, 0, 0}, 0x1ff).text(),
            "membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x1ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|"
            "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ)");
  EXPECT_EQ(Line("membarrier", {8, 0, 0}, -1).text(),
            "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0) = -1 EPERM (Operation not permitted)");
}

TEST(DecodeArgs, NetlinkSockoptsSigtimedwaitAndTimes) {
  EXPECT_EQ(Line("setsockopt", {3, 270, 11, 0x1000, 4}, 0).bytes(3, raw<std::int32_t>(1), 4).bytes(3, raw<std::int32_t>(1), 32).text(),
            "setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
  EXPECT_EQ(Line("setsockopt", {3, 270, 12, 0x1000, 4}, 0).bytes(3, raw<std::int32_t>(1), 4).bytes(3, raw<std::int32_t>(1), 32).text(),
            "setsockopt(3, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0");
  EXPECT_EQ(Line("setsockopt", {3, 270, 1, 0x1000, 4}, 0).bytes(3, raw<std::int32_t>(1), 4).bytes(3, raw<std::int32_t>(1), 32).text(),
            "setsockopt(3, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, [1], 4) = 0");
  EXPECT_EQ(Line("setsockopt", {3, 270, 13, 0x1000, 4}, -92).bytes(3, raw<std::int32_t>(1), 4).bytes(3, raw<std::int32_t>(1), 32).text(),
            "setsockopt(3, SOL_NETLINK, 0xd /* NETLINK_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(Line("getsockopt", {3, 270, 5, 0x1000, 0x2000}, 0)
                .bytes(4, raw<std::int32_t>(4), 4)
                .bytes(4, raw<std::int32_t>(4), 4, true)
                .bytes(3, raw<std::int32_t>(1), 4, true)
                .text(),
            "getsockopt(3, SOL_NETLINK, NETLINK_NO_ENOBUFS, [1], [4]) = 0");
  const std::string set = raw<std::uint64_t>((1ull << 11) | (1ull << 34));  // USR2, RT_3
  EXPECT_EQ(Line("rt_sigtimedwait", {0x1000, 0, 0, 8}, 35).bytes(0, set, 8).text(),
            "rt_sigtimedwait([USR2 RT_3], NULL, NULL, 8) = 35 (SIGRT_3)");
  std::array<std::int64_t, 2> zero{0, 0};
  EXPECT_EQ(Line("rt_sigtimedwait", {0x1000, 0x7fff0bceac20, 0x2000, 8}, -11).bytes(0, set, 8).bytes(2, raw(zero), 16).text(),
            "rt_sigtimedwait([USR2 RT_3], 0x7fff0bceac20, {tv_sec=0, tv_nsec=0}, 8) = -1 EAGAIN (Resource temporarily unavailable)");
  std::array<std::int64_t, 4> busy{6, 109, 0, 0}, child{6, 110, 3, 21};
  EXPECT_EQ(Line("times", {0x1000}, 1720829029).bytes(0, raw(busy), 32, true).text(),
            "times({tms_utime=6 /* 0.06 s */, tms_stime=109 /* 1.09 s */, tms_cutime=0, tms_cstime=0}) = 1720829029");
  EXPECT_EQ(Line("times", {0x1000}, 1720829952).bytes(0, raw(child), 32, true).xlat(TextOptions::Xlat::Raw).text(),
            "times({tms_utime=6, tms_stime=110, tms_cutime=3, tms_cstime=21}) = 1720829952");
  EXPECT_EQ(Line("times", {0x1000}, 1720828594).bytes(0, std::string(32, '\0'), 32, true).text(),
            "times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1720828594");
}

}  // namespace
}  // namespace etrace
