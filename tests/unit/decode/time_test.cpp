// Time calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::testing {
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

// strace reads the timex when the call returns and names the clock state it returned.
TEST(TimeDecode, AdjtimexShowsTheTimexItGotBackAndTheClockState) {
  const std::string tx = StructBytes(208)
                             .put<std::int64_t>(24, 16000000)
                             .put<std::int64_t>(32, 16000000)
                             .put<std::int32_t>(40, 0x40)
                             .put<std::int64_t>(48, 2)
                             .put<std::int64_t>(56, 1)
                             .put<std::int64_t>(64, 32768000)
                             .put<std::int64_t>(72, 1796644804)
                             .put<std::int64_t>(80, 501425)
                             .put<std::int64_t>(88, 10000);
  EXPECT_EQ(CallLine("adjtimex", {0x7f335cefef30}, 5).at_exit(0, tx).text(),
            "adjtimex({modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, "
            "precision=1, tolerance=32768000, time={tv_sec=1796644804, tv_usec=501425}, tick=10000, ppsfreq=0, "
            "jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)");
  constexpr std::int64_t kEfault = -14;
  EXPECT_EQ(CallLine("clock_adjtime", {0, 0x7f335cefef30}, kEfault).text(),
            "clock_adjtime(CLOCK_REALTIME, 0x7f335cefef30) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace etrace::testing
