// strace's options, run on real programs under etrace and under /usr/bin/strace with the same
// options; where the output is deterministic the two must agree line for line once pids,
// addresses and padding are normalised.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>
#include <regex>
#include <set>
#include <sstream>

#include "harness.h"

namespace etrace::it {
namespace {

const std::string kStrace = "/usr/bin/strace";

std::string normalise(const std::string& line) {
  static const std::regex addr(R"(0x[0-9a-f]{6,})"), pid(R"(\b[0-9]{3,7}\b)");
  // A child's CPU times in SIGCHLD's siginfo differ from run to run (and a slow machine makes
  // them large): their form is compared, not their value.
  static const std::regex cpu_time(R"(si_([us])time=\d+( /\* \d+\.\d\d s \*/)?)");
  std::string s = squeeze(line);
  s = std::regex_replace(s, cpu_time, "si_$1time=T");
  s = std::regex_replace(s, addr, "ADDR");
  s = std::regex_replace(s, pid, "N");
  if (s.rfind("etrace: ", 0) == 0) s = "strace: " + s.substr(8);
  if (s.rfind(kStrace + ": ", 0) == 0) s = "strace: " + s.substr(kStrace.size() + 2);  // strace names itself by argv[0]
  return s;
}

std::vector<std::string> normalised_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : lines_of(text)) out.push_back(normalise(l));
  return out;
}

struct Both {
  std::vector<std::string> strace, etrace;
  RunResult strace_run, etrace_run;
};

// Runs `args` (options then command) under strace -o and etrace -o, both started by `prefix`
// (env -i A=1: the command's environment is known).
Both trace_both(const std::vector<std::string>& args, const std::vector<std::string>& prefix = {}) {
  Both b;
  for (int which = 0; which < 2; ++which) {
    const std::string out = temp_path(which ? "etrace.txt" : "strace.txt");
    std::vector<std::string> argv = prefix;
    argv.insert(argv.end(), {which ? etrace_bin() : kStrace, "-o", out});
    argv.insert(argv.end(), args.begin(), args.end());
    (which ? b.etrace_run : b.strace_run) = run(argv);
    (which ? b.etrace : b.strace) = normalised_lines(read_file(out));
    unlink(out.c_str());
  }
  return b;
}

::testing::AssertionResult same(const Both& b) {
  if (b.strace == b.etrace) return ::testing::AssertionSuccess();
  std::string dump = "strace:\n";
  for (const auto& l : b.strace) dump += "  | " + l + "\n";
  dump += "etrace:\n";
  for (const auto& l : b.etrace) dump += "  | " + l + "\n";
  return ::testing::AssertionFailure() << dump << "etrace stderr: " << b.etrace_run.err;
}

bool have_strace() { return access(kStrace.c_str(), X_OK) == 0; }

#define REQUIRE_STRACE() \
  do {                   \
    if (!have_strace()) GTEST_SKIP() << "needs /usr/bin/strace to compare with"; \
  } while (0)

std::string text_file(const std::string& text) {
  const std::string path = temp_path("input.txt");
  FILE* f = fopen(path.c_str(), "w");
  fputs(text.c_str(), f);
  fclose(f);
  return path;
}

TEST(Options, StatusFiltersMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  for (auto status : {"-z", "-Z", "-e status=failed", "-e status=unfinished", "-e status=successful,unfinished"}) {
    std::vector<std::string> args;
    std::string s = status;
    if (s.rfind("-e ", 0) == 0) args = {"-e", s.substr(3)};
    else args = {s};
    args.insert(args.end(), {"-e", "trace=access,openat,write,close,exit_group", prog("basic_io")});
    EXPECT_TRUE(same(trace_both(args))) << status;
  }
}

TEST(Options, SyscallNumbersColumnAndLongOptionsMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  EXPECT_TRUE(same(trace_both({"-n", "-e", "trace=write,close,exit_group", prog("basic_io")})));
  EXPECT_TRUE(same(trace_both({"-a", "60", "-e", "trace=write", prog("basic_io")})));
  EXPECT_TRUE(same(trace_both({"--trace=access,close", "--syscall-number", prog("basic_io")})));
}

TEST(Options, RawVerboseAndAbbrevMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  EXPECT_TRUE(same(trace_both({"-e", "raw=write,close", "-e", "trace=write,close", prog("basic_io")})));
  EXPECT_TRUE(same(trace_both({"-e", "verbose=none", "-e", "trace=newfstatat", "cat", "/dev/null"})));
  // abbrev= without execve shows the environment in full, as -v does; verbose=none hides argv too.
  for (const char* e : {"abbrev=none", "abbrev=execve", "abbrev=all", "abbrev=!execve", "verbose=none"})
    EXPECT_TRUE(same(trace_both({"-e", e, "-e", "trace=execve", "/bin/true"}, {"/usr/bin/env", "-i", "A=1", "B=2"})))
        << e;
  // -v: whole structs (times differ from run to run, so only the shape is compared).
  auto r = run({etrace_bin(), "-v", "-e", "trace=newfstatat", "cat", "/dev/null"});
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(newfstatat\(3, "", \{st_dev=makedev\(0, 0x[0-9a-f]+\), st_ino=\d+, st_mode=S_IFCHR\|0666, st_nlink=1, st_uid=0, st_gid=0, st_blksize=\d+, st_blocks=0, st_rdev=makedev\(0x1, 0x3\), st_atime=\d+ /\* [^*]+ \*/, st_atime_nsec=\d+, st_mtime=)")))
      << r.err;
}

// The same calls with the options that change what is captured and when: -y takes inputs at
// entry, -s would cut strings (not paths), verbose=none shows structs as addresses.
TEST(Options, RewrittenArgumentsAndLocksMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  const std::string dir = temp_path("offsets");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);
  const std::vector<std::vector<std::string>> variants{{}, {"-y"}, {"-s", "5"}, {"-e", "verbose=none"}};
  for (const auto& options : variants) {
    std::vector<std::string> args = options;
    args.insert(args.end(), {"-e", "trace=getcwd,sendfile,copy_file_range,splice,fcntl", prog("offsets_locks"), dir});
    EXPECT_TRUE(same(trace_both(args))) << (options.empty() ? "" : options[0]);
  }
  rmdir(dir.c_str());
}

TEST(Options, ReadAndWriteDumpsMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  const std::string input = text_file("hello world, this is a test of hexdump\n\x01\x02 binary \xff tail\n");
  auto b = trace_both({"-e", "trace=read,write", "-e", "read=3", "-e", "write=1", "cat", input});
  EXPECT_TRUE(same(b));
  bool dumped = false;
  for (const auto& l : b.etrace) dumped = dumped || l.rfind(" | N  68 65 6c 6c 6f", 0) == 0;
  EXPECT_TRUE(dumped);
  // --json: each dump is a line of its own after its call's, the bytes in hex.
  const std::string out = temp_path("dump.json");
  auto j = run({etrace_bin(), "--json", "-o", out, "-e", "trace=read,write", "-e", "read=3", "-e", "write=1", "cat", input});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const std::string hello = "68656c6c6f20776f726c64";  // "hello world"
  int with_hello = 0;
  for (const auto& l : lines_of(read_file(out)))
    if (l.rfind("{\"type\":\"dump\"", 0) == 0 && l.find(hello) != std::string::npos) {
      ++with_hello;
      EXPECT_TRUE(l.find("\"fd\":3,") != std::string::npos || l.find("\"fd\":1,") != std::string::npos) << l;
    }
  EXPECT_EQ(with_hello, 2);  // cat's read of the input (fd 3) and its write to fd 1
  unlink(input.c_str());
}

TEST(Options, TracePathMatchesStraceByNameAndThroughFds) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  const std::string input = text_file("x\n");
  auto b = trace_both({"-P", input, "cat", input});
  EXPECT_TRUE(same(b));
  bool via_fd = false;
  for (const auto& l : b.etrace) via_fd = via_fd || l.rfind("close(3)", 0) == 0;
  EXPECT_TRUE(via_fd) << "a call on the fd that refers to the path";
  unlink(input.c_str());
}

TEST(Options, SignalAndQuietMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  EXPECT_TRUE(same(trace_both({"-f", "-e", "trace=exit_group", "-e", "signal=none", "sh", "-c", "/bin/true; :"})));
  EXPECT_TRUE(same(trace_both({"-f", "-qq", "-e", "trace=exit_group", "sh", "-c", "/bin/true; :"})));
  EXPECT_TRUE(same(trace_both({"-f", "-e", "trace=none", "-e", "signal=SIGCHLD", "sh", "-c", "/bin/true; :"})));
}

