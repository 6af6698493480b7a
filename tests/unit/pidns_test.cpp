// PID namespace translation: the kernel's ids learned from records, /proc's NS* lines for the
// rest, and the comments strace 6.1 prints with --pidns-translation (its own words, so that
// its output and etrace's compare line for line).
#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "fake_procfs.h"
#include "format/json_emitter.h"
#include "format/text_emitter.h"
#include "proc/pidns.h"

namespace etrace {
namespace {

constexpr std::uint32_t kOwnNs = kInitialPidnsInode;
constexpr std::uint32_t kChildNs = 4026532555u;

TEST(Pidns, NsLinkInode) {
  EXPECT_EQ(ns_link_inode("pid:[4026531836]"), 4026531836u);
  EXPECT_EQ(ns_link_inode("pid:[]"), 0u);
  EXPECT_EQ(ns_link_inode("pid:[12x]"), 0u);
  EXPECT_EQ(ns_link_inode("/proc/1/ns/pid"), 0u);
}

TEST(Pidns, LearnedIdsTranslateWithoutProc) {
  testing::FakeProcFs proc;
  PidTranslator t(proc, kOwnNs);
  t.learn(kChildNs, 3, 23458, 2, 23457);
  EXPECT_EQ(t.to_own(kChildNs, 3, PidType::Tid), 23458u);
  EXPECT_EQ(t.to_own(kChildNs, 2, PidType::Tgid), 23457u);
  EXPECT_EQ(t.to_own(kChildNs, 2, PidType::Tid), 23457u);  // the leader's tid is the process id
  EXPECT_EQ(proc.link_reads, 0);
  // etrace's own namespace: nothing to translate.
  t.learn(kOwnNs, 100, 100, 100, 100);
  EXPECT_EQ(t.to_own(kOwnNs, 100, PidType::Tgid), 0u);
  EXPECT_EQ(t.to_own(0, 100, PidType::Tgid), 0u);
}

TEST(Pidns, ProcStatusLinesTranslateGroupsAndSessions) {
  testing::FakeProcFs proc;
  proc.links["/proc/1/ns/pid"] = "pid:[4026531836]";
  proc.files["/proc/1/status"] = "Name:\tsystemd\nNStgid:\t1\nNSpid:\t1\nNSpgid:\t1\nNSsid:\t1\n";
  proc.links["/proc/5000/ns/pid"] = "pid:[4026532555]";
  proc.files["/proc/5000/status"] =
      "Name:\tsh\nNStgid:\t5000\t4\nNSpid:\t5000\t4\nNSpgid:\t4990\t3\nNSsid:\t4980\t2\n";
  PidTranslator t(proc, kOwnNs);
  EXPECT_EQ(t.to_own(kChildNs, 3, PidType::Pgid), 4990u);
  EXPECT_EQ(t.to_own(kChildNs, 2, PidType::Sid), 4980u);
  EXPECT_EQ(t.to_own(kChildNs, 4, PidType::Tgid), 5000u);
  // The initial namespace's pid 1 is not the child namespace's.
  EXPECT_EQ(t.to_own(kChildNs, 1, PidType::Tgid), 0u);
  EXPECT_EQ(t.to_own(kChildNs, -3, PidType::Pgid), 0u);
}

struct PidLine {
  SyscallCall call;
  DecodeContext ctx;
  const SyscallInfo* info;
  PidLine(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t ret, PidTranslator* pids) {
    info = SyscallTable::native().by_name(name);
    call.nr = info->nr;
    call.args = args;
    call.ret = ret;
    call.tgid = call.tid = 23457;
    call.ns_tgid = call.ns_tid = 2;
    call.pidns = kChildNs;
    ctx.pids = pids;
  }
  std::string text() {
    std::string out;
    TextEmitter e(out, TextOptions{});
    e.begin_call(LineInfo{}, info->name);
    decode_args(info, call, ctx, e);
    e.end_call(decode_result(info, call, ctx));
    return out;
  }
};

TEST(Pidns, CommentsFollowStrace) {
  testing::FakeProcFs proc;
  proc.links["/proc/23460/ns/pid"] = "pid:[4026532555]";
  proc.files["/proc/23460/status"] = "NStgid:\t23460\t5\nNSpid:\t23460\t5\nNSpgid:\t23459\t4\nNSsid:\t23459\t4\n";
  PidTranslator t(proc, kOwnNs);
  t.learn(kChildNs, 2, 23457, 2, 23457);
  EXPECT_EQ(PidLine("getpid", {}, 2, &t).text(), "getpid()                                = 2 /* 23457 in strace's PID NS */\n");
  EXPECT_EQ(PidLine("gettid", {}, 2, &t).text(), "gettid()                                = 2 /* 23457 in strace's PID NS */\n");
  EXPECT_EQ(PidLine("getpgrp", {}, 4, &t).text(), "getpgrp()                               = 4 /* 23459 in strace's PID NS */\n");
  EXPECT_EQ(PidLine("kill", {5, 0}, 0, &t).text(), "kill(5 /* 23460 in strace's PID NS */, 0) = 0\n");
  EXPECT_EQ(PidLine("kill", {static_cast<std::uint64_t>(-4), 0}, 0, &t).text(),
            "kill(-4 /* 23459 in strace's PID NS */, 0) = 0\n");
  EXPECT_EQ(PidLine("tgkill", {2, 2, 0}, 0, &t).text(),
            "tgkill(2 /* 23457 in strace's PID NS */, 2 /* 23457 in strace's PID NS */, 0) = 0\n");
  // A pid no process has, a failed call, and no translation asked for: the numbers alone.
  EXPECT_EQ(PidLine("kill", {77, 0}, -3, &t).text(), "kill(77, 0)                             = -1 ESRCH (No such process)\n");
  EXPECT_EQ(PidLine("getpid", {}, 2, nullptr).text(), "getpid()                                = 2\n");
}

TEST(Pidns, JsonLinesCarryTheNamespacePidAndContainer) {
  std::string out;
  JsonOptions opts;
  opts.container_of = [](std::uint64_t id) { return id == 7777 ? std::string("3f2a9c") : std::string(); };
  JsonEmitter e(out, opts);
  LineInfo line;
  line.tgid = line.tid = 23457;
  line.ns_tid = 2;
  line.cgroup_id = 7777;
  e.begin_call(line, "getpid");
  e.end_call(CallResult{CallResult::Kind::Int, 2, {}, {}, {}, {}});
  EXPECT_EQ(out, R"({"type":"syscall","ts_ns":0,"pid":23457,"tid":23457,"pidns_pid":2,"cgroup_id":7777,)"
                 R"("container_id":"3f2a9c","nr":-1,"syscall":"getpid","args":{},"ret":2})" "\n");
  out.clear();
  line.cgroup_id = 1;
  e.begin_call(line, "getpid");
  e.end_call(CallResult{CallResult::Kind::Int, 2, {}, {}, {}, {}});
  EXPECT_EQ(out.find("container_id"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("cgroup_id":1,)"), std::string::npos) << out;
}

}  // namespace
}  // namespace etrace
