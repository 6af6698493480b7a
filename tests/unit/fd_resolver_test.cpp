// FdResolver against a fake /proc. Expected decorations are what strace 6.1 printed for the
// same calls on this machine (strace -f -y / -yy on small python3 programs).
#include "proc/fd_resolver.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstring>
#include <functional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "etrace/event.h"
#include "fake_procfs.h"
#include "fdinfo_payloads.h"

namespace etrace {
namespace {

using testing::FakeProcFs;
using testing::fd_pair;

constexpr std::uint32_t kPid = 4242;

const SyscallInfo* sc(std::string_view name) {
  const SyscallInfo* info = SyscallTable::native().by_name(name);
  EXPECT_NE(info, nullptr) << name;
  return info;
}

Payload str(int arg, std::string s) {
  Payload p;
  p.arg = static_cast<std::uint8_t>(arg);
  p.type = ETRACE_PL_STRING;
  p.bytes = std::move(s);
  return p;
}

SyscallCall call(std::initializer_list<std::int64_t> args, std::int64_t ret, std::vector<Payload> pl = {},
                 std::uint32_t tgid = kPid) {
  SyscallCall c;
  c.tgid = c.tid = tgid;
  int i = 0;
  for (auto a : args) c.args[i++] = static_cast<std::uint64_t>(a);
  c.ret = ret;
  c.payloads = std::move(pl);
  return c;
}

class FdResolverTest : public ::testing::Test {
 protected:
  void make(int level = 1, bool lifecycle_visible = true) {
    r = std::make_unique<FdResolver>(fs, FdResolverOptions{level, lifecycle_visible});
  }

  // How the text emitter shows an fd: 3</etc/passwd>, or 3 when nothing is known.
  static std::string shown(std::int64_t fd, const std::string& deco) {
    return deco.empty() ? std::to_string(fd) : fmt::format("{}<{}>", fd, deco);
  }
  std::string fd(std::int64_t n, std::uint32_t tgid = kPid) { return shown(n, r->describe(tgid, n)); }
  std::string result_fd(std::int64_t n, std::uint32_t tgid = kPid) { return shown(n, r->describe_result(tgid, n)); }

  // The pipeline's order: learn what the call created, format the line, then apply its effects.
  std::string line(std::string_view name, const SyscallCall& c, const std::function<std::string()>& format) {
    const SyscallInfo* info = sc(name);
    r->observe(info, c);
    std::string text = format();
    r->observe_after(info, c);
    return text;
  }

  FakeProcFs fs;
  std::unique_ptr<FdResolver> r;
};

// fd 3 is closed and reused, and the process is gone before anything prints
// (the fake /proc knows nothing of it). Each line must show what 3 was at that moment.
TEST_F(FdResolverTest, ShortLivedFdsKeepTheirPathAtEachLine) {
  make();
  std::vector<std::string> lines;
  auto open1 = call({AT_FDCWD, 0, O_RDONLY | O_CLOEXEC}, 3, {str(1, "/etc/passwd")});
  lines.push_back(line("openat", open1, [&] { return "openat() = " + result_fd(3); }));
  lines.push_back(line("read", call({3, 0, 4096}, 120), [&] { return "read(" + fd(3) + ")"; }));
  lines.push_back(line("close", call({3}, 0), [&] { return "close(" + fd(3) + ")"; }));
  auto open2 = call({AT_FDCWD, 0, O_RDONLY}, 3, {str(1, "/etc/hostname")});
  lines.push_back(line("openat", open2, [&] { return "openat() = " + result_fd(3); }));
  lines.push_back(line("read", call({3, 0, 4096}, 7), [&] { return "read(" + fd(3) + ")"; }));
  lines.push_back(line("close", call({3}, 0), [&] { return "close(" + fd(3) + ")"; }));
  r->on_exit(kPid);

  EXPECT_EQ(lines, (std::vector<std::string>{
                       "openat() = 3</etc/passwd>",
                       "read(3</etc/passwd>)",
                       "close(3</etc/passwd>)",
                       "openat() = 3</etc/hostname>",
                       "read(3</etc/hostname>)",
                       "close(3</etc/hostname>)",
                   }));
  EXPECT_EQ(fd(3), "3");  // gone: bare number
  EXPECT_EQ(fs.link_reads, 1);  // one attempt at /proc/PID/cwd, none per line
}

// strace: dup2(3</etc/hostname>, 4</etc/passwd>) = 4</etc/hostname>
TEST_F(FdResolverTest, Dup2OntoAnOpenFdShowsOldInArgumentsAndNewInResult) {
  make();
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 3, {str(1, "/etc/hostname")}), [] { return ""; });
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 4, {str(1, "/etc/passwd")}), [] { return ""; });
  auto text = line("dup2", call({3, 4}, 4), [&] {
    return fmt::format("dup2({}, {}) = {}", fd(3), fd(4), result_fd(4));
  });
  EXPECT_EQ(text, "dup2(3</etc/hostname>, 4</etc/passwd>) = 4</etc/hostname>");
  EXPECT_EQ(fd(4), "4</etc/hostname>");
  // dup3(3</etc/hostname>, 50, O_CLOEXEC) = 50</etc/hostname>
  text = line("dup3", call({3, 50, O_CLOEXEC}, 50), [&] {
    return fmt::format("dup3({}, 50) = {}", fd(3), result_fd(50));
  });
  EXPECT_EQ(text, "dup3(3</etc/hostname>, 50) = 50</etc/hostname>");
  // fcntl(3</etc/hostname>, F_DUPFD_CLOEXEC, 60) = 60</etc/hostname>
  text = line("fcntl", call({3, F_DUPFD_CLOEXEC, 60}, 60), [&] { return result_fd(60); });
  EXPECT_EQ(text, "60</etc/hostname>");
  line("close_range", call({50, 69, 0}, 0), [] { return ""; });
  EXPECT_EQ(fd(50), "50");
  EXPECT_EQ(fd(60), "60");
  EXPECT_EQ(fd(3), "3</etc/hostname>");
}