// Signals the tracee never receives as themselves: ignored ones (dropped when sent; SIGPIPE
// comes with no siginfo, an itimer's SIGALRM from the kernel) and a default-action SIGTERM
// (the kernel turns it into SIGKILL for every thread). strace shows each, after the call that
// raised it; both ways of attaching: per-syscall exit-only (a short trace set) and raw_syscalls.
TEST(Options, SignalsNeverDeliveredAsThemselvesMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  for (const char* set : {"trace=write,setitimer,kill", "trace=%signal,write,setitimer,kill,exit_group"})
    for (const char* mode : {"pipe-ignored", "alarm-ignored", "term-self"}) {
      Both b = trace_both({"-e", set, prog("signal_kinds"), mode});
      EXPECT_TRUE(same(b)) << set << " " << mode;
      EXPECT_GE(b.etrace.size(), 2u) << set << " " << mode;
    }
}

// etrace -f -o FILE -e EXPR signal_kinds MODE: the trace (empty, and a failure, if etrace failed).
std::string followed_trace(const std::string& expr, const std::string& mode) {
  const std::string out = temp_path("signals.txt");
  auto r = run({etrace_bin(), "-f", "-o", out, "-e", expr, prog("signal_kinds"), mode});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? read_file(out) : std::string();
}

// SIGKILL inside a call: the call's exit runs in the kernel, but strace (the tracee never
// stops at that exit) prints no result: "kill(N, SIGKILL) = ?".
TEST(Options, CallsEndedBySigkillMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  for (const char* set : {"trace=kill", "trace=%signal,kill,exit_group"}) {
    Both b = trace_both({"-e", set, prog("signal_kinds"), "kill-self"});
    EXPECT_TRUE(same(b)) << set;
    EXPECT_FALSE(b.etrace.empty()) << set;
  }
  // A child asleep: its sleep ends with " <unfinished ...>) = ?" (whether or not its head was
  // printed earlier), never with the ERESTART result the kernel's exit path saw.
  const std::string text = followed_trace("trace=clock_nanosleep,kill", "kill-child");
  EXPECT_NE(text.find(" <unfinished ...>) = ?"), std::string::npos) << text;
  EXPECT_EQ(text.find("ERESTART"), std::string::npos) << text;
  EXPECT_NE(text.find("+++ killed by SIGKILL +++"), std::string::npos) << text;
}

// A signal sent to a process that is already dying is dropped: strace shows no line for it.
TEST(Options, SignalsToADyingProcessAreNotShown) {
  ETRACE_REQUIRE_ROOT();
  const std::string text = followed_trace("trace=kill", "term-child");
  EXPECT_NE(text.find("--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER"), std::string::npos) << text;
  EXPECT_NE(text.find("+++ killed by SIGTERM +++"), std::string::npos) << text;
  EXPECT_EQ(text.find("--- SIGCONT"), std::string::npos) << text;
  EXPECT_NE(text.find("kill("), std::string::npos) << text;
}

// -y on an fd received with SCM_RIGHTS: new in the receiver, made by recvmsg; the kernel side
// reports it at the call's exit, so it shows what it is even after the process has gone.
TEST(Options, FdsPassedWithScmRightsMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  Both b = trace_both({"-y", "-e", "trace=recvmsg", prog("pass_fd")});
  EXPECT_TRUE(same(b));
  bool decorated = false;
  for (const auto& l : b.etrace)
    decorated = decorated || (l.find("SCM_RIGHTS, cmsg_data=[") != std::string::npos &&
                              l.find("<pipe:[N]>]}]") != std::string::npos);
  EXPECT_TRUE(decorated);
}

