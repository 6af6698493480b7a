// What a traced program controls (its name, its file and socket names, its strings) reaches the
// operator escaped on every output path; and the small output rules around it: -Y's names as of
// each call, the pid from the first line of a many-process trace, whole 4095-byte paths, -p of a
// kernel thread refused.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "harness.h"

namespace etrace::it {
namespace {

const std::string kStrace = "/usr/bin/strace";

::testing::AssertionResult all_printable(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != '\n' && (c < 0x20 || c >= 0x7f))
      return ::testing::AssertionFailure() << "raw byte " << int(c) << " at " << i << " in:\n" << text;
  }
  return ::testing::AssertionSuccess();
}

std::vector<std::string> squeezed(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : lines_of(text)) out.push_back(squeeze(l));
  return out;
}

// -Y: the name as the program set it, escaped as strace escapes it, on the terminal and in -o
// files; the names as of each call, though execve is outside the trace set and the program
// renames itself between the calls.
TEST(OutputSafety, CommandNamesAreEscapedAndCurrent) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("comm.txt");
  auto to_file = run({etrace_bin(), "--always-show-pid", "-Y", "-e", "trace=getpid", "-o", out, prog("hostile_names")});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  auto on_terminal = run({etrace_bin(), "--always-show-pid", "-Y", "-e", "trace=getpid", prog("hostile_names")});
  ASSERT_EQ(on_terminal.exit_code, 0) << on_terminal.err;
  const std::string file_text = read_file(out);
  unlink(out.c_str());
  EXPECT_TRUE(all_printable(file_text));
  EXPECT_TRUE(all_printable(on_terminal.err));
  // The program printed the lines it expects (bracket style); -o shows "PID<name> " instead.
  const auto wanted = lines_of(on_terminal.out);
  ASSERT_EQ(wanted.size(), 2u);
  EXPECT_TRUE(contains_in_order(squeezed(on_terminal.err), wanted));
  std::vector<std::string> wanted_in_file;
  for (const auto& w : lines_of(to_file.out))
    wanted_in_file.push_back(std::regex_replace(w, std::regex(R"(^\[pid +(\d+)(<.*>)\] )"), "$1$2 "));
  ASSERT_EQ(wanted_in_file.size(), 2u);
  EXPECT_TRUE(contains_in_order(squeezed(file_text), wanted_in_file)) << file_text;
}

// -y and -yy: a file and a unix socket named with control sequences, as strace shows them.
TEST(OutputSafety, FdPathsAndSocketNamesMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  if (access(kStrace.c_str(), X_OK) != 0) GTEST_SKIP() << "needs strace";
  const std::string dir = temp_path("names");
  std::filesystem::create_directory(dir);
  for (const char* y : {"-y", "-yy"}) {
    const std::vector<std::string> args{y, "-e", "trace=fsync,getsockname", prog("hostile_names"), "files", dir};
    std::vector<std::string> s{kStrace}, e{etrace_bin()};
    s.insert(s.end(), args.begin(), args.end());
    e.insert(e.end(), args.begin(), args.end());
    auto sr = run(s), er = run(e);
    ASSERT_EQ(er.exit_code, 0) << er.err;
    EXPECT_TRUE(all_printable(er.err));
    std::vector<std::string> se = squeezed(sr.err), ee = squeezed(er.err);
    // Socket inodes differ from run to run.
    for (auto* v : {&se, &ee})
      for (auto& l : *v) l = std::regex_replace(l, std::regex(R"(\[\d+)"), "[INO");
    EXPECT_EQ(se, ee) << "strace:\n" << sr.err << "etrace:\n" << er.err;
    EXPECT_NE(er.err.find("\\33[2Jx\\n>"), std::string::npos) << er.err;
  }
  std::filesystem::remove_all(dir);
}

