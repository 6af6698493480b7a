// The tracing core, run as a user runs it: etrace on small programs that predict their trace.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <set>

#include "harness.h"

namespace etrace::it {
namespace {

std::vector<std::string> strip_pid_column(const std::vector<std::string>& lines, std::set<int>* pids = nullptr) {
  static const std::regex col(R"(^(\d+) +(.*)$)");
  std::vector<std::string> out;
  for (const auto& l : lines) {
    std::smatch m;
    if (std::regex_match(l, m, col)) {
      if (pids) pids->insert(std::stoi(m[1]));
      out.push_back(m[2]);
    } else {
      out.push_back(l);
    }
  }
  return out;
}

TEST(Integration, CommandTraceMatchesWhatTheProgramPredicts) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("basic.txt");
  auto r = run({etrace_bin(), "-o", out, prog("basic_io")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto trace = lines_of(read_file(out));
  ASSERT_FALSE(trace.empty());
  // argv strings are cut at -s (32), paths never are: as strace prints them.
  const std::string path = prog("basic_io");
  const std::string argv0 = path.size() > 32 ? "\"" + path.substr(0, 32) + "\"..." : "\"" + path + "\"";
  EXPECT_EQ(trace.front().rfind("execve(\"" + path + "\", [" + argv0 + "], 0x", 0), 0u) << trace.front();
  EXPECT_NE(trace.front().find(" vars */) = 0"), std::string::npos) << trace.front();
  EXPECT_TRUE(contains_in_order(trace, lines_of(r.out)));
  ASSERT_GE(trace.size(), 2u);
  EXPECT_EQ(squeeze(trace[trace.size() - 2]), "exit_group(0) = ?");
  EXPECT_EQ(trace.back(), "+++ exited with 0 +++");
  unlink(out.c_str());
}

TEST(Integration, TraceGoesToStderrByDefaultAndNoControlBytesLeak) {
  ETRACE_REQUIRE_ROOT();
  auto r = run({etrace_bin(), prog("basic_io")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("write("), std::string::npos);
  for (char c : r.err) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << "raw byte " << int(c);
}

TEST(Integration, ExitStatusPassesThrough) {
  ETRACE_REQUIRE_ROOT();
  EXPECT_EQ(run({etrace_bin(), "-o", "/dev/null", prog("exit_with"), "7"}).exit_code, 7);
  auto killed = run({etrace_bin(), prog("exit_with"), "-15"});
  EXPECT_EQ(killed.exit_code, 128 + SIGTERM);
  EXPECT_NE(killed.err.find("+++ killed by SIGTERM +++"), std::string::npos) << killed.err;
}

TEST(Integration, FollowsThreeGenerationsThroughForkAndExec) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("gen.txt");
  auto r = run({etrace_bin(), "-f", "-o", out, prog("generations")});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // generation 1 exits with 1
  std::set<int> pids;
  auto trace = lines_of(read_file(out));
  auto bare = strip_pid_column(trace, &pids);
  auto predicted = lines_of(r.out);
  ASSERT_EQ(predicted.size(), 3u) << r.out;
  for (const auto& p : predicted) {
    const auto space = p.find(' ');
    const std::string with_pid = p.substr(0, space) + " " + p.substr(space + 1);
    bool found = false;
    for (const auto& l : trace) found = found || squeeze(std::regex_replace(l, std::regex("^(\\d+) +"), "$1 ")) == squeeze(with_pid);
    EXPECT_TRUE(found) << "missing " << with_pid << "\n" << read_file(out);
  }
  EXPECT_GE(pids.size(), 3u);
  // Each later generation starts with its execve.
  int execs = 0;
  for (const auto& l : bare) execs += l.rfind("execve(", 0) == 0;
  EXPECT_EQ(execs, 3);
  unlink(out.c_str());
}

TEST(Integration, TraceSetKeepsExactlyTheNamedCalls) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("set.txt");
  auto r = run({etrace_bin(), "-e", "trace=close,access", "-o", out, prog("basic_io")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto trace = lines_of(read_file(out));
  int calls = 0;
  for (const auto& l : trace) {
    if (l.rfind("+++", 0) == 0 || l.rfind("---", 0) == 0) continue;
    ++calls;
    EXPECT_TRUE(l.rfind("close(", 0) == 0 || l.rfind("access(", 0) == 0) << l;
  }
  EXPECT_GE(calls, 3);
  auto shorthand = run({etrace_bin(), "-e", "access", prog("basic_io")});
  EXPECT_NE(shorthand.err.find("access(\"/nonexistent/etrace-basic\""), std::string::npos) << shorthand.err;
  EXPECT_EQ(shorthand.err.find("write("), std::string::npos) << shorthand.err;
  unlink(out.c_str());
}

// Polls `path` until it holds every one of `needles` (BPF loading takes a moment: seconds in
// an emulated VM).
bool wait_for_text(const std::string& path, const std::vector<std::string>& needles, int timeout_ms = 60000) {
  for (int waited = 0; waited < timeout_ms; waited += 50) {
    const std::string text = read_file(path);
    bool all = true;
    for (const auto& n : needles) all = all && text.find(n) != std::string::npos;
    if (all) return true;
    usleep(50 * 1000);
  }
  return false;
}

// Polls `path` until its text matches `re`.
bool wait_for_match(const std::string& path, const std::regex& re, int timeout_ms = 60000) {
  for (int waited = 0; waited < timeout_ms; waited += 50) {
    if (std::regex_search(read_file(path), re)) return true;
    usleep(50 * 1000);
  }
  return false;
}

// Whether thread `pid` is asleep inside one of the syscalls `nrs` (x86_64 numbers), from
// /proc/PID/syscall ("NR ARGS... SP PC", "running", or "-1 ..." outside a call).
bool in_syscall(int pid, std::initializer_list<int> nrs) {
  std::istringstream in(read_file("/proc/" + std::to_string(pid) + "/syscall"));
  std::string first;
  in >> first;
  for (int nr : nrs)
    if (first == std::to_string(nr)) return true;
  return false;
}

// Polls until thread `pid` sleeps in one of `nrs`.
bool wait_in_syscall(int pid, std::initializer_list<int> nrs, int timeout_ms = 60000) {
  for (int waited = 0; waited < timeout_ms; waited += 20) {
    if (in_syscall(pid, nrs)) return true;
    usleep(20 * 1000);
  }
  return false;
}

constexpr int kNrRead = 0, kNrNanosleep = 35, kNrClockNanosleep = 230;  // x86_64

TEST(Integration, AttachesToARunningProcessAndAllItsThreads) {
  ETRACE_REQUIRE_ROOT();
  Background ticker({prog("ticker")});
  usleep(100 * 1000);
  const std::string out = temp_path("attach.txt");
  Background tracer({etrace_bin(), "-p", std::to_string(ticker.pid()), "-e", "trace=access", "-o", out});
  EXPECT_TRUE(wait_for_text(out, {"/etrace-tick-main", "/etrace-tick-thread"}));
  ticker.signal(SIGKILL);
  EXPECT_EQ(tracer.wait(10), 0);  // the target's exit ends the trace
  const std::string text = read_file(out);
  EXPECT_NE(text.find("access(\"/etrace-tick-main\", F_OK) = -1 ENOENT"), std::string::npos) << text;
  EXPECT_NE(text.find("access(\"/etrace-tick-thread\", F_OK) = -1 ENOENT"), std::string::npos) << text;
  EXPECT_NE(text.find("+++ killed by SIGKILL +++"), std::string::npos) << text;
  unlink(out.c_str());
}

TEST(Integration, FollowingAnAttachedProcessCoversItsExistingChildren) {
  ETRACE_REQUIRE_ROOT();
  // sh starts the ticker and waits: attaching -f to sh must trace the ticker it already has.
  Background parent({"/bin/sh", "-c", prog("ticker") + " & wait"});
  usleep(200 * 1000);
  const std::string out = temp_path("follow.txt");
  Background tracer({etrace_bin(), "-f", "-p", std::to_string(parent.pid()), "-e", "trace=access", "-o", out});
  EXPECT_TRUE(wait_for_text(out, {"/etrace-tick-main", "/etrace-tick-thread"})) << read_file(out);
  tracer.signal(SIGINT);
  tracer.wait(10);
  system(("pkill -KILL -P " + std::to_string(parent.pid())).c_str());
  unlink(out.c_str());
}

TEST(Integration, SigintStopsAnAttachedTrace) {
  ETRACE_REQUIRE_ROOT();
  Background ticker({prog("ticker")});
  const std::string out = temp_path("sigint.txt");
  Background tracer({etrace_bin(), "-p", std::to_string(ticker.pid()), "-o", out});
  EXPECT_TRUE(wait_for_text(out, {"/etrace-tick-main"}));
  tracer.signal(SIGINT);
  EXPECT_NE(tracer.wait(10), -1);
  EXPECT_EQ(kill(ticker.pid(), 0), 0) << "the traced process must survive etrace";
  EXPECT_NE(read_file(out).find("/etrace-tick-main"), std::string::npos);
  unlink(out.c_str());
}

TEST(Integration, CommFilterCatchesAProcessStartedLater) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("comm.txt");
  Background tracer({etrace_bin(), "--system-wide", "--comm", "ticker", "-e", "trace=access", "-o", out});
  bool seen = false;
  for (int i = 0; i < 30 && !seen; ++i) {  // the tracer needs a moment to attach
    run({prog("ticker"), "2"});
    seen = read_file(out).find("/etrace-tick-main") != std::string::npos;
    if (!seen) usleep(200 * 1000);
  }
  run({prog("basic_io")});  // another comm: must not appear
  usleep(300 * 1000);
  tracer.signal(SIGINT);
  tracer.wait(10);
  const std::string text = read_file(out);
  EXPECT_TRUE(seen) << text;
  EXPECT_EQ(text.find("etrace-basic"), std::string::npos);
  unlink(out.c_str());
}

TEST(Integration, BlockedCallShowsUnfinishedThenResumed) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("block.txt");
  auto r = run({etrace_bin(), "-f", "-e", "trace=read,access", "-o", out, prog("blocker")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(out);
  std::smatch m;
  const std::string fd = std::regex_search(r.out, m, std::regex(R"(read\((\d+),)")) ? m[1].str() : "?";
  EXPECT_TRUE(std::regex_search(text, std::regex("read\\(" + fd + ",  <unfinished \\.\\.\\.>"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex("<\\.\\.\\. read resumed>\"x\", 1\\) += 1"))) << text;
}

// Offsets the kernel advances are shown as the call got them (sendfile adds where they ended),
// fcntl's lock structs as passed or as filled in, getcwd's path whole: as strace prints them.
TEST(Integration, RewrittenArgumentsLockStructsAndWholePaths) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("offsets.txt");
  auto r = run({etrace_bin(), "-o", out, "-e", "trace=getcwd,sendfile,copy_file_range,splice,fcntl",
                prog("offsets_locks")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains_in_order(lines_of(read_file(out)), lines_of(r.out)));
  unlink(out.c_str());
}

// A sockaddr buffer that ends at an unmapped page, shorter than the address the kernel reports:
// the part that fits is shown, not the buffer's address.
TEST(Integration, OutputsBeforeAnUnmappedPageShowWhatFits) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("page_end.txt");
  auto r = run({etrace_bin(), "-o", out, "-e", "trace=getsockname,arch_prctl", prog("page_end")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains_in_order(lines_of(read_file(out)), lines_of(r.out)));
  unlink(out.c_str());
}

// sendfile blocked on a full pipe while another thread waits to drain it: the offset is cut
// between the lines as strace 6.1 cuts it, "[0] <unfinished ...>", "<... sendfile resumed> => [16]".
TEST(Integration, ABlockedSendfileShowsItsOffsetBeforeAndAfter) {
  ETRACE_REQUIRE_ROOT();
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "needs /usr/bin/python3";
  const std::string out = temp_path("sendfile.txt");
  auto r = run({etrace_bin(), "-f", "-e", "trace=sendfile,getpid", "-o", out, "/usr/bin/python3", "-c",
                "import os, tempfile, threading, time\n"
                "f = tempfile.TemporaryFile(); f.write(b'0123456789abcdef'); f.flush()\n"
                "r, w = os.pipe(); os.write(w, b'x' * 65536)\n"
                "def drain():\n"
                "    time.sleep(1.5); os.getpid(); os.read(r, 65536)\n"
                "t = threading.Thread(target=drain); t.start()\n"
                "os.sendfile(w, f.fileno(), 0, 16); t.join()\n"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(out);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(sendfile\(\d+, \d+, \[0\] <unfinished \.\.\.>\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(<\.\.\. sendfile resumed> => \[16\], 16\) += 16\n)"))) << text;
  unlink(out.c_str());
}

// clock_nanosleep's request is read at exit (its inputs stay as they were), so while it sleeps
// the kernel holds no copy: the blocked line reads it from the sleeper's memory.
TEST(Integration, ABlockedCallShowsInputsTakenAtExit) {
  ETRACE_REQUIRE_ROOT();
  if (access("/bin/sleep", X_OK) != 0) GTEST_SKIP() << "needs /bin/sleep";
  const std::string out = temp_path("sleep.txt");
  auto r = run({etrace_bin(), "-e", "trace=clock_nanosleep,nanosleep", "-o", out, "/bin/sleep", "0.7"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_file(out);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(nanosleep\((CLOCK_REALTIME, 0, )?\{tv_sec=0, tv_nsec=700000000\}, )")))
      << text;
  unlink(out.c_str());
}

// -p on a process already inside a call: the call shows at once (strace shows the call it
// finds the process in), with its inputs, and its result when it returns. The sleep must outlast
// etrace's start, which takes seconds on a slow machine: when it did not (the line came after
// the sleep ended, or never), the test runs again with a sleep twice as long.
TEST(Integration, AttachShowsTheCallInProgressThenItsResult) {
  ETRACE_REQUIRE_ROOT();
  if (access("/bin/sleep", X_OK) != 0) GTEST_SKIP() << "needs /bin/sleep";
  const std::string out = temp_path("attach-mid.txt");
  for (int secs = 2;; secs *= 2) {
    unlink(out.c_str());
    Background sleeper({"/bin/sleep", std::to_string(secs)});
    ASSERT_TRUE(wait_in_syscall(sleeper.pid(), {kNrNanosleep, kNrClockNanosleep}));
    Background tracer({etrace_bin(), "-p", std::to_string(sleeper.pid()), "-o", out});
    // In time: the line is there while the sleep still runs (the text is read first).
    bool in_time = false;
    for (int waited = 0; waited < (secs + 60) * 1000; waited += 20) {
      const bool shown = read_file(out).find("nanosleep(") != std::string::npos;
      const bool sleeping = in_syscall(sleeper.pid(), {kNrNanosleep, kNrClockNanosleep});
      if (shown || !sleeping) {
        in_time = shown && sleeping;
        break;
      }
      usleep(20 * 1000);
    }
    const std::string early = read_file(out);
    if (!in_time && secs < 32) continue;
    ASSERT_TRUE(in_time) << "etrace did not show the call while it ran (a " << secs << " s sleep)\n" << early;
    EXPECT_TRUE(std::regex_search(
        early, std::regex("nanosleep\\((CLOCK_REALTIME, 0, )?\\{tv_sec=" + std::to_string(secs) + ", tv_nsec=0\\}, ")))
        << early;
    EXPECT_NE(tracer.wait(secs + 60), -1);
    const std::string text = read_file(out);
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(nanosleep[^\n]*= 0\n)"))) << text;
    EXPECT_NE(text.find("+++ exited with 0 +++"), std::string::npos) << text;
    break;
  }
  unlink(out.c_str());
}

// The same with a small trace set of calls that keep their inputs (exit programs only): the
// call in progress at attach is adopted, and one begun later that blocks is found from the
// sleeping thread's registers. The reads wait on FIFOs the test writes when it is ready.
TEST(Integration, ExitOnlyTracingShowsCallsInProgressAndBlocked) {
  ETRACE_REQUIRE_ROOT();
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "needs /usr/bin/python3";
  const std::string first = temp_path("exit-only-1.fifo"), second = temp_path("exit-only-2.fifo");
  unlink(first.c_str());
  unlink(second.c_str());
  ASSERT_EQ(mkfifo(first.c_str(), 0600), 0);
  ASSERT_EQ(mkfifo(second.c_str(), 0600), 0);
  // O_RDWR: opening a FIFO so does not wait for a writer.
  Background reader({"/usr/bin/python3", "-c",
                     "import os, sys\n"
                     "r = os.open(sys.argv[1], os.O_RDWR)\n"
                     "os.read(r, 1)\n"  // in progress when etrace attaches
                     "r2 = os.open(sys.argv[2], os.O_RDWR)\n"
                     "os.read(r2, 2)\n",  // begins after the attach, blocks until written
                     first, second});
  ASSERT_TRUE(wait_in_syscall(reader.pid(), {kNrRead}));
  const std::string out = temp_path("exit-only.txt"), err = temp_path("exit-only.err");
  Background tracer({etrace_bin(), "-f", "-p", std::to_string(reader.pid()), "-e", "trace=read", "-o", out},
                    "/dev/null", err);
  ASSERT_TRUE(wait_for_text(err, {"attached"})) << read_file(err);
  auto feed = [](const std::string& fifo, const std::string& bytes) {
    const int fd = open(fifo.c_str(), O_WRONLY);
    return fd >= 0 && write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && close(fd) == 0;
  };
  ASSERT_TRUE(feed(first, "x"));
  ASSERT_TRUE(wait_for_text(out, {"\"x\", 1) "})) << read_file(out);
  // The second read blocks; etrace shows it once two of its scans find it asleep.
  ASSERT_TRUE(wait_in_syscall(reader.pid(), {kNrRead}));
  EXPECT_TRUE(wait_for_match(out, std::regex(R"(read\(\d+,\s*$)"))) << "the blocked read shows\n" << read_file(out);
  EXPECT_EQ(read_file(out).find("yz"), std::string::npos) << read_file(out);
  ASSERT_TRUE(feed(second, "yz"));
  EXPECT_EQ(reader.wait(60), 0);
  tracer.wait(60);
  const std::string text = read_file(out);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"("x", 1\) += 1)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"("yz", 2\) += 2)"))) << text;
  for (const auto& p : {out, err, first, second}) unlink(p.c_str());
}

TEST(Integration, StoppingWhileACallRunsEndsItsLineDetached) {
  ETRACE_REQUIRE_ROOT();
  if (access("/bin/sleep", X_OK) != 0) GTEST_SKIP() << "needs /bin/sleep";
  Background sleeper({"/bin/sleep", "600"});  // killed at the end: outlasts any etrace start
  ASSERT_TRUE(wait_in_syscall(sleeper.pid(), {kNrNanosleep, kNrClockNanosleep}));
  const std::string out = temp_path("detach.txt");
  Background tracer({etrace_bin(), "-p", std::to_string(sleeper.pid()), "-o", out});
  ASSERT_TRUE(wait_for_text(out, {"nanosleep("}));
  tracer.signal(SIGINT);
  EXPECT_NE(tracer.wait(10), -1);
  const std::string text = read_file(out);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(nanosleep\([^\n]*,  <detached \.\.\.>\n)"))) << text;
  EXPECT_EQ(kill(sleeper.pid(), 0), 0) << "the traced process must survive etrace";
  unlink(out.c_str());
}

// The consumer runs ahead of the programs it traces (so a busy machine slows them rather than
// losing their events); the command itself keeps the priority it was started with.
TEST(Integration, TheConsumerIsAheadOfTheCommand) {
  ETRACE_REQUIRE_ROOT();
  auto nice_of = [](int pid) {
    std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
    std::istringstream in(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && in >> field; ++i) {
    }
    return std::stoi(field);  // field 19: nice
  };
  const std::string out = temp_path("nice.txt");
  Background tracer({etrace_bin(), "-o", out, "-e", "trace=clock_nanosleep,nanosleep", "/bin/sleep", "1"});
  ASSERT_TRUE(wait_for_text(out, {"nanosleep("}));
  EXPECT_EQ(nice_of(tracer.pid()), -10);
  std::string kids = read_file("/proc/" + std::to_string(tracer.pid()) + "/task/" + std::to_string(tracer.pid()) + "/children");
  ASSERT_FALSE(kids.empty());
  EXPECT_EQ(nice_of(std::stoi(kids)), 0) << "the command keeps its priority";
  EXPECT_EQ(tracer.wait(10), 0);
  unlink(out.c_str());
}

TEST(Integration, LostEventsAreCountedAndShownInPlace) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("lost.txt");
  auto r = run({etrace_bin(), "--buffer-size", "4096", "-e", "trace=getppid", "-o", out, prog("burst"), "300000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"(etrace: (\d+) events lost in total)"))) << r.err;
  const long lost = std::stol(m[1]);
  const std::string text = read_file(out);
  long seen = 0, gaps = 0;
  for (const auto& l : lines_of(text)) {
    if (l.rfind("getppid()", 0) == 0) ++seen;
    if (std::regex_search(l, m, std::regex(R"(^<\.\.\. (\d+) events lost \.\.\.>$)"))) gaps += std::stol(m[1]);
  }
  EXPECT_GT(lost, 0);
  EXPECT_GE(seen + lost, 300000) << "seen " << seen << " lost " << lost;
  EXPECT_LE(seen + lost, 300002) << "seen " << seen << " lost " << lost;  // + exit records
  EXPECT_EQ(gaps, lost);
  unlink(out.c_str());
}

// A CLONE_PARENT child of the command is etrace's own child: etrace reaps it (its maker waits
// for that), says so as strace does when it does not trace it, and shows its exit under -f.
TEST(Integration, ACloneParentChildIsReapedAndTheTraceEnds) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("clone-parent.txt");
  auto plain = run({etrace_bin(), "-e", "trace=none", "-o", out, prog("clone_parent")});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const std::string kid = lines_of(plain.out).at(0);
  EXPECT_EQ(plain.err, "etrace: Exit of unknown pid " + kid + " ignored\n");
  EXPECT_EQ(read_file(out), "+++ exited with 0 +++\n");

  auto quiet = run({etrace_bin(), "-e", "trace=none", "--quiet=exit", "-o", out, prog("clone_parent")});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");

  auto followed = run({etrace_bin(), "-f", "-e", "trace=none", "-o", out, prog("clone_parent")});
  ASSERT_EQ(followed.exit_code, 0) << followed.err;
  const std::string kid2 = lines_of(followed.out).at(0);
  EXPECT_EQ(followed.err, "");
  const std::string trace = read_file(out);
  EXPECT_TRUE(std::regex_search(trace, std::regex("(^|\n)" + kid2 + " +\\+\\+\\+ exited with 42 \\+\\+\\+\n")))
      << trace;
  unlink(out.c_str());
}

TEST(Integration, BadInputGetsOneClearLineAndNonZeroExit) {
  ETRACE_REQUIRE_ROOT();
  struct Case {
    std::vector<std::string> args;
    std::string says;
  } cases[] = {
      {{"--bogus", "true"}, "--bogus"},
      {{}, "must have a command"},
      {{"-p", "999999999"}, "No such process"},
      {{"-e", "trace=opn", "true"}, "invalid system call 'opn'"},
      {{"-o", "/nonexistent-dir/out.txt", "true"}, "cannot open output file"},
      {{"/nonexistent/cmd"}, "Can't stat '/nonexistent/cmd'"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> argv{etrace_bin()};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    auto r = run(argv);
    EXPECT_NE(r.exit_code, 0) << c.says;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("etrace: ", 0), 0u) << r.err;
  }
}

// A full disk in the middle of a trace: one line naming the file and the cause, and a non-zero
// exit even though the command itself succeeded, so a script does not take the trace for whole.
TEST(Integration, FailedOutputWriteIsReportedOnceAndFailsTheRun) {
  ETRACE_REQUIRE_ROOT();
  auto r = run({etrace_bin(), "-f", "-o", "/dev/full", "sh", "-c", "ls / >/dev/null; ls /usr >/dev/null"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("etrace: cannot write the trace to '/dev/full': ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  // The same run to a writable file succeeds: the status above came from the output alone.
  const std::string out = temp_path("full-ok.txt");
  EXPECT_EQ(run({etrace_bin(), "-f", "-o", out, "sh", "-c", "ls / >/dev/null"}).exit_code, 0);
}

TEST(Integration, MissingBtfSaysWhatIsNeeded) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("nobtf.txt");
  auto r = run({"/usr/bin/env", "ETRACE_BTF=/nonexistent/vmlinux", etrace_bin(), "-o", out, "true"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("BTF"), std::string::npos) << r.err;
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_NE(access(out.c_str(), F_OK), 0) << "no output file is left behind";
}

// A kernel older than etrace's needs, as its BTF shows it (here a BTF whose enum bpf_map_type
// stops before the ring buffer, made by clang): one line naming what it lacks.
TEST(Integration, TooOldKernelSaysWhatItLacks) {
  ETRACE_REQUIRE_ROOT();
  if (access("/usr/bin/clang", X_OK) != 0) GTEST_SKIP() << "needs clang to make the old kernel's BTF";
  const std::string c = temp_path("old_btf.c"), obj = temp_path("old_btf.o");
  std::ofstream(c) << "enum bpf_map_type { BPF_MAP_TYPE_UNSPEC, BPF_MAP_TYPE_HASH };\n"
                      "enum bpf_attach_type { BPF_CGROUP_INET_INGRESS };\n"
                      "enum bpf_map_type map_type; enum bpf_attach_type attach_type;\n";
  ASSERT_EQ(run({"/usr/bin/clang", "-g", "-target", "bpf", "-c", c, "-o", obj}).exit_code, 0);
  auto r = run({"/usr/bin/env", "ETRACE_BTF=" + obj, etrace_bin(), "true"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err, "etrace: the kernel described by ETRACE_BTF '" + obj +
                       "' is too old for etrace: it lacks BTF tracepoints (tp_btf) (Linux 5.5); etrace needs Linux "
                       "5.17 or later\n");
}

TEST(Integration, WithoutPrivilegesSaysWhatIsNeeded) {
  ETRACE_REQUIRE_ROOT();
  auto r = run({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", etrace_bin(), "true"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("CAP_BPF"), std::string::npos) << r.err;
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

}  // namespace
}  // namespace etrace::it
