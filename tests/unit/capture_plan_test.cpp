#include <gtest/gtest.h>

#include "syscalls/capture_plan.h"

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

}  // namespace
}  // namespace etrace