// JSON: the same names, and a failed call's ret_raw, as the schema says.
TEST(OutputSafety, JsonIsAsciiAndKeepsMinusErrno) {
  ETRACE_REQUIRE_ROOT();
  const std::string dir = temp_path("json");
  std::filesystem::create_directory(dir);
  auto r = run({etrace_bin(), "--json", "-yy", "-e", "trace=openat,fsync,getsockname,access", prog("hostile_names"),
                "files", dir});
  std::filesystem::remove_all(dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(all_printable(r.err));
  EXPECT_NE(r.err.find(R"(f\u001b[2Jx\n)"), std::string::npos) << r.err;
  auto failed = run({etrace_bin(), "--json", "-e", "trace=access", prog("basic_io")});
  EXPECT_NE(failed.err.find(R"("ret":-1,"ret_raw":-2,"error":"ENOENT")"), std::string::npos) << failed.err;
}

// strace shows a 4095-byte path whole, and a longer one as its first 4095 bytes and "...".
TEST(OutputSafety, LongestPathIsWholeAsInStrace) {
  ETRACE_REQUIRE_ROOT();
  if (access(kStrace.c_str(), X_OK) != 0) GTEST_SKIP() << "needs strace";
  auto sr = run({kStrace, "-e", "trace=access", prog("hostile_names"), "paths"});
  auto er = run({etrace_bin(), "-e", "trace=access", prog("hostile_names"), "paths"});
  ASSERT_EQ(er.exit_code, 0) << er.err;
  const auto se = squeezed(sr.err), ee = squeezed(er.err);
  EXPECT_EQ(se, ee);
  std::vector<std::string> long_ones;  // the program's own two calls, after the loader's
  for (const auto& l : ee)
    if (l.rfind("access(\"/./", 0) == 0) long_ones.push_back(l);
  ASSERT_EQ(long_ones.size(), 2u) << er.err;
  std::string path;  // "/./././.../", as the program builds it
  for (int i = 0; i < 4095; ++i) path.push_back(i % 2 ? '.' : '/');
  EXPECT_EQ(long_ones[0], "access(\"" + path + "\", F_OK) = 0");
  // One byte longer: the same first 4095 bytes, then the mark.
  EXPECT_EQ(long_ones[1], "access(\"" + path + "\"..., F_OK) = -1 ENAMETOOLONG (File name too long)");
}

// --comm (as --system-wide and --cgroup): the very first line carries its pid.
TEST(OutputSafety, CommTraceHasThePidFromTheFirstLine) {
  ETRACE_REQUIRE_ROOT();
  const std::string name = "etr-" + std::to_string(getpid() % 100000);
  Background target({prog("hostile_names"), "tick", name});
  const std::string out = temp_path("comm-pid.txt");
  Background tracer({etrace_bin(), "--comm", name, "-e", "trace=getppid", "-o", out});
  for (int i = 0; i < 600 && lines_of(read_file(out)).size() < 3; ++i) usleep(50 * 1000);
  tracer.signal(SIGINT);
  EXPECT_NE(tracer.wait(30), -1);
  const auto lines = lines_of(read_file(out));
  unlink(out.c_str());
  ASSERT_GE(lines.size(), 3u);
  const std::string pid = std::to_string(target.pid());
  for (const auto& l : lines)
    EXPECT_TRUE(l.rfind(pid + " ", 0) == 0 || l.find("detached") != std::string::npos) << l;
}

// strace: "attach: ptrace(PTRACE_SEIZE, 2): Operation not permitted". A kernel thread makes no
// system calls: refused in one line, nothing announced as attached.
TEST(OutputSafety, KernelThreadIsRefused) {
  ETRACE_REQUIRE_ROOT();
  std::string stat = read_file("/proc/2/stat");
  if (stat.find("(kthreadd)") == std::string::npos) GTEST_SKIP() << "pid 2 is not kthreadd here";
  auto r = run({etrace_bin(), "-p", "2"}, 20);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "etrace: attach: pid 2 is a kernel thread, which makes no system calls (choose a user process)\n");
}

// Error messages that echo an argument do not pass its control bytes through.
TEST(OutputSafety, ErrorsEchoArgumentsEscaped) {
  auto r = run({etrace_bin(), "-u", "\x1b]0;T\a\x1b[2J", "true"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(all_printable(r.err));
  auto e = run({etrace_bin(), "-e", "trace=\x1b[2J", "true"});
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_TRUE(all_printable(e.err));
  EXPECT_EQ(lines_of(e.err).size(), 1u) << e.err;
}

}  // namespace
}  // namespace etrace::it