TEST_F(FdResolverTest, ExecDropsCloexecFdsOnly) {
  make();
  line("openat", call({AT_FDCWD, 0, O_RDONLY | O_CLOEXEC}, 3, {str(1, "/etc/passwd")}), [] { return ""; });
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 4, {str(1, "/etc/hostname")}), [] { return ""; });
  line("fcntl", call({4, F_SETFD, FD_CLOEXEC}, 0), [] { return ""; });
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 5, {str(1, "/etc/group")}), [] { return ""; });
  line("execve", call({0, 0, 0}, -ENOENT), [] { return ""; });  // failed: nothing dropped
  EXPECT_EQ(fd(3), "3</etc/passwd>");
  line("execve", call({0, 0, 0}, 0), [] { return ""; });
  EXPECT_EQ(fd(3), "3");
  EXPECT_EQ(fd(4), "4");
  EXPECT_EQ(fd(5), "5</etc/group>");
}

TEST_F(FdResolverTest, ForkedChildInheritsThenDiverges) {
  make();
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 3, {str(1, "/etc/passwd")}), [] { return ""; });
  r->on_fork(kPid, kPid + 1);
  line("close", call({3}, 0, {}, kPid + 1), [] { return ""; });
  line("openat", call({AT_FDCWD, 0, O_RDONLY}, 3, {str(1, "/etc/group")}, kPid + 1), [] { return ""; });
  EXPECT_EQ(fd(3, kPid + 1), "3</etc/group>");
  EXPECT_EQ(fd(3, kPid), "3</etc/passwd>");
  r->on_exit(kPid + 1);
  EXPECT_EQ(fd(3, kPid + 1), "3");
}

// strace: chdir("/usr") = 0, then openat(AT_FDCWD</usr>, "lib", O_RDONLY|O_CLOEXEC) = 7</usr/lib>;
// /usr/share/locale/locale.alias is a symlink and strace shows 3</etc/locale.alias>.
TEST_F(FdResolverTest, RelativePathsFollowCwdAndSymlinksAreResolved) {
  fs.links[fmt::format("/proc/{}/cwd", kPid)] = "/tmp/fds";
  fs.real_paths["/usr/share/locale/locale.alias"] = "/etc/locale.alias";
  fs.real_paths["/usr"] = "/usr";
  fs.real_paths["/usr/lib"] = "/usr/lib";
  make();
  auto alias = call({AT_FDCWD, 0, O_RDONLY | O_CLOEXEC}, 3, {str(1, "/usr/share/locale/locale.alias")});
  EXPECT_EQ(line("openat", alias, [&] { return fmt::format("openat({}) = {}", fd(AT_FDCWD), result_fd(3)); }),
            "openat(-100</tmp/fds>) = 3</etc/locale.alias>");
  line("chdir", call({0}, 0, {str(0, "/usr")}), [] { return ""; });
  auto lib = call({AT_FDCWD, 0, O_RDONLY | O_CLOEXEC}, 7, {str(1, "lib")});
  EXPECT_EQ(line("openat", lib, [&] { return fmt::format("openat({}) = {}", fd(AT_FDCWD), result_fd(7)); }),
            "openat(-100</usr>) = 7</usr/lib>");
  // Relative to a dirfd, with ".." and a file that no longer exists (realpath fails).
  auto rel = call({7, 0, O_RDONLY}, 8, {str(1, "../share/./gone.txt")});
  EXPECT_EQ(line("openat", rel, [&] { return result_fd(8); }), "8</usr/share/gone.txt>");
}

