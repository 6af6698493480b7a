// The pipeline's userspace filters and per-call options, fed hand-made records; expected lines
// are what strace 6.1 printed for the same calls and options.
#include <gtest/gtest.h>

#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "app/call_filters.h"
#include "app/hex_dump.h"
#include "app/pipeline.h"
#include "etrace/event.h"
#include "format/text_emitter.h"
#include "support/record_builder.h"

namespace etrace {
namespace {

constexpr std::uint32_t kPid = 4242;

struct PayloadSpec {
  std::uint8_t arg;
  std::uint8_t type;
  std::uint16_t flags;
  std::string bytes;
};

std::vector<std::uint8_t> syscall_record(std::int64_t nr, std::array<std::uint64_t, 6> args, std::int64_t ret,
                                         std::vector<PayloadSpec> payloads = {}, std::uint16_t flags = 0,
                                         std::uint32_t tid = kPid) {
  auto b = testing::RecordBuilder::syscall(kPid, tid, nr, args, ret);
  b.flags(flags).times(1000, 2000);
  for (const auto& p : payloads) b.payload(p.arg, p.type, p.bytes, p.bytes.size(), p.flags);
  return b.build();
}

std::vector<std::uint8_t> exit_record(int status, std::uint32_t tid = kPid) {
  return testing::RecordBuilder::task_exit(kPid, tid, status, true);
}

std::vector<std::uint8_t> signal_record(int sig) {
  return testing::RecordBuilder::signal(kPid, kPid, sig, {reinterpret_cast<const char*>(&sig), sizeof(sig)});
}

constexpr int kWrite = 1, kClose = 3, kOpenat = 257, kExitGroup = 231, kNewfstatat = 262;

// write(1, "hi\n", 3) = 3
std::vector<std::uint8_t> write_hi() {
  return syscall_record(kWrite, {1, 0x5555d0c0, 3, 0, 0, 0}, 3, {{1, ETRACE_PL_BYTES, 0, "hi\n"}});
}
// close(3) = -1 EBADF
std::vector<std::uint8_t> close_bad() { return syscall_record(kClose, {3, 0, 0, 0, 0, 0}, -9); }
std::vector<std::uint8_t> exit_group0() {
  return syscall_record(kExitGroup, {0, 0, 0, 0, 0, 0}, 0, {}, ETRACE_SC_NO_RETURN);
}

struct Feed {
  std::string out;
  PipelineOptions opts;
  TextOptions text;
  PipelineHooks hooks;

