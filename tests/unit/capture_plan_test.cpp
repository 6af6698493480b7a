#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "syscalls/capture_plan.h"

#include <tuple>

namespace etrace {
namespace {

const SyscallSpec& spec(std::string_view name) {
  const SyscallInfo* info = SyscallTable::native().by_name(name);
  EXPECT_NE(info, nullptr) << name;
  return *info->spec;
}

TEST(CapturePlan, WriteTakesItsBufferAtEntryBoundedByStrsize) {
  PlanOptions o;
  o.max_strlen = 800;
  auto plan = plan_for_spec(spec("write"), o);
  ASSERT_EQ(plan.ncaptures, 1);
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_BUF_ARG);
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(plan.captures[0].arg, 1);
  EXPECT_EQ(plan.captures[0].len_arg, 2);
  EXPECT_EQ(plan.captures[0].max, 800);
}

TEST(CapturePlan, IoctlTakesWhatTheRequestSizesAtEntryAndAtExit) {
  auto plan = plan_for_spec(spec("ioctl"), {});
  ASSERT_EQ(plan.ncaptures, 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(plan.captures[i].type, ETRACE_CAP_UPTO);
    EXPECT_EQ(plan.captures[i].arg, 2);
    EXPECT_EQ(plan.captures[i].len_arg, 1) << "the size comes from the request";
    EXPECT_GT(plan.captures[i].elem_size, 0) << "requests without a size field still show their struct";
  }
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(plan.captures[1].when, ETRACE_AT_EXIT);
}

TEST(CapturePlan, PrctlAndGetsockoptTakeTheirPointersBothWays) {
  auto prctl = plan_for_spec(spec("prctl"), {});
  ASSERT_GE(prctl.ncaptures, 2);
  EXPECT_EQ(prctl.captures[0].type, ETRACE_CAP_UPTO);
  EXPECT_EQ(prctl.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(prctl.captures[0].len_arg, 0xff) << "a fixed size, not an ioctl request's";
  EXPECT_EQ(prctl.captures[1].when, ETRACE_AT_EXIT);
  auto gso = plan_for_spec(spec("getsockopt"), {});
  int optlen_captures = 0;
  for (unsigned i = 0; i < gso.ncaptures; ++i) optlen_captures += gso.captures[i].arg == 4;
  EXPECT_EQ(optlen_captures, 2) << "optlen going in and coming out";
}

TEST(CapturePlan, ReadTakesItsBufferAtExitAndPathsAreWhole) {
  auto read = plan_for_spec(spec("read"), {});
  ASSERT_EQ(read.ncaptures, 1);
  EXPECT_EQ(read.captures[0].type, ETRACE_CAP_BUF_RET);
  EXPECT_EQ(read.captures[0].when, ETRACE_AT_EXIT);
  auto openat = plan_for_spec(spec("openat"), {});
  ASSERT_GE(openat.ncaptures, 1);
  EXPECT_EQ(openat.captures[0].type, ETRACE_CAP_STRING);
  EXPECT_EQ(openat.captures[0].max, 4096);  // paths ignore -s, as in strace
}

TEST(CapturePlan, GetcwdTakesAWholePathWhateverStrsize) {
  PlanOptions o;
  o.max_strlen = 5;
  auto getcwd = plan_for_spec(spec("getcwd"), o);
  ASSERT_EQ(getcwd.ncaptures, 1);
  EXPECT_EQ(getcwd.captures[0].type, ETRACE_CAP_BUF_RET);
  EXPECT_EQ(getcwd.captures[0].max, 4096);  // PATH_MAX: the longest getcwd succeeds with
  // readlink's target is a string strace cuts at -s (strace -s 5: readlink("/tmp/cfx/lnk", "/tmp/"..., 4096)).
  auto readlink = plan_for_spec(spec("readlink"), o);
  ASSERT_EQ(readlink.ncaptures, 2);
  EXPECT_EQ(readlink.captures[1].type, ETRACE_CAP_BUF_RET);
  EXPECT_EQ(readlink.captures[1].max, 5);
}

TEST(CapturePlan, ExecveCapturesPathArgvAndEnvCount) {
  auto plan = plan_for_spec(spec("execve"), {});
  ASSERT_EQ(plan.ncaptures, 3);
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_STRING);
  EXPECT_EQ(plan.captures[1].type, ETRACE_CAP_STRVEC);
  EXPECT_EQ(plan.captures[1].max, 34);  // -s 32, one more character to see truncation, the NUL
  EXPECT_EQ(plan.captures[2].type, ETRACE_CAP_PTR_COUNT);
}

TEST(CapturePlan, ExitGroupIsEmittedAtEntryAndOnlyTracedNumbersAreEnabled) {
  EXPECT_TRUE(plan_for_spec(spec("exit_group"), {}).flags & ETRACE_PLAN_NO_RETURN);
  std::vector<bool> traced(SyscallTable::native().max_number() + 1, false);
  traced[SyscallTable::native().by_name("connect")->nr] = true;
  auto plans = project_capture_plans(SyscallTable::native(), traced, false, {});
  int enabled = 0;
  for (const auto& p : plans) enabled += (p.flags & ETRACE_PLAN_ENABLED) != 0;
  EXPECT_EQ(enabled, 1);
  EXPECT_TRUE(plans[SyscallTable::native().by_name("connect")->nr].flags & ETRACE_PLAN_ENABLED);
}

TEST(CapturePlan, ArraysCountElements) {
  auto poll = plan_for_spec(spec("poll"), {});
  ASSERT_GE(poll.ncaptures, 1);
  EXPECT_EQ(poll.captures[0].type, ETRACE_CAP_BUF_ARG);
  EXPECT_EQ(poll.captures[0].elem_size, 8);  // struct pollfd
}

TEST(CapturePlan, InputsWaitForTheExitOnlyWhenTheCallLeavesThemAlone) {
  auto late = [](std::string_view name, PlanOptions o = {}) {
    return (plan_for_spec(spec(name), o).flags & ETRACE_PLAN_INPUTS_AT_EXIT) != 0;
  };
  for (auto name : {"write", "openat", "newfstatat", "connect", "writev", "read", "rename", "pread64"})
    EXPECT_TRUE(late(name)) << name;
  // The socket as the call found it: a netlink socket it binds is not yet bound for strace.
  EXPECT_FALSE(late("sendto")) << "sendto's socket is seen at entry";
  // Read and written by the call, or gone by its exit.
  for (auto name : {"poll", "select", "ppoll", "accept4", "getsockname", "getsockopt", "execve", "execveat", "exit_group", "rt_sigreturn", "clone3", "vfork",
                    "capget", "rseq", "recvmmsg",
                    // an input and an output that may be one buffer: nanosleep(&ts, &ts)
                    "nanosleep", "clock_nanosleep", "rt_sigprocmask", "rt_sigaction", "prlimit64"})
    EXPECT_FALSE(late(name)) << name;
  PlanOptions y;
  y.decorate_fds = 1;
  EXPECT_FALSE(late("connect", y)) << "-y shows the socket as it was before connect";
  EXPECT_FALSE(late("close", y)) << "-y must see the file before close drops it";
}

// A socket buffer: the -s copy a string shows, the socket's kind (FDINFO of the fd, without -y
// too), and a longer copy that keeps what is readable, for netlink messages.
TEST(CapturePlan, SocketBuffersKnowTheirSocket) {
  const auto plan = plan_for_spec(spec("sendto"), {});
  int fdinfo = 0, short_copy = 0, long_copy = 0;
  for (unsigned i = 0; i < plan.ncaptures; ++i) {
    const auto& c = plan.captures[i];
    if (c.type == ETRACE_CAP_FDINFO && c.arg == 0 && c.when == ETRACE_AT_ENTER) ++fdinfo;
    if (c.type == ETRACE_CAP_BUF_ARG && c.arg == 1 && c.max == 32) ++short_copy;
    if (c.type == ETRACE_CAP_BUF_ARG_READABLE && c.arg == 1 && c.len_arg == 2 && c.max == 4096) ++long_copy;
  }
  EXPECT_EQ(fdinfo, 1);
  EXPECT_EQ(short_copy, 1);
  EXPECT_EQ(long_copy, 1);
  PlanOptions y;
  y.decorate_fds = 1;
  const auto with_y = plan_for_spec(spec("sendto"), y);
  fdinfo = 0;
  for (unsigned i = 0; i < with_y.ncaptures; ++i)
    fdinfo += with_y.captures[i].type == ETRACE_CAP_FDINFO && with_y.captures[i].arg == 0;
  EXPECT_EQ(fdinfo, 1) << "-y's own FDINFO serves";
}

// The kernel advances these offsets: strace shows where the call started (and sendfile where
// it ended too), so they cannot wait for the exit.
TEST(CapturePlan, OffsetsTheCallAdvancesAreTakenAtEntry) {
  for (auto name : {"copy_file_range", "splice"}) {
    auto plan = plan_for_spec(spec(name), {});
    EXPECT_FALSE(plan.flags & ETRACE_PLAN_INPUTS_AT_EXIT) << name;
    ASSERT_EQ(plan.ncaptures, 2) << name;
    for (int i = 0; i < 2; ++i) {
      EXPECT_EQ(plan.captures[i].arg, 1 + 2 * i) << name;
      EXPECT_EQ(plan.captures[i].when, ETRACE_AT_ENTER) << name;
      EXPECT_EQ(plan.captures[i].max, 8) << name;
    }
  }
  auto sendfile = plan_for_spec(spec("sendfile"), {});
  EXPECT_FALSE(sendfile.flags & ETRACE_PLAN_INPUTS_AT_EXIT);
  ASSERT_EQ(sendfile.ncaptures, 2);
  EXPECT_EQ(sendfile.captures[0].arg, 2);
  EXPECT_EQ(sendfile.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(sendfile.captures[1].arg, 2);
  EXPECT_EQ(sendfile.captures[1].when, ETRACE_AT_EXIT);
}

// fcntl's struct flock: read at entry for F_SETLK*, at exit for F_GETLK*; whatever the command,
// since the plan is per syscall. strace shows a written one only as the call left it, so the
// entry copy may still wait for the exit, except under -y (the fd as it was at entry).
TEST(CapturePlan, FcntlTakesItsLockStructInAndOut) {
  auto plan = plan_for_spec(spec("fcntl"), {});
  ASSERT_EQ(plan.ncaptures, 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(plan.captures[i].arg, 2);
    EXPECT_EQ(plan.captures[i].type, ETRACE_CAP_FIXED);
    EXPECT_EQ(plan.captures[i].max, 32);  // struct flock on x86_64
  }
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(plan.captures[1].when, ETRACE_AT_EXIT);
  EXPECT_TRUE(plan.flags & ETRACE_PLAN_INPUTS_AT_EXIT);
  PlanOptions y;
  y.decorate_fds = 1;
  EXPECT_FALSE(plan_for_spec(spec("fcntl"), y).flags & ETRACE_PLAN_INPUTS_AT_EXIT);
}

int fdinfo_count(const etrace_syscall_plan& plan, std::uint8_t source) {
  int n = 0;
  for (int i = 0; i < plan.ncaptures; ++i)
    n += plan.captures[i].type == ETRACE_CAP_FDINFO && plan.captures[i].len_arg == source;
  return n;
}

PlanOptions with_y(int level) {
  PlanOptions o;
  o.decorate_fds = level;
  return o;
}

TEST(CapturePlanFdInfo, NothingWithoutY) {
  for (auto name : {"read", "dup2", "pipe2", "socketpair", "accept4", "openat"}) {
    auto plan = plan_for_spec(spec(name), {});
    EXPECT_EQ(fdinfo_count(plan, ETRACE_FDINFO_FROM_ARG) + fdinfo_count(plan, ETRACE_FDINFO_FROM_RET) +
                  fdinfo_count(plan, ETRACE_FDINFO_FROM_PAIR),
              0)
        << name;
  }
}

TEST(CapturePlanFdInfo, FdArgumentsAtEntryAfterTheData) {
  auto read = plan_for_spec(spec("read"), with_y(1));
  ASSERT_EQ(read.ncaptures, 2);
  EXPECT_EQ(read.captures[0].type, ETRACE_CAP_BUF_RET);  // the data keeps its place
  EXPECT_EQ(read.captures[1].type, ETRACE_CAP_FDINFO);
  EXPECT_EQ(read.captures[1].arg, 0);
  EXPECT_EQ(read.captures[1].when, ETRACE_AT_ENTER);
  EXPECT_EQ(read.captures[1].len_arg, ETRACE_FDINFO_FROM_ARG);
}

TEST(CapturePlanFdInfo, DupNamesTheOldFdAndTheNewOneAtExit) {
  auto dup2 = plan_for_spec(spec("dup2"), with_y(2));
  ASSERT_EQ(dup2.ncaptures, 3);
  EXPECT_EQ(fdinfo_count(dup2, ETRACE_FDINFO_FROM_ARG), 2);
  ASSERT_EQ(fdinfo_count(dup2, ETRACE_FDINFO_FROM_RET), 1);
  EXPECT_EQ(dup2.captures[2].when, ETRACE_AT_EXIT);  // success only: a failed dup made no fd
}

TEST(CapturePlanFdInfo, PairsAfterTheirIntArray) {
  auto pipe2 = plan_for_spec(spec("pipe2"), with_y(1));
  ASSERT_EQ(pipe2.ncaptures, 2);
  EXPECT_EQ(pipe2.captures[0].type, ETRACE_CAP_FIXED);
  EXPECT_EQ(pipe2.captures[1].type, ETRACE_CAP_FDINFO);
  EXPECT_EQ(pipe2.captures[1].len_arg, ETRACE_FDINFO_FROM_PAIR);
  EXPECT_EQ(pipe2.captures[1].arg, 0);
  auto sp = plan_for_spec(spec("socketpair"), with_y(2));
  ASSERT_EQ(fdinfo_count(sp, ETRACE_FDINFO_FROM_PAIR), 1);
  EXPECT_EQ(sp.captures[sp.ncaptures - 1].arg, 3);
}

TEST(CapturePlanFdInfo, AcceptKeepsItsSockaddrAndGetsBothFds) {
  auto plan = plan_for_spec(spec("accept4"), with_y(2));
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_BUF_LEN_PTR);
  EXPECT_EQ(fdinfo_count(plan, ETRACE_FDINFO_FROM_ARG), 1);
  EXPECT_EQ(fdinfo_count(plan, ETRACE_FDINFO_FROM_RET), 1);
}

// The plan's slots go to the data first; today every call's fds fit beside it. A new spec
// that breaks this must raise ETRACE_MAX_CAPTURES or accept an undecorated fd, knowingly.
TEST(CapturePlanFdInfo, NoCallLosesAnFdToTheCaptureLimit) {
  std::vector<std::string_view> short_of_slots;
  for (const SyscallSpec& s : all_syscall_specs()) {
    int fds = s.ret == RetKind::Fd;
    for (std::size_t i = 0; i < s.nargs; ++i) {
      ArgKind k = s.args[i].kind;
      fds += k == ArgKind::Fd || k == ArgKind::FdPair || k == ArgKind::DirFd;
    }
    auto plain = plan_for_spec(s, {});
    if (plain.ncaptures + fds > ETRACE_MAX_CAPTURES) short_of_slots.push_back(s.name);
  }
  EXPECT_THAT(short_of_slots, ::testing::IsEmpty())
      << ::testing::PrintToString(short_of_slots);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, RtSigreturnReadsTheMaskFromItsSignalFrame) {
  auto plan = plan_for_spec(spec("rt_sigreturn"), {});
  ASSERT_EQ(plan.ncaptures, 1);
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_STACK);
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(plan.captures[0].max, 8);          // sigset_t as the kernel keeps it
  EXPECT_EQ(plan.captures[0].elem_size, 296);  // offsetof(struct ucontext, uc_sigmask) on x86_64
}

