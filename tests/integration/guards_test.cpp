// Guards for tracing a live host (README, "Tracing a live host"), each on real programs.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <chrono>
#include <functional>
#include <regex>
#include <sstream>

#include "harness.h"

namespace etrace::it {
namespace {

bool wait_for(const std::function<bool()>& done, int timeout_ms = 15000) {
  for (int waited = 0; waited < timeout_ms; waited += 50) {
    if (done()) return true;
    usleep(50 * 1000);
  }
  return done();
}

int nice_of(int pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream in(stat.substr(stat.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 19 && in >> field; ++i) {
  }
  return std::stoi(field);  // field 19: nice
}

// --nice sets etrace's own priority; it wins over ETRACE_NICE, which still works alone.
TEST(Guards, NiceSetsTheTracersPriority) {
  ETRACE_REQUIRE_ROOT();
  struct Case {
    std::vector<std::string> prefix;
    int expected;
  };
  for (const Case& c : {Case{{etrace_bin(), "--nice", "7"}, 7}, Case{{"/usr/bin/env", "ETRACE_NICE=3", etrace_bin()}, 3},
                        Case{{"/usr/bin/env", "ETRACE_NICE=3", etrace_bin(), "--nice=-4"}, -4}}) {
    const std::string out = temp_path("nice.txt");
    std::vector<std::string> argv = c.prefix;
    argv.insert(argv.end(), {"-o", out, "-e", "trace=clock_nanosleep,nanosleep", "/bin/sleep", "1"});
    Background tracer(argv);
    ASSERT_TRUE(wait_for([&] { return read_file(out).find("nanosleep(") != std::string::npos; }));
    // env execs etrace: the pid stays the same.
    EXPECT_EQ(nice_of(tracer.pid()), c.expected) << argv[1];
    EXPECT_EQ(tracer.wait(10), 0);
    unlink(out.c_str());
  }
}

// Lines that start with `start` once the padding before " = " is collapsed.
long count_lines_starting(const std::string& text, const std::string& start) {
  long n = 0;
  for (const auto& l : lines_of(text)) n += squeeze(l).rfind(start, 0) == 0;
  return n;
}

// --exclude-pid and --exclude-comm: decided in the kernel, the excluded processes never show,
// while the same program under another pid or name does.
TEST(Guards, ExcludedPidsAndCommandNamesAreNeverTraced) {
  ETRACE_REQUIRE_ROOT();
  // The same program under another name: its command name is "tocker".
  const std::string dir = temp_path("renamed");
  const std::string tocker = dir + "/tocker";
  ASSERT_EQ(mkdir(dir.c_str(), 0755), 0);
  ASSERT_EQ(run({"/bin/cp", prog("ticker"), tocker}).exit_code, 0);
  Background excluded({prog("ticker")}), kept({prog("ticker")}), renamed({tocker});
  const std::string out = temp_path("exclude.txt");
  Background tracer({etrace_bin(), "--system-wide", "--always-show-pid", "-e", "trace=access", "--exclude-pid",
                     std::to_string(excluded.pid()), "--exclude-comm", "nosuch,tocker", "-o", out});
  // With -o every line starts with its pid.
  auto pid_lines = [&](int pid) { return count_lines_starting(read_file(out), std::to_string(pid) + " "); };
  EXPECT_TRUE(wait_for([&] { return pid_lines(kept.pid()) >= 10; })) << "kept " << kept.pid() << "\n" << read_file(out);
  tracer.signal(SIGINT);
  EXPECT_NE(tracer.wait(10), -1);
  EXPECT_EQ(pid_lines(excluded.pid()), 0) << "excluded " << excluded.pid() << "\n" << read_file(out);
  EXPECT_EQ(pid_lines(renamed.pid()), 0) << "renamed " << renamed.pid() << "\n" << read_file(out);
  unlink(out.c_str());
  unlink(tocker.c_str());
  rmdir(dir.c_str());
}

// strace's --syscall-limit: the first N calls that pass the filters are shown, then etrace says
// so, detaches and exits 0 at once; the command runs on, untraced (outlive waits for etrace to
// be gone before its last calls and its marker file).
TEST(Guards, SyscallLimitDetachesAndTheCommandRunsOnUntraced) {
  ETRACE_REQUIRE_ROOT();
  const std::string marker = temp_path("outlive.done");
  unlink(marker.c_str());
  auto r = run({etrace_bin(), "--syscall-limit=3", "-e", "trace=chdir", prog("outlive"), "5", "2", marker}, 30);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines_starting(r.err, "chdir(\".\")"), 2) << r.err;
  EXPECT_EQ(count_lines_starting(r.err, "chdir(\"/etrace-no-such-dir\")"), 1) << r.err;
  EXPECT_NE(r.err.find("etrace: System call limit has been reached, detaching tracees\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("+++ exited"), std::string::npos) << r.err;
  EXPECT_TRUE(wait_for([&] { return access(marker.c_str(), F_OK) == 0; })) << "the command must run on after etrace";
  unlink(marker.c_str());
}

// With -o and a command the message is quiet (as strace's attach messages are), and the limit
// counts only the calls the filters keep: -Z leaves the successful chdir calls out, -e trace=
// every other call.
TEST(Guards, SyscallLimitCountsOnlyTheCallsShown) {
  ETRACE_REQUIRE_ROOT();
  const std::string out = temp_path("limit.txt"), marker = temp_path("outlive.done");
  unlink(marker.c_str());
  auto r = run({etrace_bin(), "-o", out, "--syscall-limit", "2", "-Z", "-e", "trace=chdir", prog("outlive"), "4", "0",
                marker},
               30);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string text = read_file(out);
  EXPECT_EQ(count_lines_starting(text, "chdir(\"/etrace-no-such-dir\") = -1 ENOENT"), 2) << text;
  EXPECT_EQ(lines_of(text).size(), 2u) << text;
  EXPECT_TRUE(wait_for([&] { return access(marker.c_str(), F_OK) == 0; }));
  unlink(out.c_str());
  unlink(marker.c_str());
}

// --rate-limit: each call is either recorded or counted in a gap line shown in place, so the
// two add up to every call the program made; the recorded ones stay within the limit.
TEST(Guards, RateLimitRecordsAtMostNPerSecondAndCountsTheRest) {
  ETRACE_REQUIRE_ROOT();
  constexpr long kCalls = 200000, kLimit = 100;
  const std::string out = temp_path("rate.txt");
  const auto start = std::chrono::steady_clock::now();
  auto r = run({etrace_bin(), "--rate-limit", std::to_string(kLimit), "-e", "trace=getppid", "-o", out, prog("burst"),
                std::to_string(kCalls)});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("lost"), std::string::npos) << r.err;
  const std::string text = read_file(out);
  long recorded = 0, held_back = 0, gaps = 0;
  std::smatch m;
  const std::regex gap(R"(^<\.\.\. (\d+) calls over the rate limit \.\.\.>$)");
  for (const auto& l : lines_of(text)) {
    if (l.rfind("getppid()", 0) == 0) ++recorded;
    if (std::regex_search(l, m, gap)) {
      held_back += std::stol(m[1]);
      ++gaps;
    }
  }
  EXPECT_GT(gaps, 0) << text.substr(0, 2000);
  EXPECT_EQ(recorded + held_back, kCalls) << "recorded " << recorded << " held back " << held_back;
  EXPECT_GE(recorded, kLimit);
  EXPECT_LE(recorded, kLimit * (static_cast<long>(seconds) + 2)) << seconds << " s";
  unlink(out.c_str());
}

TEST(Guards, RateLimitGapsAreJsonLines) {
  ETRACE_REQUIRE_ROOT();
  constexpr long kCalls = 50000;
  const std::string out = temp_path("rate.json");
  auto r = run({etrace_bin(), "--json", "--rate-limit", "10", "-e", "trace=getppid", "-o", out, prog("burst"),
                std::to_string(kCalls)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  long recorded = 0, held_back = 0;
  for (const auto& l : lines_of(read_file(out))) {
    const auto j = nlohmann::json::parse(l);
    if (j["type"] == "syscall" && j["syscall"] == "getppid") ++recorded;
    if (j["type"] == "rate_limited") {
      EXPECT_TRUE(j.contains("pid"));
      held_back += j["count"].get<long>();
    }
  }
  EXPECT_GT(held_back, 0);
  EXPECT_EQ(recorded + held_back, kCalls);
  unlink(out.c_str());
}

}  // namespace
}  // namespace etrace::it
