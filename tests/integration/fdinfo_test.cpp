// -y / -yy for processes that are gone before their lines print: the kernel's fd views
// (ETRACE_PL_FDINFO) must give what strace -f -yy shows for the same programs, e.g.
//   pipe2([3<pipe:[178334]>, 4<pipe:[178334]>], 0) = 0
//   dup2(4<pipe:[178334]>, 1</dev/null<char 1:3>>) = 1<pipe:[178334]>
//   socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3<UNIX-STREAM:[168400->168401]>, 4<UNIX-STREAM:[168401->168400]>]) = 0
//   accept4(3<TCP:[127.0.0.1:23461]>, {...}, [16], SOCK_CLOEXEC) = 4<TCP:[127.0.0.1:23461->127.0.0.1:52640]>
#include <unistd.h>

#include <regex>

#include "harness.h"

namespace etrace::it {
namespace {

std::vector<std::string> trace_yy(const std::vector<std::string>& command) {
  const std::string out = temp_path("fdinfo");
  std::vector<std::string> argv = {etrace_bin(), "-f", "-yy", "-o", out};
  argv.insert(argv.end(), command.begin(), command.end());
  RunResult r = run(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines;
  for (auto& l : lines_of(read_file(out))) lines.push_back(squeeze(l));
  unlink(out.c_str());
  return lines;
}

// The first match of `re` in any line; its groups.
std::smatch find(const std::vector<std::string>& lines, const std::regex& re) {
  for (const auto& l : lines) {
    std::smatch m;
    if (std::regex_search(l, m, re)) return m;
  }
  return {};
}

TEST(IntegrationFdInfo, ShellPipelineShowsThePipeInEveryProcess) {
  ETRACE_REQUIRE_ROOT();
  auto lines = trace_yy({"/bin/sh", "-c", "ls / | wc -l"});
  auto pipe = find(lines, std::regex(R"(pipe2\(\[3<pipe:\[(\d+)\]>, 4<pipe:\[(\d+)\]>\], 0\) = 0)"));
  ASSERT_FALSE(pipe.empty()) << ::testing::PrintToString(lines);
  const std::string ino = pipe[1];
  EXPECT_EQ(pipe[2], ino);
  EXPECT_FALSE(find(lines, std::regex(R"(dup2\(4<pipe:\[)" + ino + R"(\]>, 1<[^>]*>+\) = 1<pipe:\[)" + ino + R"(\]>)"))
                   .empty());
  EXPECT_FALSE(find(lines, std::regex(R"(dup2\(3<pipe:\[)" + ino + R"(\]>, 0<[^>]*>+\) = 0<pipe:\[)" + ino + R"(\]>)"))
                   .empty());
  EXPECT_FALSE(find(lines, std::regex(R"(write\(1<pipe:\[)" + ino + R"(\]>, ")")).empty());
  EXPECT_FALSE(find(lines, std::regex(R"(read\(0<pipe:\[)" + ino + R"(\]>, ")")).empty());
}

TEST(IntegrationFdInfo, SocketEndpointsOfShortLivedPythonProcesses) {
  ETRACE_REQUIRE_ROOT();
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "needs /usr/bin/python3";
  const char* program =
      "import socket, os\n"
      "x, y = socket.socketpair(); x.send(b'z'); y.recv(1); x.close(); y.close()\n"
      "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1); port = s.getsockname()[1]\n"
      "pid = os.fork()\n"
      "if pid == 0:\n"
      "    c = socket.create_connection(('127.0.0.1', port)); c.sendall(b'hi'); c.close(); os._exit(0)\n"
      "a, _ = s.accept(); a.recv(10); a.close(); s.close(); os.waitpid(pid, 0)\n";
  auto lines = trace_yy({"/usr/bin/python3", "-c", program});
  auto pair = find(lines, std::regex(R"(socketpair\(AF_UNIX, SOCK_STREAM\|SOCK_CLOEXEC, 0, \[(\d+)<UNIX-STREAM:\[(\d+)->(\d+)\]>, (\d+)<UNIX-STREAM:\[(\d+)->(\d+)\]>\]\) = 0)"));
  ASSERT_FALSE(pair.empty()) << ::testing::PrintToString(lines);
  EXPECT_EQ(pair[2], pair[6]);
  EXPECT_EQ(pair[3], pair[5]);
  auto listen = find(lines, std::regex(R"(listen\((\d+)<TCP:\[127\.0\.0\.1:(\d+)\]>, 1\) = 0)"));
  ASSERT_FALSE(listen.empty()) << ::testing::PrintToString(lines);
  const std::string port = listen[2];
  // accept4 in one line, or (when it waited for the client: a slow machine) its resumed half.
  auto accepted = find(lines, std::regex(R"((?:accept4\(\d+<TCP:\[127\.0\.0\.1:)" + port +
                                         R"(\]>, |<\.\.\. accept4 resumed>).*\) = \d+<TCP:\[127\.0\.0\.1:)" + port +
                                         R"(->127\.0\.0\.1:(\d+)\]>)"));
  ASSERT_FALSE(accepted.empty()) << ::testing::PrintToString(lines);
  const std::string client_port = accepted[1];
  // The client, a forked child that exits at once: its socket as it was at each call.
  EXPECT_FALSE(find(lines, std::regex(R"(connect\(\d+<TCP:\[\d+\]>, )")).empty());
  EXPECT_FALSE(find(lines, std::regex(R"(sendto\(\d+<TCP:\[127\.0\.0\.1:)" + client_port + R"(->127\.0\.0\.1:)" +
                                      port + R"(\]>, "hi")"))
                   .empty());
}

}  // namespace
}  // namespace etrace::it
