// Time calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::test {
namespace {

constexpr std::int64_t kErestartnohand = -514, kErestartBlock = -516;

std::string timespec(std::int64_t sec, std::int64_t nsec) {
  return StructBytes(16).put<std::int64_t>(0, sec).put<std::int64_t>(8, nsec);
}

// The kernel writes the time left only into a relative sleep a signal cut short.
TEST(TimeDecode, ClockNanosleepAbsoluteLeavesRemainAlone) {
  EXPECT_EQ(CallLine("clock_nanosleep", {0, 1, 0x7ffd8c3f4fa0, 0x7ffd8c3f4f90}, kErestartnohand)
                .at_entry(2, timespec(1796644577, 536453773))
                .at_exit(3, timespec(789988, 789989))
                .text(),
            "clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=1796644577, tv_nsec=536453773}, 0x7ffd8c3f4f90) = ? "
            "ERESTARTNOHAND (To be restarted if no handler)");
  EXPECT_EQ(CallLine("clock_nanosleep", {0, 0, 0x7ffd8c3f4fa0, 0x7ffd8c3f4f90}, kErestartBlock)
                .at_entry(2, timespec(0, 999999999))
                .at_exit(3, timespec(0, 885226461))
                .text(),
            "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=999999999}, {tv_sec=0, tv_nsec=885226461}) = ? "
            "ERESTART_RESTARTBLOCK (Interrupted by signal)");
}

}  // namespace
}  // namespace etrace::test
