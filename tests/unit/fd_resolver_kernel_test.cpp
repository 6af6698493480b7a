// FdResolver with the kernel's fd views (-y: ETRACE_PL_FDINFO payloads) for processes that are
// gone before their lines print: the fake /proc knows nothing of them. Expected decorations are
// strace 6.1's on this machine, from `strace -f -yy` of the same programs (tcp, unix, events of
// scripts/compare-with-strace.sh, and sh -c 'ls / | wc -l'), inode numbers from those runs.
#include <fcntl.h>

#include <functional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "fake_procfs.h"
#include "fdinfo_payloads.h"
#include "proc/fd_resolver.h"

namespace etrace {
namespace {

using namespace etrace::testing;

constexpr std::uint32_t kPid = 5568;
constexpr std::uint32_t kChild = 5569;

SyscallCall call(std::uint32_t tgid, std::initializer_list<std::int64_t> args, std::int64_t ret,
                 std::vector<Payload> pl = {}) {
  SyscallCall c;
  c.tgid = c.tid = tgid;
  int i = 0;
  for (auto a : args) c.args[i++] = static_cast<std::uint64_t>(a);
  c.ret = ret;
  c.payloads = std::move(pl);
  return c;
}

class FdResolverKernelTest : public ::testing::Test {
 protected:
  void make(int level) { r = std::make_unique<FdResolver>(fs, FdResolverOptions{level, true}); }

  static std::string shown(std::int64_t fd, const std::string& deco) {
    return deco.empty() ? std::to_string(fd) : fmt::format("{}<{}>", fd, deco);
  }
  std::string fd(std::uint32_t tgid, std::int64_t n) { return shown(n, r->describe(tgid, n)); }
  std::string result_fd(std::uint32_t tgid, std::int64_t n) { return shown(n, r->describe_result(tgid, n)); }

  // The pipeline's order: observe, format the line, apply the call's effects.
  std::string line(std::string_view name, const SyscallCall& c, const std::function<std::string()>& format) {
    const SyscallInfo* info = SyscallTable::native().by_name(name);
    EXPECT_NE(info, nullptr) << name;
    r->observe(info, c);
    std::string text = format();
    r->observe_after(info, c);
    return text;
  }
  // A call whose line shows its fd argument 0 and, when it made one, its fd result.
  std::string fd_line(std::string_view name, const SyscallCall& c) {
    return line(name, c, [&] {
      std::string s = fmt::format("{}({})", name, fd(c.tgid, static_cast<std::int64_t>(c.args[0])));
      const SyscallInfo* info = SyscallTable::native().by_name(name);
      if (info->spec->ret == RetKind::Fd) s += " = " + result_fd(c.tgid, c.ret);
      return s;
    });
  }