// Paths as strace -y escaped them: a>b, "q\"t", "nl\nx", "caf\303\251", "lt<x", "x\177".
TEST_F(FdResolverTest, PathsAreEscapedLikeStrace) {
  make();
  const std::pair<std::string, std::string> cases[] = {
      {"/tmp/fds/a>b", "/tmp/fds/a\\76b"},          {"/tmp/fds/q\"t", "/tmp/fds/q\\\"t"},
      {"/tmp/fds/nl\nx", "/tmp/fds/nl\\nx"},        {"/tmp/fds/caf\xc3\xa9", "/tmp/fds/caf\\303\\251"},
      {"/tmp/fds/sp ace", "/tmp/fds/sp ace"},       {"/tmp/fds/back\\sl", "/tmp/fds/back\\\\sl"},
      {"/tmp/fds/tab\tx", "/tmp/fds/tab\\tx"},      {"/tmp/fds/lt<x", "/tmp/fds/lt\\74x"},
      {"/tmp/fds/x\x7f", "/tmp/fds/x\\177"},
  };
  for (const auto& [path, want] : cases) {
    line("openat", call({AT_FDCWD, 0, O_WRONLY | O_CREAT}, 3, {str(1, path)}), [] { return ""; });
    EXPECT_EQ(r->describe(kPid, 3), want);
    line("close", call({3}, 0), [] { return ""; });
  }
}

TEST_F(FdResolverTest, UntracedFdsComeFromProcOnce) {
  fs.links[fmt::format("/proc/{}/fd/1", kPid)] = "pipe:[7479]";
  fs.links[fmt::format("/proc/{}/fd/0", kPid)] = "/dev/null";
  fs.links[fmt::format("/proc/{}/fd/9", kPid)] = "anon_inode:[eventpoll]";
  fs.stats[fmt::format("/proc/{}/fd/0", kPid)] = FileStat{S_IFCHR | 0666, makedev(1, 3), 5};
  make(2);
  EXPECT_EQ(fd(1), "1<pipe:[7479]>");
  EXPECT_EQ(fd(0), "0</dev/null<char 1:3>>");  // strace -yy
  EXPECT_EQ(fd(9), "9<anon_inode:[eventpoll]>");
  int reads = fs.link_reads;
  fs.links[fmt::format("/proc/{}/fd/1", kPid)] = "pipe:[1]";
  EXPECT_EQ(fd(1), "1<pipe:[7479]>");
  EXPECT_EQ(fs.link_reads, reads);
  EXPECT_EQ(fd(17), "17");  // not open, nothing known
}

TEST_F(FdResolverTest, FilteredTraceRereadsProc) {
  fs.links[fmt::format("/proc/{}/fd/3", kPid)] = "/etc/passwd";
  make(1, /*lifecycle_visible=*/false);
  EXPECT_EQ(fd(3), "3</etc/passwd>");
  fs.links[fmt::format("/proc/{}/fd/3", kPid)] = "/etc/group";  // closed and reopened unseen
  EXPECT_EQ(fd(3), "3</etc/group>");
  fs.links.clear();  // process gone: the last thing known
  EXPECT_EQ(fd(3), "3</etc/group>");
}