  std::string feed(const std::vector<std::vector<std::uint8_t>>& records) {
    TextEmitter e(out, text);
    Pipeline p(opts, e, hooks);
    p.add_task(kPid);
    for (const auto& r : records) EXPECT_TRUE(p.on_record(r));
    return out;
  }
};

TEST(Pipeline, AllOutcomesByDefault) {
  Feed r;
  EXPECT_EQ(r.feed({write_hi(), close_bad(), exit_group0(), exit_record(0)}),
            "write(1, \"hi\\n\", 3)                     = 3\n"
            "close(3)                                = -1 EBADF (Bad file descriptor)\n"
            "exit_group(0)                           = ?\n"
            "+++ exited with 0 +++\n");
}

// strace -z: no failed calls and no exit_group (it never returns: "unfinished").
TEST(Pipeline, SuccessfulOnly) {
  Feed r;
  r.opts.status = kStatusSuccessful;
  EXPECT_EQ(r.feed({write_hi(), close_bad(), exit_group0(), exit_record(0)}),
            "write(1, \"hi\\n\", 3)                     = 3\n"
            "+++ exited with 0 +++\n");
}

// strace -e status=unfinished true: "exit_group(0) = ?" and the exit line only.
TEST(Pipeline, UnfinishedOnly) {
  Feed r;
  r.opts.status = kStatusUnfinished;
  EXPECT_EQ(r.feed({write_hi(), close_bad(), exit_group0(), exit_record(0)}),
            "exit_group(0)                           = ?\n"
            "+++ exited with 0 +++\n");
}

// A process killed by SIGKILL inside a call: the call's exit runs but its result is never seen.
// strace 6.1: `kill -KILL $$` in sh, and `sleep 5` killed by kill -9 while it sleeps.
TEST(Pipeline, CallsEndedBySigkillHaveNoResult) {
  constexpr int kKill = 62, kClockNanosleep = 230;
  const std::int64_t restart_block = -516;
  const std::string ts("\5\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);  // {tv_sec=5, tv_nsec=0}
  Feed r;
  EXPECT_EQ(r.feed({syscall_record(kKill, {7123, 9, 0, 0, 0, 0}, 0, {}, ETRACE_SC_KILLED),
                    syscall_record(kClockNanosleep, {0, 0, 0x7ffd0000, 0x7ffd0010, 0, 0}, restart_block,
                                   {{2, ETRACE_PL_BYTES, 0, ts}, {3, ETRACE_PL_BYTES, ETRACE_PLF_AT_EXIT, ts}},
                                   ETRACE_SC_KILLED),
                    exit_record(9)}),
            "kill(7123, SIGKILL)                     = ?\n"
            "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <unfinished ...>) = ?\n"
            "+++ killed by SIGKILL +++\n");
}

// --syscall-limit=2: the first two calls that pass the filters (here -Z: failed ones), then
// nothing at all, not even the exit line.
TEST(Pipeline, CallLimitStopsAfterTheCallsShown) {
  Feed r;
  r.opts.status = kStatusFailed;
  r.opts.call_limit = 2;
  TextEmitter e(r.out, r.text);
  Pipeline p(r.opts, e, r.hooks);
  p.add_task(kPid);
  for (const auto& rec : {write_hi(), close_bad(), write_hi()}) EXPECT_TRUE(p.on_record(rec));
  EXPECT_FALSE(p.limit_reached());
  for (const auto& rec : {close_bad(), close_bad(), signal_record(15), exit_record(0)}) EXPECT_TRUE(p.on_record(rec));
  EXPECT_TRUE(p.limit_reached());
  EXPECT_EQ(r.out,
            "close(3)                                = -1 EBADF (Bad file descriptor)\n"
            "close(3)                                = -1 EBADF (Bad file descriptor)\n");
}

// --rate-limit: the calls held back show in place, with the pid when lines carry one.
TEST(Pipeline, RateLimitedCallsShowAsAGapInPlace) {
  Feed r;
  r.opts.pid_on_every_line = true;
  EXPECT_EQ(r.feed({write_hi(), testing::RecordBuilder::rate_limited(kPid, kPid, 5000), close_bad()}),
            "[pid  4242] write(1, \"hi\\n\", 3)         = 3\n"
            "[pid  4242] <... 5000 calls over the rate limit ...>\n"
            "[pid  4242] close(3)                    = -1 EBADF (Bad file descriptor)\n");
}

TEST(Pipeline, SignalSetAndQuietExit) {
  Feed r;
  r.opts.signals = NumberSet{};
  r.opts.signals->bits.assign(65, false);
  r.opts.signals->bits[15] = true;  // SIGTERM only
  r.opts.print_exits = false;
  EXPECT_EQ(r.feed({signal_record(17), signal_record(15), exit_record(0)}),
            "--- SIGTERM {si_signo=SIGTERM, ...} ---\n");
}

// strace -n -e trace=write,exit_group echo x: "[ 231] +++ exited with 0 +++" carries the last call's number.
TEST(Pipeline, NumbersOnExitLines) {
  Feed r;
  r.text.numbers = true;
  EXPECT_EQ(r.feed({write_hi(), exit_group0(), exit_record(0)}),
            "[   1] write(1, \"hi\\n\", 3)              = 3\n"
            "[ 231] exit_group(0)                    = ?\n"
            "[ 231] +++ exited with 0 +++\n");
}

// strace -e raw=write: "write(0x1, 0x5555d0c0, 0x3)             = 0x3"; errors stay symbolic.
TEST(Pipeline, RawArgumentsAndResult) {
  Feed r;
  r.opts.raw = NumberSet{};
  r.opts.raw->bits.assign(400, false);
  r.opts.raw->bits[kWrite] = true;
  r.opts.raw->bits[kClose] = true;
  EXPECT_EQ(r.feed({write_hi(), close_bad()}),
            "write(0x1, 0x5555d0c0, 0x3)             = 0x3\n"
            "close(0x3)                              = -1 EBADF (Bad file descriptor)\n");
}

// strace -e verbose=none: "newfstatat(3, "", 0x7ffd8a4e5e40, AT_EMPTY_PATH) = 0"
TEST(Pipeline, NotVerboseStructsAreAddresses) {
  Feed r;
  r.opts.deref = NumberSet{};
  r.opts.deref->bits.assign(400, false);
  std::string stat_bytes(144, '\0');
  auto rec = syscall_record(kNewfstatat, {3, 0x5555, 0x7ffd8a4e5e40, 0x1000, 0, 0}, 0,
                            {{1, ETRACE_PL_STRING, 0, ""}, {2, ETRACE_PL_BYTES, ETRACE_PLF_AT_EXIT, stat_bytes}});
  EXPECT_EQ(r.feed({rec}), "newfstatat(3, \"\", 0x7ffd8a4e5e40, AT_EMPTY_PATH) = 0\n");
}

// strace -e verbose=none ls: "execve("/usr/bin/ls", 0x7ffe6e8c2770, 0x7ffe6e8c2790) = 0"; with
// -e verbose=execve the argv and the environment count come back, and fstat stays an address.
TEST(Pipeline, NotVerboseArgvAndEnvpAreAddresses) {
  constexpr int kExecve = 59;
  auto execve = [] {
    auto b = testing::RecordBuilder::syscall(kPid, kPid, kExecve, {0x5555, 0x7ffe6e8c2770, 0x7ffe6e8c2790}, 0);
    b.times(1000, 2000);
    b.payload(0, ETRACE_PL_STRING, "/usr/bin/ls", 11);
    b.payload(1, ETRACE_PL_STRVEC, std::string_view("ls\0-l", 5), 2);
    b.payload(2, ETRACE_PL_COUNT, {}, 6);
    return b.build();
  };
  auto fstat = syscall_record(kNewfstatat, {3, 0x5555, 0x7ffd8a4e5e40, 0x1000, 0, 0}, 0,
                              {{1, ETRACE_PL_STRING, 0, ""}, {2, ETRACE_PL_BYTES, ETRACE_PLF_AT_EXIT, std::string(144, '\0')}});
  Feed none;
  none.opts.deref = NumberSet{};
  none.opts.deref->bits.assign(400, false);
  EXPECT_EQ(none.feed({execve()}), "execve(\"/usr/bin/ls\", 0x7ffe6e8c2770, 0x7ffe6e8c2790) = 0\n");
  Feed only_execve;
  only_execve.opts.deref = NumberSet{};
  only_execve.opts.deref->bits.assign(400, false);
  only_execve.opts.deref->bits[kExecve] = true;
  EXPECT_EQ(only_execve.feed({execve(), fstat}),
            "execve(\"/usr/bin/ls\", [\"ls\", \"-l\"], 0x7ffe6e8c2790 /* 6 vars */) = 0\n"
            "newfstatat(3, \"\", 0x7ffd8a4e5e40, AT_EMPTY_PATH) = 0\n");
}

TEST(Pipeline, KeepCallHidesAndSummaryOnlyCounts) {
  Feed r;
  int counted = 0;
  r.hooks.keep_call = [](const SyscallInfo*, const SyscallCall& c) { return c.nr != kClose; };
  r.hooks.on_call_counted = [&](const SyscallInfo*, const SyscallCall&) { ++counted; };
  EXPECT_EQ(r.feed({write_hi(), close_bad()}), "write(1, \"hi\\n\", 3)                     = 3\n");
  EXPECT_EQ(counted, 1);

  Feed c;
  c.opts.status = kStatusFailed;  // strace -c -Z still counts every call
  c.opts.print_calls = false;
  c.opts.print_exits = false;
  int n = 0;
  c.hooks.on_call_counted = [&](const SyscallInfo*, const SyscallCall&) { ++n; };
  EXPECT_EQ(c.feed({write_hi(), close_bad(), exit_record(0)}), "");
  EXPECT_EQ(n, 2);
}

// -Y's name cache hears of a thread's exit after its last line, which still shows the name.
TEST(Pipeline, TaskExitHookFollowsTheExitLine) {
  Feed r;
  std::vector<std::uint32_t> gone;
  std::string out_at_exit;
  r.hooks.on_task_exit = [&](std::uint32_t tid) {
    gone.push_back(tid);
    out_at_exit = r.out;
  };
  r.feed({write_hi(), exit_record(0)});
  EXPECT_EQ(gone, std::vector<std::uint32_t>{kPid});
  EXPECT_NE(out_at_exit.find("+++ exited with 0 +++"), std::string::npos) << out_at_exit;
}

TEST(Pipeline, AfterLineFollowsTheLine) {
  Feed r;
  r.hooks.after_line = [&](const SyscallInfo*, const SyscallCall& c, const LineInfo&) {
    r.out += hex_dump(c.payload(1)->bytes);
  };
  EXPECT_EQ(r.feed({write_hi()}),
            "write(1, \"hi\\n\", 3)                     = 3\n"
            " | 00000  68 69 0a                                          hi.              |\n");
}

TEST(Pipeline, NeverShowPidForPerThreadFiles) {
  Feed r;
  r.opts.never_show_pid = true;
  r.opts.pid_on_every_line = true;
  EXPECT_EQ(r.feed({write_hi()}), "write(1, \"hi\\n\", 3)                     = 3\n");
}

// sendfile(5, 3, &off, 16) blocked on a full pipe while another thread ran: strace 6.1 cut the
// offset between the two lines, "[0] <unfinished ...>" and "<... sendfile resumed> => [16]".
struct BlockedSendfile {
  static constexpr int kSendfile = 40;
  static constexpr std::uint32_t kThread = kPid + 1;
  std::string out;
  PipelineOptions opts;

  static std::string offset(std::int64_t v) { return std::string(reinterpret_cast<const char*>(&v), 8); }

  // The still-running head (if `blocked`), a line of the other thread (if `other`), then the call.
  std::string run(std::int64_t ret, bool blocked, bool other) {
    TextEmitter e(out, TextOptions{});
    Pipeline p(opts, e);
    p.add_task(kPid);
    p.add_task(kThread);
    SyscallCall running;
    running.tgid = running.tid = kPid;
    running.nr = kSendfile;
    running.args = {5, 3, 0x7ffd0000, 16, 0, 0};
    running.has_ret = false;
    running.enter_ts_ns = 1000;
    running.payloads.push_back({2, ETRACE_PL_BYTES, 0, 8, offset(0)});
    if (blocked) p.on_still_running(running);
    if (other) {
      EXPECT_TRUE(p.on_record(syscall_record(kClose, {4, 0, 0, 0, 0, 0}, 0, {}, 0, kThread)));
    }
    std::vector<PayloadSpec> payloads{{2, ETRACE_PL_BYTES, 0, offset(0)}};
    if (ret > 0) payloads.push_back({2, ETRACE_PL_BYTES, ETRACE_PLF_AT_EXIT, offset(ret)});
    EXPECT_TRUE(p.on_record(syscall_record(kSendfile, running.args, ret, payloads)));
    return out;
  }
};

TEST(Pipeline, ABlockedCallCutsTheArgumentItWritesBack) {
  EXPECT_EQ(BlockedSendfile().run(16, true, true),
            "[pid  4242] sendfile(5, 3, [0] <unfinished ...>\n"
            "[pid  4243] close(4)                    = 0\n"
            "[pid  4242] <... sendfile resumed> => [16], 16) = 16\n");
  // Nothing written back: the tail starts with the ", " before the next argument.
  EXPECT_EQ(BlockedSendfile().run(-32, true, true),
            "[pid  4242] sendfile(5, 3, [0] <unfinished ...>\n"
            "[pid  4243] close(4)                    = 0\n"
            "[pid  4242] <... sendfile resumed>, 16) = -1 EPIPE (Broken pipe)\n");
  // Nothing printed in between: the line completes in place, whole.
  EXPECT_EQ(BlockedSendfile().run(16, true, false), "[pid  4242] sendfile(5, 3, [0] => [16], 16) = 16\n");
  EXPECT_EQ(BlockedSendfile().run(16, false, false), "[pid  4242] sendfile(5, 3, [0] => [16], 16) = 16\n");
  // -e raw=all: the address is all there is, nothing to cut (strace -e raw=sendfile the same).
  BlockedSendfile raw;
  raw.opts.decode.opts.raw = true;
  EXPECT_EQ(raw.run(16, true, true),
            "[pid  4242] sendfile(0x5, 0x3, 0x7ffd0000, 0x10 <unfinished ...>\n"
            "[pid  4243] close(0x4)                  = 0\n"
            "[pid  4242] <... sendfile resumed>)     = 0x10\n");
}

// strace -e read=3 on a 39-byte read printed exactly these three lines.
TEST(HexDump, MatchesStrace) {
  EXPECT_EQ(hex_dump("hello world, this is a test of hexdump\n"),
            " | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  hello world, thi |\n"
            " | 00010  73 20 69 73 20 61 20 74  65 73 74 20 6f 66 20 68  s is a test of h |\n"
            " | 00020  65 78 64 75 6d 70 0a                              exdump.          |\n");
  EXPECT_EQ(hex_dump(""), "");
  EXPECT_TRUE(dump_target("read")->is_read);
  EXPECT_FALSE(dump_target("sendto")->is_read);
  EXPECT_FALSE(dump_target("close"));
}

class FakeFds final : public FdNamer {
 public:
  std::string describe(std::uint32_t, std::int64_t fd) override { return fd == 3 ? "/tmp/hx.txt" : ""; }
};

SyscallCall call_of(std::int64_t nr, std::array<std::uint64_t, 6> args, std::vector<Payload> payloads = {}) {
  SyscallCall c;
  c.tgid = c.tid = kPid;
  c.nr = nr;
  c.args = args;
  c.payloads = std::move(payloads);
  return c;
}

TEST(CallFilters, PathByNameOrThroughAnFd) {
  FakeFds fds;
  PathFilter f(fds);
  f.add("hx.txt");
  f.add("/tmp/hx.txt");
  const SyscallTable& t = SyscallTable::native();
  Payload rel;
  rel.arg = 1;
  rel.type = ETRACE_PL_STRING;
  rel.bytes = "hx.txt";
  EXPECT_TRUE(f.matches(t.by_number(kOpenat), call_of(kOpenat, {static_cast<std::uint64_t>(-100), 1, 0, 0, 0, 0}, {rel})));
  rel.bytes = "other";
  EXPECT_FALSE(f.matches(t.by_number(kOpenat), call_of(kOpenat, {static_cast<std::uint64_t>(-100), 1, 0, 0, 0, 0}, {rel})));
  EXPECT_TRUE(f.matches(t.by_number(kClose), call_of(kClose, {3, 0, 0, 0, 0, 0})));
  EXPECT_FALSE(f.matches(t.by_number(kClose), call_of(kClose, {4, 0, 0, 0, 0, 0})));
  EXPECT_FALSE(f.matches(t.by_number(kExitGroup), call_of(kExitGroup, {0, 0, 0, 0, 0, 0})));
}

TEST(CallFilters, TraceFds) {
  const SyscallTable& t = SyscallTable::native();
  FdSet one{{1}, false};
  EXPECT_TRUE(fd_filter_matches(one, t.by_number(kWrite), call_of(kWrite, {1, 0, 0, 0, 0, 0})));
  EXPECT_FALSE(fd_filter_matches(one, t.by_number(kWrite), call_of(kWrite, {2, 0, 0, 0, 0, 0})));
  EXPECT_FALSE(fd_filter_matches(one, t.by_number(kExitGroup), call_of(kExitGroup, {1, 0, 0, 0, 0, 0})));
  FdSet all{{}, true};
  EXPECT_TRUE(fd_filter_matches(all, t.by_number(kExitGroup), call_of(kExitGroup, {1, 0, 0, 0, 0, 0})));
}

TEST(CallFilters, CommFromProcForkAndExecve) {
  int reads = 0;
  CommCache c([&](std::uint32_t tid) {
    ++reads;
    return tid == 1 ? std::string("sh") : std::string();
  });
  EXPECT_EQ(c.comm(1), "sh");
  EXPECT_EQ(c.comm(1), "sh");
  EXPECT_EQ(reads, 1);
  c.on_fork(1, 2);
  EXPECT_EQ(c.comm(2), "sh");
  Payload path;
  path.arg = 0;
  path.type = ETRACE_PL_STRING;
  path.bytes = "/usr/lib/a-very-long-program-name";
  SyscallCall exec = call_of(59, {0, 0, 0, 0, 0, 0}, {path});
  exec.tgid = exec.tid = 2;
  c.after_call(SyscallTable::native().by_name("execve"), exec);
  EXPECT_EQ(c.comm(2), "a-very-long-pro");  // TASK_COMM_LEN - 1
}

// prctl(PR_SET_NAME, "\33]0;T\7\33[2J\r\n") renames the calling thread; the bytes stay raw here
// (the emitter escapes them) and the name is the kernel's: up to the NUL, at most 15 bytes.
TEST(CallFilters, CommFollowsPrSetName) {
  CommCache c([](std::uint32_t) { return std::string("before"); });
  EXPECT_EQ(c.comm(7), "before");
  const SyscallInfo* prctl = SyscallTable::native().by_name("prctl");
  ASSERT_NE(prctl, nullptr);
  Payload name;
  name.arg = 1;
  name.type = ETRACE_PL_BYTES;
  name.bytes = std::string("\x1b]0;T\a\x1b[2J\r\n\0junk", 17);
  SyscallCall set = call_of(prctl->nr, {15 /* PR_SET_NAME */, 0x1000, 0, 0, 0, 0}, {name});
  set.tgid = 5;
  set.tid = 7;
  c.after_call(prctl, set);
  EXPECT_EQ(c.comm(7), "\x1b]0;T\a\x1b[2J\r\n");
  name.bytes = "a-name-longer-than-fifteen";
  SyscallCall longer = call_of(prctl->nr, {15, 0x1000, 0, 0, 0, 0}, {name});
  longer.tgid = 5;
  longer.tid = 7;
  c.after_call(prctl, longer);
  EXPECT_EQ(c.comm(7), "a-name-longer-t");
  SyscallCall other = call_of(prctl->nr, {16 /* PR_GET_NAME */, 0x1000, 0, 0, 0, 0}, {name});
  other.tgid = other.tid = 7;
  c.after_call(prctl, other);
  EXPECT_EQ(c.comm(7), "a-name-longer-t");
}

TEST(CallFilters, CommKeepsTheCallsThatRenameInTheTrace) {
  const auto& names = CommCache::naming_syscalls();
  for (auto want : {"execve", "execveat", "prctl"})
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
}

TEST(CallFilters, CommReadFromProcKeepsANewlineInTheName) {
  EXPECT_EQ(CommCache::read_proc(static_cast<std::uint32_t>(getpid())).find('\n'), std::string::npos);
  char name[16] = {};
  prctl(PR_GET_NAME, name);
  prctl(PR_SET_NAME, "a\nb");
  EXPECT_EQ(CommCache::read_proc(static_cast<std::uint32_t>(gettid())), "a\nb");
  prctl(PR_SET_NAME, name);
}

}  // namespace
}  // namespace etrace