  FakeProcFs fs;
  std::unique_ptr<FdResolver> r;
};

// The tcp program: a listener, a forked client, both gone before anything prints.
TEST_F(FdResolverKernelTest, TcpServerAndClientFromTheKernelAlone) {
  make(2);
  const FdView unbound = inet_view(168360, AF_INET, SOCK_STREAM, nullptr, 0);
  const FdView bound = inet_view(168360, AF_INET, SOCK_STREAM, "127.0.0.1", 23461);
  const FdView accepted = inet_view(168367, AF_INET, SOCK_STREAM, "127.0.0.1", 23461, "127.0.0.1", 52640);
  std::vector<std::string> lines;
  lines.push_back(line("socket", call(kPid, {AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0}, 3, {created(3, unbound)}),
                       [&] { return "socket() = " + result_fd(kPid, 3); }));
  lines.push_back(fd_line("setsockopt", call(kPid, {3, SOL_SOCKET, SO_REUSEADDR}, 0, {at_entry(0, 3, unbound)})));
  lines.push_back(fd_line("bind", call(kPid, {3, 0, 16}, 0, {at_entry(0, 3, unbound)})));
  lines.push_back(fd_line("listen", call(kPid, {3, 4}, 0, {at_entry(0, 3, bound)})));
  r->on_fork(kPid, kChild);
  lines.push_back(fd_line("accept4", call(kPid, {3, 0, 0, SOCK_CLOEXEC}, 4, {at_entry(0, 3, bound), created(4, accepted)})));
  lines.push_back(fd_line("recvfrom", call(kPid, {4, 0, 64}, 16, {at_entry(0, 4, accepted)})));
  lines.push_back(fd_line("close", call(kPid, {3}, 0, {at_entry(0, 3, bound)})));

  const FdView client0 = inet_view(168366, AF_INET, SOCK_STREAM, nullptr, 0);
  const FdView client = inet_view(168366, AF_INET, SOCK_STREAM, "127.0.0.1", 52640, "127.0.0.1", 23461);
  lines.push_back(line("socket", call(kChild, {AF_INET, SOCK_STREAM, IPPROTO_TCP}, 4, {created(4, client0)}),
                       [&] { return "socket() = " + result_fd(kChild, 4); }));
  lines.push_back(fd_line("connect", call(kChild, {4, 0, 16}, 0, {at_entry(0, 4, client0)})));
  lines.push_back(fd_line("sendto", call(kChild, {4, 0, 16}, 16, {at_entry(0, 4, client)})));
  r->on_exit(kChild);
  r->on_exit(kPid);

  EXPECT_EQ(lines, (std::vector<std::string>{
                       "socket() = 3<TCP:[168360]>",
                       "setsockopt(3<TCP:[168360]>)",
                       "bind(3<TCP:[168360]>)",
                       "listen(3<TCP:[127.0.0.1:23461]>)",
                       "accept4(3<TCP:[127.0.0.1:23461]>) = 4<TCP:[127.0.0.1:23461->127.0.0.1:52640]>",
                       "recvfrom(4<TCP:[127.0.0.1:23461->127.0.0.1:52640]>)",
                       "close(3<TCP:[127.0.0.1:23461]>)",
                       "socket() = 4<TCP:[168366]>",
                       "connect(4<TCP:[168366]>)",
                       "sendto(4<TCP:[127.0.0.1:52640->127.0.0.1:23461]>)",
                   }));
  EXPECT_EQ(fs.link_reads, 1);  // the cwd, once (the child inherits it); no /proc/PID/fd per line
}

// strace keeps the details it first found for an inode: a UDP socket seen bound by sendto's
// autobind still shows that after connect():
//   sendto(3<UDP:[175186]>, ...); setsockopt(3<UDP:[0.0.0.0:52999]>, ...);
//   connect(3<UDP:[0.0.0.0:52999]>, ...); setsockopt(3<UDP:[0.0.0.0:52999]>, ...)
TEST_F(FdResolverKernelTest, SocketDetailsAreKeptPerInodeAsStraceDoes) {
  make(2);
  const FdView fresh = inet_view(175186, AF_INET, SOCK_DGRAM, nullptr, 0);
  const FdView autobound = inet_view(175186, AF_INET, SOCK_DGRAM, "0.0.0.0", 52999);
  const FdView connected = inet_view(175186, AF_INET, SOCK_DGRAM, "127.0.0.1", 52999, "127.0.0.1", 9);
  line("socket", call(kPid, {AF_INET, SOCK_DGRAM, 0}, 3, {created(3, fresh)}), [] { return ""; });
  EXPECT_EQ(fd_line("sendto", call(kPid, {3, 0, 1}, 1, {at_entry(0, 3, fresh)})), "sendto(3<UDP:[175186]>)");
  EXPECT_EQ(fd_line("setsockopt", call(kPid, {3}, 0, {at_entry(0, 3, autobound)})),
            "setsockopt(3<UDP:[0.0.0.0:52999]>)");
  EXPECT_EQ(fd_line("connect", call(kPid, {3, 0, 16}, 0, {at_entry(0, 3, autobound)})),
            "connect(3<UDP:[0.0.0.0:52999]>)");
  EXPECT_EQ(fd_line("setsockopt", call(kPid, {3}, 0, {at_entry(0, 3, connected)})),
            "setsockopt(3<UDP:[0.0.0.0:52999]>)");
}

// sh -c 'ls / | wc -l', every process gone before printing; fds 0-2 inherited from etrace.
//   pipe2([3<pipe:[178334]>, 4<pipe:[178334]>], 0) = 0
//   dup2(4<pipe:[178334]>, 1</dev/null<char 1:3>>) = 1<pipe:[178334]>     (the ls child)
//   write(1<pipe:[178334]>, "bin\nboot\n..."..., 157) = 157
//   dup2(3<pipe:[178334]>, 0</dev/null<char 1:3>>) = 0<pipe:[178334]>     (the wc child)
TEST_F(FdResolverKernelTest, ShellPipelineBetweenShortLivedProcesses) {
  fs.links["/proc/1/fd/0"] = "/dev/null";
  fs.links["/proc/1/fd/1"] = "/dev/null";
  make(2);
  r->inherit_from_proc(kPid, 1);
  const FdView pipe = pipe_view(178334);
  const FdView null = chr_view(5, 1, 3);
  auto p2 = call(kPid, {0, 0}, 0, {fd_pair(0, 3, 4), created(3, pipe), created(4, pipe)});
  EXPECT_EQ(line("pipe2", p2, [&] { return fd(kPid, 3) + " " + fd(kPid, 4); }),
            "3<pipe:[178334]> 4<pipe:[178334]>");
  r->on_fork(kPid, kChild);
  r->on_fork(kPid, kChild + 1);
  EXPECT_EQ(fd_line("close", call(kPid, {4}, 0, {at_entry(0, 4, pipe)})), "close(4<pipe:[178334]>)");

  auto dup_ls = call(kChild, {4, 1}, 1, {at_entry(0, 4, pipe), at_entry(1, 1, null), created(1, pipe)});
  EXPECT_EQ(line("dup2", dup_ls, [&] { return fd(kChild, 4) + " " + fd(kChild, 1) + " = " + result_fd(kChild, 1); }),
            "4<pipe:[178334]> 1</dev/null<char 1:3>> = 1<pipe:[178334]>");
  EXPECT_EQ(fd_line("write", call(kChild, {1, 0, 157}, 157, {at_entry(0, 1, pipe)})), "write(1<pipe:[178334]>)");
  auto dup_wc = call(kChild + 1, {3, 0}, 0, {at_entry(0, 3, pipe), at_entry(1, 0, null), created(0, pipe)});
  EXPECT_EQ(line("dup2", dup_wc,
                 [&] { return fd(kChild + 1, 3) + " " + fd(kChild + 1, 0) + " = " + result_fd(kChild + 1, 0); }),
            "3<pipe:[178334]> 0</dev/null<char 1:3>> = 0<pipe:[178334]>");
  EXPECT_EQ(fd_line("read", call(kChild + 1, {0, 0, 16320}, 157, {at_entry(0, 0, pipe)})), "read(0<pipe:[178334]>)");
}

// The events program: fcntl(3<pipe:[168452]>, F_DUPFD_CLOEXEC, 10) = 10<pipe:[168452]>;
// dup2(10<pipe:[168452]>, 20) = 20<pipe:[168452]> (20 was not open: bare, though the call made it);
// close(20<pipe:[168452]>) = 0; epoll_wait(5<anon_inode:[eventpoll]>, ...)
TEST_F(FdResolverKernelTest, DupsAndAnonInodesOfAGoneProcess) {
  make(1);
  const FdView pipe = pipe_view(168452);
  // fcntl's result is an fd only for F_DUPFD*: no FDINFO for it; the table learns it from fd 3.
  auto fc = call(kPid, {3, F_DUPFD_CLOEXEC, 10}, 10, {at_entry(0, 3, pipe)});
  EXPECT_EQ(line("fcntl", fc, [&] { return fd(kPid, 3) + " = " + result_fd(kPid, 10); }),
            "3<pipe:[168452]> = 10<pipe:[168452]>");
  auto d2 = call(kPid, {10, 20}, 20, {at_entry(0, 10, pipe), created(20, pipe)});
  EXPECT_EQ(line("dup2", d2, [&] { return fd(kPid, 10) + " " + fd(kPid, 20) + " = " + result_fd(kPid, 20); }),
            "10<pipe:[168452]> 20 = 20<pipe:[168452]>");
  EXPECT_EQ(fd_line("close", call(kPid, {20}, 0, {at_entry(0, 20, pipe)})), "close(20<pipe:[168452]>)");
  // An fd the trace never saw created (epoll_create1 filtered out, say).
  auto ew = call(kPid, {5, 0, 4, 100}, 1, {at_entry(0, 5, anon_view(9, "[eventpoll]"))});
  EXPECT_EQ(fd_line("epoll_wait", ew), "epoll_wait(5<anon_inode:[eventpoll]>)");
}

// The table believed fd 5 was /etc/passwd (its close was not seen); the kernel says it is a
// pipe now, and its word wins. A regular file the kernel reports keeps the table's path.
TEST_F(FdResolverKernelTest, KernelViewCorrectsAStaleTable) {
  make(1);
  Payload path;
  path.arg = 1;
  path.type = ETRACE_PL_STRING;
  path.bytes = "/etc/passwd";
  FdView reg;
  reg.raw.ino = 1234;
  reg.raw.mode = S_IFREG | 0644;
  reg.raw.magic = 0xEF53;
  line("openat", call(kPid, {AT_FDCWD, 0, O_RDONLY}, 5, {path, created(5, reg)}), [] { return ""; });
  EXPECT_EQ(fd_line("read", call(kPid, {5, 0, 10}, 10, {at_entry(0, 5, reg)})), "read(5</etc/passwd>)");
  EXPECT_EQ(fd_line("read", call(kPid, {5, 0, 10}, 10, {at_entry(0, 5, pipe_view(777))})), "read(5<pipe:[777]>)");
}

// The unix program: the client's peer has no inode until the server accepts (the kernel says
// UNIX-STREAM:[169278] then); once the accepted end was seen, strace's line for the client is
//   write(6<UNIX-STREAM:[169278->168415]>, "over a path", 11) = 11
TEST_F(FdResolverKernelTest, UnixClientLearnsItsPeerFromTheAcceptedEnd) {
  make(2);
  const FdView client = unix_view(169278, SOCK_STREAM, 0, {}, true);
  EXPECT_EQ(fd_line("write", call(kChild, {6, 0, 11}, 11, {at_entry(0, 6, client)})),
            "write(6<UNIX-STREAM:[169278]>)");
  const FdView listener = unix_view(168407, SOCK_STREAM, 0, std::string("unix-sock\0", 10));
  const FdView accepted = unix_view(168415, SOCK_STREAM, 169278, std::string("unix-sock\0", 10));
  EXPECT_EQ(fd_line("accept", call(kPid, {3, 0, 0}, 6, {at_entry(0, 3, listener), created(6, accepted)})),
            "accept(3<UNIX-STREAM:[168407,\"unix-sock\"]>) = 6<UNIX-STREAM:[168415->169278,\"unix-sock\"]>");
  EXPECT_EQ(fd_line("write", call(kChild, {6, 0, 11}, 11, {at_entry(0, 6, client)})),
            "write(6<UNIX-STREAM:[169278->168415]>)");
}

// -y: socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3<socket:[INO]>
TEST_F(FdResolverKernelTest, SocketsWithYAreTheirInode) {
  make(1);
  auto s = call(kPid, {AF_UNIX, SOCK_STREAM, 0}, 3, {created(3, unix_view(175192, SOCK_STREAM, 0))});
  EXPECT_EQ(line("socket", s, [&] { return result_fd(kPid, 3); }), "3<socket:[175192]>");
}

}  // namespace
}  // namespace etrace
