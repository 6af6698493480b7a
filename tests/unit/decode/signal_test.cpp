// Signal masks, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

constexpr std::int64_t kEinval = -22;
constexpr std::uint64_t kMinusOne = ~0ull, kMinusTwo = ~1ull;

// strace reads a sigset only when its size argument is the kernel's, 8 bytes.
TEST(SignalDecode, ASigsetOfAnotherSizeShowsItsAddress) {
  const std::string usr1 = StructBytes(8).put<std::uint64_t>(0, 1u << 9);
  EXPECT_EQ(CallLine("epoll_pwait", {kMinusOne, 0x7f169b93eff4, 1, kMinusTwo, 0x7fff9713fb70, 256}, kEinval)
                .at_entry(4, usr1)
                .text(),
            "epoll_pwait(-1, 0x7f169b93eff4, 1, -2, 0x7fff9713fb70, 256) = -1 EINVAL (Invalid argument)");
  constexpr std::int64_t kEbadf = -9;
  EXPECT_EQ(CallLine("signalfd4", {kMinusOne, 0x7fff9713fb70, 8, 0}, kEbadf).at_entry(1, usr1).text(),
            "signalfd4(-1, [USR1], 8, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("signalfd4", {kMinusOne, 0x7fff9713fb70, 16, 0}, kEbadf).at_entry(1, usr1).text(),
            "signalfd4(-1, 0x7fff9713fb70, 16, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("rt_sigprocmask", {0, 0x7fff9713fb70, 0, 4}, kEinval).at_entry(1, usr1).text(),
            "rt_sigprocmask(SIG_BLOCK, 0x7fff9713fb70, NULL, 4) = -1 EINVAL (Invalid argument)");
}

// rt_sigpending takes a smaller size too, and gets that many bytes.
TEST(SignalDecode, RtSigpendingShowsTheBytesItsSizeSays) {
  EXPECT_EQ(CallLine("rt_sigpending", {0x7fff9713fb70, 4}, 0).at_exit(0, StructBytes(8)).text(), "rt_sigpending([], 4) = 0");
  EXPECT_EQ(CallLine("rt_sigpending", {0x7fff9713fb70, 9}, kEinval).text(),
            "rt_sigpending(0x7fff9713fb70, 9) = -1 EINVAL (Invalid argument)");
}

// A set that ends in unmapped memory (read short) shows as its address.
TEST(SignalDecode, AShortSigsetShowsItsAddress) {
  constexpr std::int64_t kEfault = -14;
  EXPECT_EQ(CallLine("rt_sigprocmask", {2, 0x7fdf4d38effc, 0, 8}, kEfault).at_entry(1, StructBytes(4)).text(),
            "rt_sigprocmask(SIG_SETMASK, 0x7fdf4d38effc, NULL, 8) = -1 EFAULT (Bad address)");
}

// A siginfo that ends in unmapped memory (127 of its 128 bytes readable) shows as its address.
TEST(SignalDecode, AShortSiginfoShowsItsAddress) {
  constexpr std::int64_t kEbadf = -9;
  const std::string short_info = StructBytes(127).put<std::int32_t>(0, 10);
  EXPECT_EQ(CallLine("rt_sigqueueinfo", {1, 10, 0x7f0000000f81}, kEbadf).at_entry(2, short_info).text(),
            "rt_sigqueueinfo(1, SIGUSR1, 0x7f0000000f81) = -1 EBADF (Bad file descriptor)");
}

}  // namespace
}  // namespace etrace::testing
