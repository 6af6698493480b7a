// Command-line parsing: every option, its long spelling, and every error (one line, exit 1).
#include <gtest/gtest.h>

#include <algorithm>

#include "app/version.h"
#include "cli/options.h"
#include "filter/expression.h"

namespace etrace {
namespace {

ParseOutcome parse(std::vector<std::string> args) {
  args.insert(args.begin(), "etrace");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_options(static_cast<int>(argv.size()), argv.data());
}

Options ok(std::vector<std::string> args) {
  auto r = parse(args);
  EXPECT_TRUE(r.options) << r.message;
  return r.options.value_or(Options{});
}

std::string error(std::vector<std::string> args) {
  auto r = parse(args);
  EXPECT_FALSE(r.options);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.message.find('\n'), std::string::npos) << r.message;
  EXPECT_EQ(r.message.rfind("etrace: ", 0), 0u) << r.message;
  return r.message;
}

TEST(Cli, CommandAndItsOwnOptions) {
  auto o = ok({"-f", "ls", "-l", "-e", "/"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.command, (std::vector<std::string>{"ls", "-l", "-e", "/"}));
  EXPECT_TRUE(o.exprs.empty());
  EXPECT_EQ(ok({"--", "-weird"}).command, std::vector<std::string>{"-weird"});
}

TEST(Cli, Defaults) {
  auto o = ok({"true"});
  EXPECT_EQ(o.strsize, 32u);
  EXPECT_EQ(o.column, 40);
  EXPECT_EQ(o.summary_sort, "time");
  EXPECT_EQ(o.follow, 0);
  EXPECT_FALSE(o.summary);
}

TEST(Cli, ShortFlagsAndCounts) {
  auto o = ok({"-ff", "-yy", "-xx", "-ttt", "-qqq", "-r", "-T", "-n", "-v", "-Y", "-c", "-w", "-z", "-Z", "-A", "-o", "f", "true"});
  EXPECT_EQ(o.follow, 2);
  EXPECT_EQ(o.decorate_fds, 2);
  EXPECT_EQ(o.hex, 2);
  EXPECT_EQ(o.timestamps, 3);
  EXPECT_EQ(o.quiet, 3);
  EXPECT_TRUE(o.relative && o.durations && o.numbers && o.verbose && o.decode_pids_comm && o.wall_time);
  EXPECT_TRUE(o.only_successful && o.only_failed && o.append);
  EXPECT_EQ(o.output, "f");
  EXPECT_EQ(ok({"-tt", "true"}).timestamps, 2);
  EXPECT_EQ(ok({"-t", "true"}).timestamps, 1);
}

TEST(Cli, OptionsWithValues) {
  auto o = ok({"-s", "100", "-a", "20", "-e", "trace=open", "-e", "write", "-p", "1,2", "-p", "3",
               "-P", "/etc/passwd", "-P", "/tmp", "-c", "-S", "calls", "-U", "name,calls", "--buffer-size", "65536",
               "--comm", "nginx", "--cgroup", "/sys/fs/cgroup/x", "--json", "--always-show-pid"});
  EXPECT_EQ(o.strsize, 100u);
  EXPECT_EQ(o.column, 20);
  EXPECT_EQ(o.exprs, (std::vector<std::string>{"trace=open", "write"}));
  EXPECT_EQ(o.pids, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(o.paths, (std::vector<std::string>{"/etc/passwd", "/tmp"}));
  EXPECT_TRUE(o.summary);
  EXPECT_FALSE(o.summary_too);
  EXPECT_EQ(o.summary_sort, "calls");
  EXPECT_EQ(o.summary_columns, "name,calls");
  EXPECT_EQ(o.buffer_size, 65536u);
  EXPECT_EQ(o.comms, std::vector<std::string>{"nginx"});
  EXPECT_EQ(o.cgroup, "/sys/fs/cgroup/x");
  EXPECT_TRUE(o.json && o.always_show_pid);
  EXPECT_TRUE(o.command.empty());
}

// strace's own test scripts append -a and -s to a command line that has them already: the
// last value counts, as with strace's getopt; repeatable options and counted flags still add up.
TEST(Cli, AnOptionGivenTwiceTakesItsLastValue) {
  auto o = ok({"-a23", "-e", "trace=read", "-a24", "-s", "8", "-s", "64", "-X", "raw", "-X", "verbose", "-ff", "-qq",
               "-e", "write", "true"});
  EXPECT_EQ(o.column, 24);
  EXPECT_EQ(o.strsize, 64u);
  EXPECT_EQ(o.xlat_style, "verbose");
  EXPECT_EQ(o.follow, 2);
  EXPECT_EQ(o.quiet, 2);
  EXPECT_EQ(o.exprs, (std::vector<std::string>{"trace=read", "write"}));
}

TEST(Cli, BufferSizeTakesUnits) {
  EXPECT_EQ(ok({"--buffer-size", "4k", "true"}).buffer_size, 4096u);
  EXPECT_EQ(ok({"--buffer-size", "16M", "true"}).buffer_size, 16u << 20);
  EXPECT_EQ(ok({"--buffer-size", "1G", "true"}).buffer_size, 1u << 30);
}

TEST(Cli, AttachedValuesAndClusters) {
  auto o = ok({"-s100", "-etrace=read", "-fo", "out", "true"});
  EXPECT_EQ(o.strsize, 100u);
  EXPECT_EQ(o.exprs, std::vector<std::string>{"trace=read"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.output, "out");
  EXPECT_EQ(o.command, std::vector<std::string>{"true"});
}

TEST(Cli, UserAndEnvironment) {
  auto o = ok({"-u", "nobody", "-E", "A=1", "-E", "HOME", "env"});
  EXPECT_EQ(o.user, "nobody");
  EXPECT_EQ(o.env, (std::vector<std::string>{"A=1", "HOME"}));
  auto l = ok({"--user=nobody", "--env", "B=2", "env"});
  EXPECT_EQ(l.user, "nobody");
  EXPECT_EQ(l.env, std::vector<std::string>{"B=2"});
}

TEST(Cli, SummaryTooImpliesSummary) {
  auto o = ok({"-C", "true"});
  EXPECT_TRUE(o.summary);
  EXPECT_TRUE(o.summary_too);
}

TEST(Cli, StraceLongOptions) {
  auto o = ok({"--trace=%file", "--signal", "!SIGCHLD", "--status=failed", "--quiet=exit", "--read=0", "--write=1",
               "--verbose=none", "--abbrev=all", "--raw=read", "--decode-pids=comm", "--trace-fds=3", "true"});
  EXPECT_EQ(o.exprs, (std::vector<std::string>{"trace=%file", "signal=!SIGCHLD", "status=failed", "quiet=exit",
                                               "read=0", "write=1", "verbose=none", "abbrev=all", "raw=read",
                                               "decode-pids=comm", "trace-fds=3"}));
  auto f = ok({"--follow-forks", "--output-separately", "--output=x", "--output-append-mode", "--string-limit=64",
               "--columns", "30", "--summary", "--summary-sort-by=name", "--summary-columns=calls",
               "--summary-wall-clock", "--successful-only", "--failed-only", "--syscall-number", "--no-abbrev",
               "--trace-path=/etc", "--relative-timestamps", "--syscall-times", "true"});
  EXPECT_EQ(f.follow, 2);
  EXPECT_EQ(f.output, "x");
  EXPECT_TRUE(f.append && f.summary && f.summary_too && f.wall_time && f.only_successful && f.only_failed);
  EXPECT_TRUE(f.numbers && f.verbose && f.relative && f.durations);
  EXPECT_EQ(f.strsize, 64u);
  EXPECT_EQ(f.column, 30);
  EXPECT_EQ(f.summary_sort, "name");
  EXPECT_EQ(f.summary_columns, "calls");
  EXPECT_EQ(f.paths, std::vector<std::string>{"/etc"});
  EXPECT_TRUE(ok({"--summary-only", "true"}).summary);
  EXPECT_EQ(ok({"--attach=5"}).pids, std::vector<int>{5});
  EXPECT_EQ(ok({"--attach", "5,6"}).pids, (std::vector<int>{5, 6}));
}

// strace command lines that carry options meaningless here (--seccomp-bpf, -I) still work;
// one that asks for what etrace cannot give (-k) is refused with one line.
TEST(Cli, StraceOnlyOptionsAreAcceptedOrRefusedClearly) {
  auto o = ok({"-f", "--seccomp-bpf", "-e", "trace=connect", "-p", "230"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.exprs, std::vector<std::string>{"trace=connect"});
  EXPECT_EQ(o.pids, std::vector<int>{230});
  EXPECT_EQ(ok({"-I", "1", "ls"}).command, std::vector<std::string>{"ls"});
  EXPECT_EQ(ok({"-I2", "ls"}).command, std::vector<std::string>{"ls"});
  EXPECT_EQ(ok({"--interruptible=3", "ls"}).command, std::vector<std::string>{"ls"});
  // -I decides which signals stop the trace: strace's numbers and names.
  EXPECT_EQ(ok({"ls"}).interruptible, 0);
  EXPECT_EQ(ok({"-I", "1", "ls"}).interruptible, 1);
  EXPECT_EQ(ok({"-I", "never", "ls"}).interruptible, 3);
  EXPECT_EQ(ok({"--interruptible=never_tstp", "ls"}).interruptible, 4);
  EXPECT_NE(error({"-I", "9", "ls"}).find("invalid -I argument: '9'"), std::string::npos);
  EXPECT_NE(error({"-I", "sometimes", "ls"}).find("invalid -I argument: 'sometimes'"), std::string::npos);
  EXPECT_NE(error({"-k", "ls"}).find("-k (a stack trace of each call) is not supported"), std::string::npos);
  EXPECT_NE(error({"--stack-trace", "ls"}).find("is not supported"), std::string::npos);
}

TEST(Cli, LongOptionsWithOptionalValues) {
  EXPECT_EQ(ok({"--quiet", "true"}).quiet, 1);
  EXPECT_EQ(ok({"--quiet=all", "true"}).exprs, std::vector<std::string>{"quiet=all"});
  EXPECT_EQ(ok({"--decode-fds", "true"}).decorate_fds, 1);
  EXPECT_EQ(ok({"--decode-fds=all", "true"}).exprs, std::vector<std::string>{"decode-fds=all"});
  EXPECT_EQ(ok({"--strings-in-hex", "true"}).hex, 2);
  EXPECT_EQ(ok({"--strings-in-hex=non-ascii", "true"}).hex, 1);
  EXPECT_EQ(ok({"--timestamps", "true"}).timestamps, 1);
  EXPECT_EQ(ok({"--timestamps=precision:us", "true"}).timestamps, 2);
  EXPECT_EQ(ok({"--absolute-timestamps=format:unix,precision:us", "true"}).timestamps, 3);
  EXPECT_EQ(ok({"--timestamps=unix", "true"}).timestamps, 3);
  // An optional value is never taken from the next word: that is the command.
  auto o = ok({"--quiet", "ls"});
  EXPECT_EQ(o.command, std::vector<std::string>{"ls"});
}

TEST(Cli, ExpandLongOptionsStopsAtTheCommand) {
  std::string err;
  auto w = expand_long_options({"etrace", "-o", "--trace=x", "cmd", "--trace=y"}, &err);
  EXPECT_EQ(w, (std::vector<std::string>{"etrace", "-o", "--trace=x", "cmd", "--trace=y"}));
  w = expand_long_options({"etrace", "--comm", "--x", "--trace=open", "cmd"}, &err);
  EXPECT_EQ(w, (std::vector<std::string>{"etrace", "--comm", "--x", "-e", "trace=open", "cmd"}));
  EXPECT_TRUE(err.empty());
}

TEST(Cli, HelpAndVersion) {
  auto h = parse({"-h"});
  EXPECT_FALSE(h.options);
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.message.find("Examples:"), std::string::npos);
  EXPECT_NE(h.message.find("etrace -p 230 -e trace=connect"), std::string::npos);
  EXPECT_NE(h.message.find("-P"), std::string::npos);
  EXPECT_EQ(parse({"--help"}).exit_code, 0);
  auto v = parse({"-V"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(v.version);  // main adds the kernel's features
  EXPECT_EQ(v.message.rfind("etrace -- version ", 0), 0u);
  EXPECT_EQ(v.message.substr(18), etrace_version());
  EXPECT_EQ(parse({"--version"}).message, v.message);
}

// For the completions: every name trace= accepts, and nothing it refuses.
TEST(Cli, ListSyscallsIsWhatTraceAccepts) {
  auto l = parse({"--list-syscalls"});
  EXPECT_FALSE(l.options);
  EXPECT_EQ(l.exit_code, 0);
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= l.message.size();) {
    const std::size_t nl = std::min(l.message.find('\n', start), l.message.size());
    names.push_back(l.message.substr(start, nl - start));
    start = nl + 1;
  }
  ASSERT_GT(names.size(), 300u);
  for (const char* n : {"openat", "execve", "io_uring_setup", "%file", "%network", "%%stat"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  for (const auto& n : names) {
    FilterBuilder b;
    EXPECT_EQ(b.add("trace=" + n), std::nullopt) << n;
  }
}

// The wording follows strace 6.1 ("strace: invalid -a argument: 'x'", ...).
TEST(Cli, Errors) {
  EXPECT_NE(error({}).find("must have a command"), std::string::npos);
  EXPECT_NE(error({"--bogus", "true"}).find("--bogus"), std::string::npos);
  EXPECT_NE(error({"-p", "0"}).find("Invalid process id: '0'"), std::string::npos);
  EXPECT_NE(error({"-p", "12x"}).find("Invalid process id: '12x'"), std::string::npos);
  EXPECT_NE(error({"-a", "x", "true"}).find("invalid -a argument: 'x'"), std::string::npos);
  // The padding is written on every line: a column past kMaxColumn is refused, not padded.
  EXPECT_EQ(ok({"-a", "4096", "true"}).column, 4096);
  EXPECT_NE(error({"-a", "4097", "true"}).find("invalid -a argument: '4097': the column is at most 4096"),
            std::string::npos);
  EXPECT_NE(error({"-a", "2147483647", "true"}).find("invalid -a argument: '2147483647'"), std::string::npos);
  EXPECT_NE(error({"-s", "-1", "true"}).find("invalid -s argument: '-1'"), std::string::npos);
  EXPECT_NE(error({"-c", "-S", "bogus", "true"}).find("invalid sortby: 'bogus'"), std::string::npos);
  EXPECT_NE(error({"-c", "-U", "calls,bogus", "true"}).find("unknown column name: 'bogus'"), std::string::npos);
  EXPECT_NE(error({"-U", "calls", "true"}).find("-U/--summary-columns must be given with"), std::string::npos);
  EXPECT_NE(error({"-c", "-C", "true"}).find("-c/--summary-only and -C/--summary are mutually exclusive"),
            std::string::npos);
  EXPECT_NE(error({"--buffer-size", "1000", "true"}).find("power of two"), std::string::npos);
  EXPECT_NE(error({"--buffer-size", "3M", "true"}).find("power of two"), std::string::npos);
  EXPECT_NE(error({"--buffer-size", "lots", "true"}).find("--buffer-size"), std::string::npos);
  EXPECT_NE(error({"--system-wide", "true"}).find("--system-wide"), std::string::npos);
  EXPECT_NE(error({"-u", "nobody", "-p", "1"}).find("-u/--user"), std::string::npos);
  EXPECT_NE(error({"-E", "=x", "true"}).find("invalid -E argument"), std::string::npos);
  EXPECT_NE(error({"--trace"}).find("option '--trace' requires an argument"), std::string::npos);
  EXPECT_NE(error({"--summary-only=1", "true"}).find("doesn't allow an argument"), std::string::npos);
  EXPECT_NE(error({"-P"}).find("trace-path"), std::string::npos);
}

// strace 6.1: "-w/--summary-wall-clock must be given with ..." (error) and
// "-S/--summary-sort-by has no effect without ..." (warning, tracing goes on).
// An empty value is refused, not taken as "not given": -u '' would run the command as root.
TEST(Cli, EmptyValuesAreRefused) {
  EXPECT_NE(error({"-u", "", "id"}).find("-u/--user: empty user name"), std::string::npos);
  EXPECT_NE(error({"--user=", "id"}).find("-u/--user: empty user name"), std::string::npos);
  EXPECT_NE(error({"-o", "", "true"}).find("-o/--output: empty file name"), std::string::npos);
  EXPECT_NE(error({"--output=", "true"}).find("-o/--output: empty file name"), std::string::npos);
  EXPECT_NE(error({"-P", "", "true"}).find("-P/--trace-path: empty path"), std::string::npos);
  EXPECT_NE(error({"-P", "/etc/passwd", "-P", "", "true"}).find("-P/--trace-path: empty path"), std::string::npos);
  EXPECT_NE(error({"-c", "-U", "", "true"}).find("-U/--summary-columns: empty column list"), std::string::npos);
  EXPECT_NE(error({"--comm", ""}).find("--comm: empty command name"), std::string::npos);
  EXPECT_NE(error({"--comm", "nginx", "--comm", ""}).find("--comm: empty command name"), std::string::npos);
  EXPECT_NE(error({"--cgroup", ""}).find("--cgroup: empty path"), std::string::npos);
  // "--comm=" is an empty value, not a cue to take the command's name as the value.
  EXPECT_NE(error({"--comm=", "true"}).find("--comm: empty command name"), std::string::npos);
  EXPECT_NE(error({"--cgroup=", "true"}).find("--cgroup: empty path"), std::string::npos);
  EXPECT_NE(error({"--exclude-comm=", "true"}).find("--exclude-comm"), std::string::npos);
  EXPECT_NE(error({"-s", "", "true"}).find("invalid -s argument: ''"), std::string::npos);
  EXPECT_NE(error({"-a", "", "true"}).find("invalid -a argument: ''"), std::string::npos);
}

// Lines of many processes carry their pid from the first one, not from when a second shows up.
TEST(Cli, PidOnEveryLine) {
  EXPECT_FALSE(pid_on_every_line(ok({"true"})));
  EXPECT_FALSE(pid_on_every_line(ok({"-f", "true"})));
  EXPECT_FALSE(pid_on_every_line(ok({"-p", "1"})));
  EXPECT_TRUE(pid_on_every_line(ok({"-f", "-o", "x", "true"})));
  EXPECT_TRUE(pid_on_every_line(ok({"--always-show-pid", "true"})));
  EXPECT_TRUE(pid_on_every_line(ok({"--system-wide"})));
  EXPECT_TRUE(pid_on_every_line(ok({"--comm", "nginx"})));
  EXPECT_TRUE(pid_on_every_line(ok({"--cgroup", "/sys/fs/cgroup/system.slice"})));
}

TEST(Cli, SummaryOptionsWithoutSummary) {
  EXPECT_NE(error({"-w", "true"}).find("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"),
            std::string::npos);
  auto o = ok({"-S", "calls", "true"});
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
}

TEST(Cli, Nice) {
  EXPECT_FALSE(ok({"true"}).nice);
  EXPECT_EQ(ok({"--nice", "-5", "true"}).nice, -5);
  EXPECT_EQ(ok({"--nice=19", "true"}).nice, 19);
  EXPECT_EQ(ok({"--nice", "-20", "true"}).nice, -20);
  // The option's own words end before the command.
  EXPECT_EQ(ok({"--nice", "5", "ls", "--nice", "3"}).command, (std::vector<std::string>{"ls", "--nice", "3"}));
  EXPECT_NE(error({"--nice", "20", "true"}).find("invalid --nice argument: '20' (a priority from -20 to 19)"),
            std::string::npos);
  EXPECT_NE(error({"--nice", "-21", "true"}).find("invalid --nice argument: '-21'"), std::string::npos);
  EXPECT_NE(error({"--nice", "low", "true"}).find("invalid --nice argument: 'low'"), std::string::npos);
  EXPECT_NE(error({"--nice", "", "true"}).find("invalid --nice argument: ''"), std::string::npos);
}

TEST(Cli, Exclusions) {
  const Options none = ok({"true"});
  EXPECT_TRUE(none.exclude_comms.empty() && none.exclude_pids.empty());
  auto o = ok({"--exclude-comm", "tmux: server,script", "--exclude-comm", "sshd", "--exclude-pid", "12,13",
               "--exclude-pid", "14", "--system-wide"});
  EXPECT_EQ(o.exclude_comms, (std::vector<std::string>{"tmux: server", "script", "sshd"}));
  EXPECT_EQ(o.exclude_pids, (std::vector<int>{12, 13, 14}));
  EXPECT_TRUE(o.system_wide);
  EXPECT_NE(error({"--exclude-comm", "a,,b", "true"}).find("invalid --exclude-comm argument: 'a,,b'"),
            std::string::npos);
  EXPECT_NE(error({"--exclude-comm", "", "true"}).find("invalid --exclude-comm argument"), std::string::npos);
  EXPECT_NE(error({"--exclude-pid", "0", "true"}).find("invalid --exclude-pid argument: '0'"), std::string::npos);
  EXPECT_NE(error({"--exclude-pid", "x", "true"}).find("invalid --exclude-pid argument: 'x'"), std::string::npos);
  EXPECT_NE(error({"--exclude-pid", "", "true"}).find("invalid --exclude-pid argument: ''"), std::string::npos);
  EXPECT_NE(error({"-p", "5", "--exclude-pid", "5"}).find("pid 5 is given to both -p and --exclude-pid"),
            std::string::npos);
  std::string many;
  for (int i = 0; i < 65; ++i) many += (i ? ",c" : "c") + std::to_string(i);
  EXPECT_NE(error({"--exclude-comm", many, "true"}).find("at most 64 names"), std::string::npos);
}

// strace 6.3+: --syscall-limit takes a positive count.
TEST(Cli, SyscallLimit) {
  EXPECT_EQ(ok({"true"}).syscall_limit, 0u);
  EXPECT_EQ(ok({"--syscall-limit=3", "true"}).syscall_limit, 3u);
  EXPECT_EQ(ok({"--syscall-limit", "18446744073709551615", "true"}).syscall_limit, 18446744073709551615ull);
  EXPECT_EQ(ok({"--syscall-limit", "2", "ls", "-l"}).command, (std::vector<std::string>{"ls", "-l"}));
  EXPECT_NE(error({"--syscall-limit", "0", "true"}).find("invalid --syscall-limit argument: '0'"), std::string::npos);
  EXPECT_NE(error({"--syscall-limit=-1", "true"}).find("invalid --syscall-limit argument: '-1'"), std::string::npos);
  EXPECT_NE(error({"--syscall-limit", "3x", "true"}).find("invalid --syscall-limit argument: '3x'"), std::string::npos);
  EXPECT_NE(error({"--syscall-limit"}).find("--syscall-limit"), std::string::npos);
  EXPECT_NE(error({"--syscall-limit", "", "true"}).find("invalid --syscall-limit argument: ''"), std::string::npos);
}

TEST(Cli, RateLimit) {
  EXPECT_EQ(ok({"true"}).rate_limit, 0u);
  EXPECT_EQ(ok({"--rate-limit", "1000", "true"}).rate_limit, 1000u);
  EXPECT_EQ(ok({"--rate-limit=4294967295", "true"}).rate_limit, 4294967295u);
  EXPECT_NE(error({"--rate-limit", "0", "true"}).find("invalid --rate-limit argument: '0'"), std::string::npos);
  EXPECT_NE(error({"--rate-limit", "4294967296", "true"}).find("invalid --rate-limit argument"), std::string::npos);
  EXPECT_NE(error({"--rate-limit", "fast", "true"}).find("invalid --rate-limit argument: 'fast'"), std::string::npos);
  EXPECT_NE(error({"--rate-limit", "", "true"}).find("invalid --rate-limit argument: ''"), std::string::npos);
}

TEST(Cli, AppendWithoutOutputWarns) {
  auto o = ok({"-A", "true"});
  ASSERT_EQ(o.warnings.size(), 1u);
  EXPECT_EQ(o.warnings[0], "-A/--output-append-mode has no effect without -o/--output");
}

}  // namespace
}  // namespace etrace
