#include <gtest/gtest.h>

#include <set>
#include <string>

#include "syscalls/spec.h"
#include "syscalls/syscall_table.h"
#include "xlat/xlat.h"

namespace etrace {
namespace {

TEST(SyscallSpecs, EveryKernelSyscallHasAHandWrittenSpec) {
  auto missing = SyscallTable::native().missing_specs();
  std::string names;
  for (auto n : missing) names += std::string(n) + " ";
  EXPECT_TRUE(missing.empty()) << "no spec for: " << names;
}

TEST(SyscallSpecs, EverySpecNamesAKernelSyscall) {
  for (const auto& s : all_syscall_specs())
    EXPECT_NE(SyscallTable::native().by_name(s.name), nullptr) << s.name;
}

TEST(SyscallSpecs, SortedAndFindable) {
  auto specs = all_syscall_specs();
  for (std::size_t i = 1; i < specs.size(); ++i) EXPECT_LT(specs[i - 1].name, specs[i].name);
  for (const auto& s : specs) EXPECT_EQ(find_syscall_spec(s.name), &s);
  EXPECT_EQ(find_syscall_spec("no_such_call"), nullptr);
}

TEST(SyscallSpecs, InfoSpecIsNeverNull) {
  for (const auto& info : SyscallTable::native().all()) ASSERT_NE(info.spec, nullptr) << info.name;
}

// Argument counts strace's syscallent gives (the ones people meet daily).
TEST(SyscallSpecs, ArgumentCountsMatchStrace) {
  const std::pair<const char*, int> expected[] = {
      {"read", 3},  {"write", 3},   {"openat", 4},   {"close", 1},    {"mmap", 6},
      {"execve", 3}, {"wait4", 4},  {"clone", 5},    {"futex", 6},    {"newfstatat", 4},
      {"statx", 5}, {"exit_group", 1}, {"getpid", 0}, {"rt_sigaction", 4}, {"accept4", 4},
      {"sendto", 6}, {"pselect6", 6}, {"ppoll", 5},  {"epoll_pwait", 6}, {"prlimit64", 4}};
  for (auto [name, n] : expected) {
    const SyscallSpec* s = find_syscall_spec(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->nargs, n) << name;
  }
}

TEST(SyscallSpecs, ArgumentsAreWellFormed) {
  for (const auto& s : all_syscall_specs()) {
    ASSERT_LE(s.nargs, 6) << s.name;
    std::set<std::string_view> names;
    for (const auto& a : s.arguments()) {
      EXPECT_FALSE(a.name.empty()) << s.name;
      EXPECT_TRUE(names.insert(a.name).second) << s.name << " repeats " << a.name;
      if (a.kind == ArgKind::BufIn || a.kind == ArgKind::SockaddrIn || a.kind == ArgKind::SockaddrOut) {
        EXPECT_GE(a.len_arg, 0) << s.name << " " << a.name;
      }
      if (a.len_arg >= 0) {
        EXPECT_LT(a.len_arg, s.nargs) << s.name << " " << a.name;
      }
      if (a.kind == ArgKind::StructIn || a.kind == ArgKind::StructOut) {
        EXPECT_FALSE(a.detail.empty()) << s.name;
      }
    }
  }
}

TEST(SyscallSpecs, ClassesFollowStrace) {
  auto has = [](const char* name, std::uint32_t cls) { return (find_syscall_spec(name)->classes & cls) != 0; };
  EXPECT_TRUE(has("openat", kClassFile) && has("openat", kClassDesc));
  EXPECT_TRUE(has("fstat", kClassFstat) && has("fstat", kClassStatLike));
  EXPECT_TRUE(has("newfstatat", kClassFstat) && !has("newfstatat", kClassStat));
  EXPECT_TRUE(has("stat", kClassStat) && has("lstat", kClassLstat));
  EXPECT_TRUE(has("statfs", kClassStatfs) && has("fstatfs", kClassFstatfs) && has("ustat", kClassStatfsLike));
  EXPECT_TRUE(has("execve", kClassProcess) && has("execve", kClassFile));
  EXPECT_TRUE(has("kill", kClassSignal) && has("kill", kClassProcess));
  EXPECT_TRUE(has("connect", kClassNetwork) && !has("connect", kClassDesc));
  EXPECT_TRUE(has("getpid", kClassPure) && has("getuid", kClassCreds));
  EXPECT_TRUE(has("clock_gettime", kClassClock) && has("shmat", kClassMemory) && has("shmat", kClassIpc));
  EXPECT_FALSE(has("nanosleep", ~0u));
}

TEST(SyscallSpecs, BlockingCallsAreMarked) {
  for (const char* name : {"read", "wait4", "accept4", "futex", "epoll_wait", "nanosleep", "poll", "connect",
                           "recvfrom", "clock_nanosleep", "pause", "rt_sigsuspend", "msgrcv", "flock"})
    EXPECT_TRUE(find_syscall_spec(name)->flags & kMayBlock) << name;
  for (const char* name : {"close", "openat", "mmap", "getpid", "exit_group"})
    EXPECT_FALSE(find_syscall_spec(name)->flags & kMayBlock) << name;
}

TEST(SyscallSpecs, ReturnKinds) {
  EXPECT_EQ(find_syscall_spec("mmap")->ret, RetKind::Hex);
  EXPECT_EQ(find_syscall_spec("brk")->ret, RetKind::Hex);
  EXPECT_EQ(find_syscall_spec("openat")->ret, RetKind::Fd);
  EXPECT_EQ(find_syscall_spec("exit_group")->ret, RetKind::None);
  EXPECT_EQ(find_syscall_spec("umask")->ret, RetKind::Octal);
  EXPECT_EQ(find_syscall_spec("clone")->ret, RetKind::Pid);
}

}  // namespace
}  // namespace etrace