TEST(Options, DecodePidsShowsCommands) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("comm.txt");
  auto r = run({etrace_bin(), "-f", "-Y", "-o", out, "-e", "trace=execve,exit_group", "sh", "-c", "/bin/true; :"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(out);
  // strace -f -Y -o: "7175<true> +++ exited with 0 +++" and "7174<sh> +++ exited with 0 +++"
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\n\d+<true> \+\+\+ exited with 0 \+\+\+\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\n\d+<sh> \+\+\+ exited with 0 \+\+\+\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\n\d+<sh> execve\("/bin/true")"))) << text;
  unlink(out.c_str());
}

TEST(Options, TimeFormatsAsStrace) {
  ETRACE_REQUIRE_ROOT();
  struct Case {
    std::vector<std::string> opts;
    std::string line;  // regex for the write line, shaped after strace 6.1's
  } cases[] = {
      {{"-t"}, R"(\d\d:\d\d:\d\d write\(1, .*\) += \d+)"},
      {{"-tt"}, R"(\d\d:\d\d:\d\d\.\d{6} write\(1, .*\) += \d+)"},
      {{"-ttt"}, R"(\d{10}\.\d{6} write\(1, .*\) += \d+)"},
      {{"-r"}, R"( {4,}\d+\.\d{6} write\(1, .*\) += \d+)"},
      {{"-T"}, R"(write\(1, .*\) += \d+ <\d+\.\d{6}>)"},
      {{"-tt", "-T", "-n"}, R"(\d\d:\d\d:\d\d\.\d{6} \[   1\] write\(1, .*\) += \d+ <\d+\.\d{6}>)"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> argv{etrace_bin()};
    argv.insert(argv.end(), c.opts.begin(), c.opts.end());
    argv.insert(argv.end(), {"-e", "trace=write", "echo", "hi"});
    auto r = run(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty());
    EXPECT_TRUE(std::regex_match(lines.front(), std::regex(c.line))) << c.opts.front() << ": " << lines.front();
  }
}

TEST(Options, SummaryCountsMatchStrace) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  // Calls and errors per syscall are exact; times are not compared.
  auto b = trace_both({"-c", "-U", "name,calls,errors", "-S", "name", prog("basic_io")});
  EXPECT_TRUE(same(b));
  ASSERT_GE(b.etrace.size(), 5u);
  EXPECT_EQ(b.etrace[0], "syscall              calls    errors");
  // -z/-Z do not change what -c counts; exit_group (no return) is never counted.
  EXPECT_TRUE(same(trace_both({"-c", "-Z", "-U", "name,calls,errors", "-S", "name", prog("basic_io")})));
  EXPECT_TRUE(same(trace_both({"-C", "-z", "-U", "name,calls,errors", "-S", "name", "-e",
                               "trace=access,openat,close,exit_group", prog("basic_io")})));
  auto all = trace_both({"-c", "-e", "trace=connect", "true"});  // nothing counted: no table
  EXPECT_TRUE(same(all));
  EXPECT_TRUE(all.etrace.empty());
}

// strace's summary shows the system CPU time of calls, and with -w their wall time: a sleep
// costs almost no CPU, reading /dev/urandom a lot. Both the kernel-counted (-c) and the
// record-based (-C) summaries.
TEST(Options, SummaryTimesAreCpuTimeUnlessW) {
  ETRACE_REQUIRE_ROOT();
  if (access("/bin/sleep", X_OK) != 0 || access("/bin/dd", X_OK) != 0) GTEST_SKIP() << "needs sleep and dd";
  auto seconds_of = [](const std::string& table, const std::string& name) {
    std::smatch m;
    const std::regex row(R"(\n *[\d.]+ +([\d.]+) +\d+ +\d+ +(\d+ +)?)" + name + R"(\n)");
    return std::regex_search(table, m, row) ? std::stod(m[1].str()) : -1.0;
  };
  for (const char* mode : {"-c", "-C"}) {
    const std::string out = temp_path("cpu.txt");
    auto cpu = run({etrace_bin(), mode, "-o", out, "-e", "trace=clock_nanosleep,nanosleep", "/bin/sleep", "0.5"});
    ASSERT_EQ(cpu.exit_code, 0) << cpu.err;
    const std::string cpu_table = read_file(out);
    auto wall = run({etrace_bin(), mode, "-w", "-o", out, "-e", "trace=clock_nanosleep,nanosleep", "/bin/sleep", "0.5"});
    ASSERT_EQ(wall.exit_code, 0) << wall.err;
    const std::string wall_table = read_file(out);
    const std::string name = cpu_table.find("clock_nanosleep") != std::string::npos ? "clock_nanosleep" : "nanosleep";
    EXPECT_GE(seconds_of(wall_table, name), 0.45) << mode << "\n" << wall_table;
    const double cpu_s = seconds_of(cpu_table, name);
    EXPECT_GE(cpu_s, 0.0) << mode << "\n" << cpu_table;
    EXPECT_LT(cpu_s, 0.1) << mode << "\n" << cpu_table;
    auto busy = run({etrace_bin(), mode, "-o", out, "-e", "trace=read", "/bin/dd", "if=/dev/urandom", "of=/dev/null",
                     "bs=1M", "count=100"});
    ASSERT_EQ(busy.exit_code, 0) << busy.err;
    EXPECT_GT(seconds_of(read_file(out), "read"), 0.05) << mode << "\n" << read_file(out);
    unlink(out.c_str());
  }
}

TEST(Options, SummaryWithTraceAndColumns) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("sum.txt");
  auto r = run({etrace_bin(), "-C", "-w", "-S", "calls", "-U", "calls,max-time,min-time,avg-time,name", "-o", out,
                "-e", "trace=write,close", prog("basic_io")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = lines_of(read_file(out));
  auto header = std::find(lines.begin(), lines.end(), "    calls  longest shortest  usecs/call syscall");
  ASSERT_NE(header, lines.end()) << read_file(out);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "--------- -------- -------- ----------- ----------------"),
            lines.end());
  EXPECT_TRUE(std::regex_match(*(header + 2), std::regex(R"( +\d+ \d+\.\d{6} \d+\.\d{6} +\d+ (write|close))")))
      << *(header + 2);
  bool traced = false;  // -C: the trace too
  for (const auto& l : lines) traced = traced || l.rfind("write(", 0) == 0;
  EXPECT_TRUE(traced);
  unlink(out.c_str());
}

