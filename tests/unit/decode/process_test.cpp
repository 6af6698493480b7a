// Process calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::test {
namespace {

constexpr std::int64_t kEfault = -14;

TEST(ProcessDecode, ArchPrctlGetShowsTheBaseItWrote) {
  constexpr std::uint64_t kGetGs = 0x1004, kSetFs = 0x1002;
  EXPECT_EQ(CallLine("arch_prctl", {kGetGs, 0}, kEfault).text(), "arch_prctl(ARCH_GET_GS, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(CallLine("arch_prctl", {kGetGs, 0x7ffff7dccff8}, 0).at_exit(1, StructBytes(8)).text(),
            "arch_prctl(ARCH_GET_GS, [NULL]) = 0");
  EXPECT_EQ(CallLine("arch_prctl", {kGetGs, 0x7ffff7dccff8}, 0)
                .at_exit(1, StructBytes(8).put<std::uint64_t>(0, 0x7ffff7dcd000))
                .text(),
            "arch_prctl(ARCH_GET_GS, [0x7ffff7dcd000]) = 0");
  EXPECT_EQ(CallLine("arch_prctl", {kSetFs, 0x7fdfe316e740}, 0).at_exit(1, StructBytes(8)).text(),
            "arch_prctl(ARCH_SET_FS, 0x7fdfe316e740) = 0");
}

}  // namespace
}  // namespace etrace::test
