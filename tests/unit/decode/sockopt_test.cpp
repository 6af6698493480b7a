// getsockopt/setsockopt; expected lines are what strace 6.1 prints for the same calls (its own
// test suite's expectations: tests/so_peercred.c, so_error.c, net-packet_mreq.c, ...).
#include <gtest/gtest.h>

#include <cstdint>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

TEST(Getsockopt, SO_PEERCREDShowsTheFieldsTheWrittenLengthHolds) {
  const std::int32_t ucred[3] = {4086, 0, 0};
  const std::int32_t size = 12, short_size = 7, len13 = 13;
  EXPECT_EQ(CallLine("getsockopt", {3, 1, 17, 0x7f00, 0x7f10}, 0)
                .in(4, bytes_of(size)).out(4, bytes_of(size)).out(3, bytes_of(ucred)).text(),
            "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=4086, uid=0, gid=0}, [12]) = 0");
  EXPECT_EQ(CallLine("getsockopt", {3, 1, 17, 0x7f00, 0x7f10}, 0)
                .in(4, bytes_of(len13)).out(4, bytes_of(size)).out(3, bytes_of(ucred)).text(),
            "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=4086, uid=0, gid=0}, [13 => 12]) = 0");
  EXPECT_EQ(CallLine("getsockopt", {3, 1, 17, 0x7f00, 0x7f10}, 0)
                .in(4, bytes_of(short_size)).out(4, bytes_of(short_size)).out(3, bytes_of(ucred).substr(0, 7)).text(),
            "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=4086, uid=\"\\x00\\x00\\x00\"}, [7]) = 0");
}

TEST(Getsockopt, AFailedCallShowsTheSizeGivenEvenWhenNegative) {
  const std::int32_t minus1 = -1;
  EXPECT_EQ(CallLine("getsockopt", {4, 1, 4, 0x7f00, 0x7f10}, -22).in(4, bytes_of(minus1)).text(),
            "getsockopt(4, SOL_SOCKET, SO_ERROR, 0x7f00, [-1]) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("getsockopt", {kFdMinus1, 255, 1, 0, 0}, -9).text(),
            "getsockopt(-1, SOL_RAW, ICMP_FILTER, NULL, NULL) = -1 EBADF (Bad file descriptor)");
}

TEST(Getsockopt, NETLINK_LIST_MEMBERSHIPSShowsTheGroupsBothLengthsHold) {
  const std::uint32_t zero = 0;
  const std::int32_t five = 5, three = 3, eight = 8;
  // The buffer ends the mapping after 4 bytes; the kernel says 8 were needed (sockopt-sol_netlink.c).
  EXPECT_EQ(CallLine("getsockopt", {3, 270, 9, 0x7f00, 0x7f10}, 0)
                .in(4, bytes_of(five)).out(4, bytes_of(eight)).out(3, bytes_of(zero)).text(),
            "getsockopt(3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [0], [5 => 8]) = 0");
  EXPECT_EQ(CallLine("getsockopt", {3, 270, 9, 0x7f00, 0x7f10}, 0)
                .in(4, bytes_of(three)).out(4, bytes_of(eight)).out(3, bytes_of(zero)).text(),
            "getsockopt(3, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, [], [3 => 8]) = 0");
}

TEST(Setsockopt, SO_TXREHASHNamesItsValueInDecimal) {
  const std::int32_t enabled = 1, two = 2;
  EXPECT_EQ(CallLine("setsockopt", {3, 1, 74, 0x7f00, 4}, -95).in(3, bytes_of(enabled)).in(3, bytes_of(enabled)).text(),
            "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_ENABLED], 4) = -1 EOPNOTSUPP (Operation not supported)");
  EXPECT_EQ(CallLine("setsockopt", {3, 1, 74, 0x7f00, 5}, -95).fault(3).in(3, bytes_of(two)).text(),
            "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [2 /* SOCK_TXREHASH_??? */], 5) = -1 EOPNOTSUPP (Operation not "
            "supported)");
}

TEST(Setsockopt, UnknownOptionsOfALevelShowItsPlaceholder) {
  EXPECT_EQ(CallLine("setsockopt", {kFdMinus1, 263, 0xffffffff, 0, 0}, -9).text(),
            "setsockopt(-1, SOL_PACKET, 0xffffffff /* PACKET_??? */, NULL, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(CallLine("setsockopt", {kFdMinus1, 263, 0xffffffff, 0, 0}, -9).xlat(TextOptions::Xlat::Raw).text(),
            "setsockopt(-1, 0x107, 0xffffffff, NULL, 0) = -1 EBADF (Bad file descriptor)");
}

TEST(Setsockopt, PACKET_RX_RINGShowsStructTpacketReq) {
  const std::uint32_t req[4] = {4294967295u, 4294967295u, 4294967295u, 4294967295u};
  EXPECT_EQ(CallLine("setsockopt", {kFdMinus1, 263, 5, 0x7f00, 16}, -9).in(3, bytes_of(req)).in(3, bytes_of(req)).text(),
            "setsockopt(-1, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4294967295, tp_block_nr=4294967295, "
            "tp_frame_size=4294967295, tp_frame_nr=4294967295}, 16) = -1 EBADF (Bad file descriptor)");
}

TEST(Setsockopt, SO_LINGERNeedsTheWholeStruct) {
  const std::int32_t linger[2] = {-15, -42};
  EXPECT_EQ(CallLine("setsockopt", {3, 1, 13, 0x7f00, 8}, 0).in(3, bytes_of(linger)).in(3, bytes_of(linger)).text(),
            "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=-15, l_linger=-42}, 8) = 0");
  EXPECT_EQ(CallLine("setsockopt", {3, 1, 13, 0x7f00, 7}, -22).in(3, bytes_of(linger).substr(0, 7)).in(3, bytes_of(linger)).text(),
            "setsockopt(3, SOL_SOCKET, SO_LINGER, 0x7f00, 7) = -1 EINVAL (Invalid argument)");
  // optlen 9 with the struct at the end of a mapping: the optlen-sized copy faulted, the struct
  // was read (so_linger.c).
  EXPECT_EQ(CallLine("setsockopt", {3, 1, 13, 0x7f00, 9}, 0).fault(3).in(3, bytes_of(linger)).text(),
            "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=-15, l_linger=-42}, 9) = 0");
}

}  // namespace
}  // namespace etrace::testing
