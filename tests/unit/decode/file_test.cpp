// File calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

constexpr std::int64_t kEinval = -22;

// dup3 takes only O_CLOEXEC, but strace names whatever open flags a caller passes.
TEST(FileDecode, Dup3NamesEveryOpenFlag) {
  EXPECT_EQ(CallLine("dup3", {static_cast<std::uint64_t>(-2), static_cast<std::uint64_t>(-1), 01000}, kEinval).text(),
            "dup3(-2, -1, O_TRUNC) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("dup3", {static_cast<std::uint64_t>(-3), 0, 02001000}, kEinval).text(),
            "dup3(-3, 0, O_TRUNC|O_CLOEXEC) = -1 EINVAL (Invalid argument)");
}

// strace shows the epoll waits' arguments when they return: a failed call's timeout and mask
// are addresses.
TEST(FileDecode, EpollPwait2ShowsWhatAFailedCallPointsToAsAddresses) {
  const std::string forever = StructBytes(16).put<std::int64_t>(0, -1).put<std::int64_t>(8, -1);
  const std::string empty = StructBytes(8);
  const std::array<std::uint64_t, 6> args{3, 0x7fdee40d7ff4, static_cast<std::uint64_t>(-1), 0x7fdee3ee7ff0,
                                          0x7fdee3ee1ff8, 8};
  EXPECT_EQ(CallLine("epoll_pwait2", args, kEinval).at_entry(3, forever).at_entry(4, empty).text(),
            "epoll_pwait2(3, 0x7fdee40d7ff4, -1, 0x7fdee3ee7ff0, 0x7fdee3ee1ff8, 8) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace etrace::testing