TEST(CapturePlan, PollFdsAreCapturedOnTheWayInAndOut) {
  auto plan = plan_for_spec(spec("poll"), {});
  ASSERT_GE(plan.ncaptures, 2);
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(plan.captures[1].when, ETRACE_AT_EXIT);
  EXPECT_EQ(plan.captures[1].arg, 0);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, IovecBuffersOfReadvAndWritev) {
  auto w = plan_for_spec(spec("writev"), {});
  ASSERT_GE(w.ncaptures, 1);
  EXPECT_EQ(w.captures[0].type, ETRACE_CAP_IOV);
  EXPECT_EQ(w.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(w.captures[0].len_arg, 2);
  EXPECT_EQ(w.captures[0].max, 32);  // -s per buffer
  auto r = plan_for_spec(spec("readv"), {});
  ASSERT_GE(r.ncaptures, 1);
  EXPECT_EQ(r.captures[0].type, ETRACE_CAP_IOV);
  EXPECT_EQ(r.captures[0].when, ETRACE_AT_EXIT);
  // Another process's memory: only the array.
  auto vm = plan_for_spec(spec("process_vm_readv"), {});
  EXPECT_NE(vm.captures[0].type, ETRACE_CAP_IOV);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, MsghdrWithItsParts) {
  auto s = plan_for_spec(spec("sendmsg"), {});
  ASSERT_GE(s.ncaptures, 1);
  EXPECT_EQ(s.captures[0].type, ETRACE_CAP_MSGHDR);
  EXPECT_EQ(s.captures[0].when, ETRACE_AT_ENTER);
  auto r = plan_for_spec(spec("recvmsg"), {});
  ASSERT_GE(r.ncaptures, 1);
  EXPECT_EQ(r.captures[0].type, ETRACE_CAP_MSGHDR);
  EXPECT_EQ(r.captures[0].when, ETRACE_AT_EXIT);
  // recvmsg rewrites msg_namelen: its first 12 bytes are also taken at entry ("110 => 16").
  ASSERT_GE(r.ncaptures, 2);
  EXPECT_EQ(r.captures[1].type, ETRACE_CAP_FIXED);
  EXPECT_EQ(r.captures[1].when, ETRACE_AT_ENTER);
  EXPECT_EQ(r.captures[1].max, 12);
  EXPECT_FALSE(r.flags & ETRACE_PLAN_INPUTS_AT_EXIT);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, VerboseExecveTakesTheEnvironmentStrings) {
  PlanOptions o;
  o.verbose = true;
  auto plan = plan_for_spec(spec("execve"), o);
  ASSERT_EQ(plan.ncaptures, 3);
  EXPECT_EQ(plan.captures[2].type, ETRACE_CAP_STRVEC);
  EXPECT_EQ(plan.captures[2].arg, 2);
}

// strace -e abbrev=none (or any abbrev= set without execve) prints the environment in full, as -v
// does: ["A=1", "B=2"]; abbrev=execve or all keeps "0x7ffe3c245d70 /* 2 vars */".
TEST(CapturePlan, AbbrevSetDecidesHowExecveTakesTheEnvironment) {
  const int execve = SyscallTable::native().by_name("execve")->nr;
  const int execveat = SyscallTable::native().by_name("execveat")->nr;
  auto envp_capture = [](const etrace_syscall_plan& p, int arg) {
    for (unsigned i = 0; i < p.ncaptures; ++i)
      if (p.captures[i].arg == arg) return static_cast<int>(p.captures[i].type);
    return -1;
  };
  std::vector<bool> traced(ETRACE_MAX_SYSCALL_NR, true);
  PlanOptions o;
  o.unabbreviated.assign(ETRACE_MAX_SYSCALL_NR, false);
  o.unabbreviated[execve] = true;
  auto plans = project_capture_plans(SyscallTable::native(), traced, false, o);
  EXPECT_EQ(envp_capture(plans[execve], 2), ETRACE_CAP_STRVEC);
  EXPECT_EQ(envp_capture(plans[execveat], 3), ETRACE_CAP_PTR_COUNT);
  // Numbers past the set follow `verbose`.
  o.unabbreviated.assign(static_cast<std::size_t>(execve), false);
  o.verbose = true;
  plans = project_capture_plans(SyscallTable::native(), traced, false, o);
  EXPECT_EQ(envp_capture(plans[execve], 2), ETRACE_CAP_STRVEC);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, SleepsKeepTheirRemainingTimeEvenWhenInterrupted) {
  auto plan = plan_for_spec(spec("nanosleep"), {});
  ASSERT_EQ(plan.ncaptures, 2);
  EXPECT_EQ(plan.captures[1].arg, 1);
  EXPECT_EQ(plan.captures[1].when, ETRACE_AT_EXIT_ALWAYS);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, MmsghdrEntriesAtExitWhereMsgLenIsKnown) {
  for (std::string_view name : {"sendmmsg", "recvmmsg"}) {
    auto plan = plan_for_spec(spec(name), {});
    ASSERT_GE(plan.ncaptures, 1) << name;
    EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_MMSGHDR) << name;
    EXPECT_EQ(plan.captures[0].when, ETRACE_AT_EXIT) << name;
    EXPECT_EQ(plan.captures[0].len_arg, 2) << name;
  }
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, GetdentsCountsItsEntriesBeforeTakingTheBuffer) {
  auto plan = plan_for_spec(spec("getdents64"), {});
  ASSERT_EQ(plan.ncaptures, 2);
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_DIRENT_COUNT);  // first: the buffer may fill the record
  EXPECT_EQ(plan.captures[1].type, ETRACE_CAP_BUF_RET);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CapturePlan, ArchPrctlReadsTheBaseTheGetCodesWrite) {
  auto plan = plan_for_spec(spec("arch_prctl"), {});
  ASSERT_EQ(plan.ncaptures, 1);
  EXPECT_EQ(plan.captures[0].arg, 1);
  EXPECT_EQ(plan.captures[0].type, ETRACE_CAP_FIXED);
  EXPECT_EQ(plan.captures[0].when, ETRACE_AT_EXIT);
  EXPECT_EQ(plan.captures[0].max, 8);
}

