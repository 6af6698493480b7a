// ioctl's third argument by request family; expected lines are what strace 6.1 prints for the
// same calls (its own test suite's expectations, tests/ioctl_*.c).
#include <gtest/gtest.h>

#include <cstdint>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

constexpr std::int64_t kEbadf = -9;

TEST(Ioctl, ArgumentOfARequestNoFamilyDecodesIsHexAndZeroIsNotNull) {
  // HDIO_GET_QDMA, HDIO_SET_XFER: strace prints the register, 0 as "0".
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x305, 0}, kEbadf).text(),
            "ioctl(-1, HDIO_GET_QDMA, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x306, 0xdeadbeefbadc0ded}, kEbadf).text(),
            "ioctl(-1, HDIO_SET_XFER, 0xdeadbeefbadc0ded) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x305, 0}, kEbadf).xlat(TextOptions::Xlat::Raw).text(),
            "ioctl(-1, 0x305, 0) = -1 EBADF (Bad file descriptor)");
}

TEST(Ioctl, TIOCSWINSZShowsTheStructItPassesEvenWhenTheCallFails) {
  const std::uint16_t ws[4] = {33152, 33666, 34180, 34694};
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x5414, 0x7f0000001ff8}, kEbadf).in(2, bytes_of(ws)).text(),
            "ioctl(-1, TIOCSWINSZ, {ws_row=33152, ws_col=33666, ws_xpixel=34180, ws_ypixel=34694}) = -1 EBADF "
            "(Bad file descriptor)");
  // Too short a copy (the struct crossed into an unmapped page): the address.
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x5414, 0x7f0000001ffc}, kEbadf).in(2, std::string(4, '\0')).text(),
            "ioctl(-1, TIOCSWINSZ, 0x7f0000001ffc) = -1 EBADF (Bad file descriptor)");
}

TEST(Ioctl, TIOCGWINSZShowsWhatTheCallFilledOnlyWhenItSucceeded) {
  const std::uint16_t ws[4] = {24, 80, 0, 0};
  EXPECT_EQ(CallLine("ioctl", {1, 0x5413, 0x7ffd00000010}, 0).in(2, std::string(8, 'x')).out(2, bytes_of(ws)).text(),
            "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
  EXPECT_EQ(CallLine("ioctl", {3, 0x5413, 0x7ffd00000010}, -25).in(2, std::string(8, 'x')).text(),
            "ioctl(3, TIOCGWINSZ, 0x7ffd00000010) = -1 ENOTTY (Inappropriate ioctl for device)");
}

TEST(Ioctl, TIOCMBISShowsModemFlagsAndTheirUnknownRest) {
  const std::uint32_t flags = 0xffff1e00;
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x5416, 0x7f0000000ffc}, kEbadf).in(2, bytes_of(flags)).text(),
            "ioctl(-1, TIOCMBIS, [0xffff1e00 /* TIOCM_??? */]) = -1 EBADF (Bad file descriptor)");
}

TEST(Ioctl, BLKROSETShowsTheIntItPassesAndBLKBSZGETTheAddressWhenItFails) {
  const std::int32_t n = -559038737;
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x125d, 0x7f0000000ffc}, kEbadf).in(2, bytes_of(n)).text(),
            "ioctl(-1, BLKROSET, [-559038737]) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x80081270, 0}, kEbadf).text(),
            "ioctl(-1, BLKBSZGET, NULL) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0x1262, 0xdeadbeef}, kEbadf).text(),
            "ioctl(-1, BLKRASET, 3735928559) = -1 EBADF (Bad file descriptor)");
}

TEST(Ioctl, RequestsWithoutArgumentShowNone) {
  EXPECT_EQ(CallLine("ioctl", {3, 0x5451, 0}, 0).text(), "ioctl(3, FIOCLEX) = 0");
  EXPECT_EQ(CallLine("ioctl", {kFdMinus1, 0xb701, 0x7ffd1234}, kEbadf).text(),
            "ioctl(-1, NS_GET_USERNS) = -1 EBADF (Bad file descriptor)");
}

TEST(Ioctl, NS_GET_NSTYPEResultNamesTheNamespaceType) {
  EXPECT_EQ(CallLine("ioctl", {5, 0xb703, 0}, 0x10000000).text(), "ioctl(5, NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER)");
}

TEST(Ioctl, IntArgumentsUnderVerboseNoneShowTheAddress) {
  const std::int32_t n = 5;
  EXPECT_EQ(CallLine("ioctl", {3, 0x541b, 0x7ffd0010}, 0).out(2, bytes_of(n)).text(), "ioctl(3, FIONREAD, [5]) = 0");
  EXPECT_EQ(CallLine("ioctl", {3, 0x541b, 0x7ffd0010}, 0).out(2, bytes_of(n)).no_deref().text(),
            "ioctl(3, FIONREAD, 0x7ffd0010) = 0");
}

}  // namespace
}  // namespace etrace::testing