TEST(Options, OneFilePerThreadWithDoubleF) {
  ETRACE_REQUIRE_ROOT();
  const std::string dir = temp_path("ff");
  ASSERT_EQ(mkdir(dir.c_str(), 0755), 0);
  auto r = run({etrace_bin(), "-ff", "-o", dir + "/t", "-e", "trace=access,execve", prog("ticker"), "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> files;
  DIR* d = opendir(dir.c_str());
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') files.push_back(e->d_name);
  closedir(d);
  ASSERT_EQ(files.size(), 2u) << "strace -ff writes one file per thread";
  int mains = 0, threads = 0;
  for (const auto& f : files) {
    EXPECT_TRUE(std::regex_match(f, std::regex(R"(t\.\d+)"))) << f;
    const std::string text = read_file(dir + "/" + f);
    for (const auto& l : lines_of(text)) EXPECT_FALSE(std::regex_search(l, std::regex(R"(^(\[pid|\d+ ))"))) << l;
    if (text.find("execve(") == 0) ++mains;
    if (text.find("/etrace-tick-thread") != std::string::npos) ++threads;
    EXPECT_NE(text.find("+++ exited with 0 +++"), std::string::npos) << text;
    unlink((dir + "/" + f).c_str());
  }
  EXPECT_EQ(mains, 1);
  EXPECT_EQ(threads, 1);
  rmdir(dir.c_str());
}

TEST(Options, UserAndEnvironmentForTheCommand) {
  ETRACE_REQUIRE_ROOT();
  auto r = run({etrace_bin(), "-o", "/dev/null", "-u", "nobody", "-E", "ETRACE_X=42", "-E", "HOME", "sh", "-c",
                "id -u; echo $ETRACE_X ${HOME-unset}"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "65534\n42 unset\n");
  auto bad = run({etrace_bin(), "-u", "no-such-user-etrace", "true"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "etrace: Cannot find user 'no-such-user-etrace'\n");  // strace's wording
  // The switch to the user happens before tracing starts: the trace begins at the execve, as
  // strace's does (initgroups' NSS lookups and setuid are etrace's, not the command's).
  REQUIRE_STRACE();
  auto b = trace_both({"-u", "nobody", "-e", "trace=execve,openat,socket,setgroups,setgid,setuid,exit_group", "/bin/true"});
  EXPECT_TRUE(same(b));
  ASSERT_FALSE(b.etrace.empty());
  EXPECT_EQ(b.etrace[0].rfind("execve(", 0), 0u) << b.etrace[0];
}

TEST(Options, AttachAndDetachMessages) {
  ETRACE_REQUIRE_ROOT();
  Background ticker({prog("ticker")});
  usleep(100 * 1000);
  const std::string out = temp_path("att.txt"), err = temp_path("att.err");
  Background tracer({etrace_bin(), "-p", std::to_string(ticker.pid()), "-e", "trace=access", "-o", out}, "/dev/null",
                    err);
  for (int i = 0; i < 300 && read_file(out).find("etrace-tick") == std::string::npos; ++i) usleep(50 * 1000);
  tracer.signal(SIGINT);
  EXPECT_NE(tracer.wait(10), -1);
  const std::string p = std::to_string(ticker.pid());
  // strace 6.1: "strace: Process N attached with 2 threads" ... "strace: Process N detached"
  EXPECT_EQ(read_file(err), "etrace: Process " + p + " attached with 2 threads\netrace: Process " + p + " detached\n");
  unlink(out.c_str());
  unlink(err.c_str());
}

// Without -o, strace -f says "strace: Process N attached" for each new child, in line with the trace.
TEST(Options, FollowAnnouncesChildrenOnStderr) {
  ETRACE_REQUIRE_ROOT();
  REQUIRE_STRACE();
  std::vector<std::string> args{"-f", "-e", "trace=exit_group", "sh", "-c", "/bin/true; :"};
  std::vector<std::string> s{kStrace}, e{etrace_bin()};
  s.insert(s.end(), args.begin(), args.end());
  e.insert(e.end(), args.begin(), args.end());
  EXPECT_EQ(normalised_lines(run(s).err), normalised_lines(run(e).err));
}

TEST(Options, UnseenSyscallHintAtExit) {
  ETRACE_REQUIRE_ROOT();
  auto r = run({etrace_bin(), "-e", "open", "cat", "/dev/null"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "+++ exited with 0 +++\netrace: no open calls seen; this system uses openat (try -e trace=%file)\n");
  auto c = run({etrace_bin(), "-c", "-e", "trace=open", "cat", "/dev/null"});
  EXPECT_EQ(c.err, "etrace: no open calls seen; this system uses openat (try -e trace=%file)\n");
}

TEST(Options, BadExpressionTracesNothing) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("bad.txt");
  for (auto expr : {"trace=opn", "signal=SIGFOO", "status=bogus", "read=x", "trace=/["}) {
    auto r = run({etrace_bin(), "-o", out, "-e", expr, "touch", out + ".touched"});
    EXPECT_EQ(r.exit_code, 1) << expr;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("etrace: ", 0), 0u) << r.err;
    EXPECT_NE(access((out + ".touched").c_str(), F_OK), 0) << "the command must not run";
    EXPECT_NE(access(out.c_str(), F_OK), 0) << "no output file";
  }
  EXPECT_EQ(run({etrace_bin(), "-e", "trace=opn", "true"}).err, "etrace: invalid system call 'opn'\n");
}

// Where cgroup v2 is mounted: /sys/fs/cgroup, or /sys/fs/cgroup/unified on a hybrid system.
std::string cgroup2_root() {
  for (const auto& line : lines_of(read_file("/proc/self/mounts"))) {
    std::istringstream in(line);
    std::string dev, dir, type;
    in >> dev >> dir >> type;
    if (type == "cgroup2") return dir;
  }
  return {};
}

TEST(Options, CgroupTracesItsProcessesOnly) {
  ETRACE_REQUIRE_ROOT();
  const std::string root = cgroup2_root();
  if (root.empty()) GTEST_SKIP() << "no cgroup v2 hierarchy mounted";
  const std::string cg = root + "/etrace-it-" + std::to_string(getpid());
  ASSERT_EQ(mkdir(cg.c_str(), 0755), 0) << cg;
  const std::string out = temp_path("cg.txt");
  Background tracer({etrace_bin(), "--cgroup", cg, "-e", "trace=access", "-o", out});
  bool seen = false;
  for (int i = 0; i < 30 && !seen; ++i) {  // BPF takes a moment to attach
    // Moves itself into the cgroup, then runs ticker there.
    run({"/bin/sh", "-c", "echo $$ > " + cg + "/cgroup.procs && exec " + prog("ticker") + " 2"});
    seen = read_file(out).find("/etrace-tick-main") != std::string::npos;
    if (!seen) usleep(200 * 1000);
  }
  run({prog("basic_io")});  // outside the cgroup: not traced
  usleep(300 * 1000);
  tracer.signal(SIGINT);
  tracer.wait(10);
  const std::string text = read_file(out);
  EXPECT_TRUE(seen) << text;
  EXPECT_NE(text.find("/etrace-tick-thread"), std::string::npos) << text;
  EXPECT_EQ(text.find("etrace-basic"), std::string::npos) << text;
  unlink(out.c_str());
  EXPECT_EQ(rmdir(cg.c_str()), 0) << "cgroup left behind: " << cg;
}

TEST(Options, VersionAndHelp) {
  auto v = run({etrace_bin(), "-V"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("etrace -- version ", 0), 0u) << v.out;  // strace: "strace -- version 6.1"
  auto h = run({etrace_bin(), "-h"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Examples:"), std::string::npos);
}

}  // namespace
}  // namespace etrace::it