TEST(CapturePlan, IpcBuffersGoInAndComeOut) {
  for (auto [name, arg, size] : {std::tuple{"msgctl", 2, 120}, {"shmctl", 2, 112}, {"semctl", 3, 104}}) {
    auto plan = plan_for_spec(spec(name), {});
    ASSERT_EQ(plan.ncaptures, 2) << name;
    EXPECT_EQ(plan.captures[0].when, ETRACE_AT_ENTER) << name;
    EXPECT_EQ(plan.captures[1].when, ETRACE_AT_EXIT) << name;
    for (int i = 0; i < 2; ++i) {
      EXPECT_EQ(plan.captures[i].arg, arg) << name;
      EXPECT_EQ(plan.captures[i].type, ETRACE_CAP_FIXED) << name;
      EXPECT_EQ(plan.captures[i].max, size) << name;
    }
  }
  PlanOptions o;
  o.max_strlen = 32;
  auto snd = plan_for_spec(spec("msgsnd"), o);
  ASSERT_EQ(snd.ncaptures, 1);
  EXPECT_EQ(snd.captures[0].when, ETRACE_AT_ENTER);
  EXPECT_EQ(snd.captures[0].max, 8 + 32);  // mtype and the text -s shows
  auto rcv = plan_for_spec(spec("msgrcv"), o);
  ASSERT_EQ(rcv.ncaptures, 1);
  EXPECT_EQ(rcv.captures[0].when, ETRACE_AT_EXIT);
}

}  // namespace
}  // namespace etrace