// strace -y: pipe2([20<pipe:[7791]>, 21<pipe:[7791]>], O_CLOEXEC) = 0, epoll_create1(EPOLL_CLOEXEC)
// = 22<anon_inode:[eventpoll]>, eventfd2(0, EFD_CLOEXEC) = 23<anon_inode:[eventfd]>,
// memfd_create("mymem", MFD_CLOEXEC) = 24</memfd:mymem>(deleted), inotify: anon_inode:inotify.
TEST_F(FdResolverTest, PipesAndAnonymousInodes) {
  fs.links[fmt::format("/proc/{}/fd/20", kPid)] = "pipe:[7791]";
  make();
  auto pipe = call({0, O_CLOEXEC}, 0, {fd_pair(0, 20, 21)});
  EXPECT_EQ(line("pipe2", pipe, [&] { return fd(20) + " " + fd(21); }), "20<pipe:[7791]> 21<pipe:[7791]>");
  line("epoll_create1", call({O_CLOEXEC}, 22), [] { return ""; });
  line("eventfd2", call({0, O_CLOEXEC}, 23), [] { return ""; });
  line("memfd_create", call({0, 1}, 24, {str(0, "mymem")}), [] { return ""; });
  line("inotify_init1", call({0}, 25), [] { return ""; });
  EXPECT_EQ(fd(22), "22<anon_inode:[eventpoll]>");
  EXPECT_EQ(fd(23), "23<anon_inode:[eventfd]>");
  EXPECT_EQ(fd(24), "24</memfd:mymem (deleted)>");  // the text emitter moves " (deleted)" out
  EXPECT_EQ(fd(25), "25<anon_inode:inotify>");
  line("dup2", call({21, 1}, 1), [] { return ""; });
  EXPECT_EQ(fd(1), "1<pipe:[7791]>");
}

// strace -y: socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 9<socket:[9501]>
TEST_F(FdResolverTest, SocketsWithY) {
  fs.links[fmt::format("/proc/{}/fd/9", kPid)] = "socket:[9501]";
  make(1);
  EXPECT_EQ(line("socket", call({AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0}, 9), [&] { return result_fd(9); }),
            "9<socket:[9501]>");
}

// The -yy sequence strace printed for a TCP client and a unix socketpair (inodes from that run):
//   socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 4<TCP:[11006]>
//   connect(4<TCP:[11006]>, ...) = 0
//   sendto(4<TCP:[127.0.0.1:46800->127.0.0.1:40325]>, "hi", 2, 0, NULL, 0) = 2
//   socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [13<UNIX-STREAM:[11014->11015]>, 14<UNIX-STREAM:[11015->11014]>]) = 0
TEST_F(FdResolverTest, SocketEndpointsWithYY) {
  fs.links[fmt::format("/proc/{}/fd/4", kPid)] = "socket:[11006]";
  fs.links[fmt::format("/proc/{}/fd/13", kPid)] = "socket:[11014]";
  fs.links[fmt::format("/proc/{}/fd/14", kPid)] = "socket:[11015]";
  fs.files[fmt::format("/proc/{}/net/tcp", kPid)] =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
      "   3: 0100007F:B6D0 0100007F:9D85 01 00000000:00000000 00:00000000 00000000     0        0 11006 2 "
      "00000000da6a5797 20 0 0 10 -1\n";
  fs.unix_socks[11014] = UnixSockInfo{"", 11015};
  fs.unix_socks[11015] = UnixSockInfo{"", 11014};
  make(2);
  auto sock = call({AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0}, 4);
  EXPECT_EQ(line("socket", sock, [&] { return result_fd(4); }), "4<TCP:[11006]>");
  EXPECT_EQ(line("connect", call({4, 0, 16}, 0), [&] { return fd(4); }), "4<TCP:[11006]>");
  EXPECT_EQ(line("sendto", call({4, 0, 2}, 2), [&] { return fd(4); }),
            "4<TCP:[127.0.0.1:46800->127.0.0.1:40325]>");
  auto pair = call({AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, 0}, 0, {fd_pair(3, 13, 14)});
  EXPECT_EQ(line("socketpair", pair, [&] { return fd(13) + " " + fd(14); }),
            "13<UNIX-STREAM:[11014->11015]> 14<UNIX-STREAM:[11015->11014]>");
}

// A socket we did not see created: protocol from system.sockprotoname, as strace does.
TEST_F(FdResolverTest, UntracedSocketUsesSockProtoName) {
  std::string link = fmt::format("/proc/{}/fd/19", kPid);
  fs.links[link] = "socket:[11020]";
  fs.xattrs[link + "#system.sockprotoname"] = "NETLINK";
  fs.files[fmt::format("/proc/{}/net/netlink", kPid)] =
      "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
      "00000000ab7e952d 0   8777       00000000 0        0        0     2        0        11020   \n";
  make(2);
  EXPECT_EQ(fd(19), "19<NETLINK:[ROUTE:8777]>");
}

TEST_F(FdResolverTest, LifecycleListIsSortedAndKnown) {
  auto names = FdResolver::fd_lifecycle_syscalls();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (auto n : names) EXPECT_NE(SyscallTable::native().by_name(n), nullptr) << n;
}

}  // namespace
}  // namespace etrace
