// prctl by option; expected lines are what strace 6.1 prints for the same calls (its own test
// suite's expectations, tests/prctl-*.c).
#include <gtest/gtest.h>

#include <cstdint>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

constexpr std::int64_t kEinval = -22;
using X = TextOptions::Xlat;

TEST(Prctl, PR_SVE_SET_VLShowsFlagsAboveTheVectorLength) {
  EXPECT_EQ(CallLine("prctl", {50, 0xff, 0, 0, 0}, kEinval).text(),
            "prctl(PR_SVE_SET_VL, 0xff) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {50, 0x600ff, 0, 0, 0}, kEinval).text(),
            "prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xff) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {50, 0x10000, 0, 0, 0}, kEinval).xlat(X::Verbose).text(),
            "prctl(0x32 /* PR_SVE_SET_VL */, 0x10000 /* 0x10000|0 */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {50, 0xfacefeed, 0, 0, 0}, kEinval).xlat(X::Verbose).text(),
            "prctl(0x32 /* PR_SVE_SET_VL */, 0xfacefeed /* PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xfac80000|0xfeed "
            "*/) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {50, 0xdead, 0, 0, 0}, kEinval).xlat(X::Verbose).text(),
            "prctl(0x32 /* PR_SVE_SET_VL */, 0xdead) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {51, 0, 0, 0, 0}, kEinval).text(), "prctl(PR_SVE_GET_VL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {63, 0, 0, 0, 0}, kEinval).xlat(X::Raw).text(),
            "prctl(0x3f, 0) = -1 EINVAL (Invalid argument)");
}

TEST(Prctl, PR_SET_TAGGED_ADDR_CTRLSplitsItsControlWord) {
  EXPECT_EQ(CallLine("prctl", {55, 0, 1, 2, 3}, kEinval).text(),
            "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE, 0x1, 0x2, 0x3) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {55, 0x57ae57f4, 1, 2, 3}, kEinval).text(),
            "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT|"
            "0x57a80000, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {55, 0, 1, 2, 3}, kEinval).xlat(X::Verbose).text(),
            "prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0 /* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE */, 0x1, 0x2, "
            "0x3) = -1 EINVAL (Invalid argument)");
}

TEST(Prctl, PR_SET_NAMEShowsFifteenCharactersAndMarksANameWithoutNul) {
  // The 16 bytes at arg2 as they were at entry (fewer when the mapping ends sooner).
  EXPECT_EQ(CallLine("prctl", {15, 0x7f0000000ffc, 0, 0, 0}, 0).in(1, std::string("def\0", 4)).text(),
            "prctl(PR_SET_NAME, \"def\") = 0");
  EXPECT_EQ(CallLine("prctl", {15, 0x7f0000000ff0, 0, 0, 0}, 0).in(1, std::string("123456789abcdef\0", 16)).text(),
            "prctl(PR_SET_NAME, \"123456789abcdef\"...) = 0");
  EXPECT_EQ(CallLine("prctl", {15, 0x7f0000000ff1, 0, 0, 0}, 0).in(1, "123456789abcdef").text(),
            "prctl(PR_SET_NAME, \"123456789abcdef\"...) = 0");
  EXPECT_EQ(CallLine("prctl", {15, 0x7f0000000ff2, 0, 0, 0}, 0).in(1, "23456789abcdef").text(),
            "prctl(PR_SET_NAME, 0x7f0000000ff2) = 0");
  EXPECT_EQ(CallLine("prctl", {15, 0x7f0000000ff0, 0, 0, 0}, 0).text(), "prctl(PR_SET_NAME, 0x7f0000000ff0) = 0");
}

TEST(Prctl, OptionsWithConstantsAndSets) {
  EXPECT_EQ(CallLine("prctl", {60, 0, 1, 0, 1}, kEinval).text(),
            "prctl(PR_PAC_SET_ENABLED_KEYS, 0, PR_PAC_APIAKEY, 0, 0x1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {54, 0x20, 0, 0, 0}, kEinval).text(),
            "prctl(PR_PAC_RESET_KEYS, 0x20 /* PR_PAC_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {26, 0, 0, 0, 0}, kEinval).text(),
            "prctl(PR_SET_TSC, 0 /* PR_TSC_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {6, 0xff00, 0, 0, 0}, kEinval).text(),
            "prctl(PR_SET_UNALIGN, 0xff00 /* PR_UNALIGN_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {33, 1, 1, 0, 0}, 0).text(),
            "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0");
  EXPECT_EQ(CallLine("prctl", {1, 0xbadc0deddeadfeed, 0, 0, 0}, kEinval).text(),
            "prctl(PR_SET_PDEATHSIG, 13464652301225295597) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {28, 0xbadc0ded00000000, 0, 0, 0}, -1).text(),
            "prctl(PR_SET_SECUREBITS, 0xbadc0ded00000000 /* SECBIT_??? */) = -1 EPERM (Operation not permitted)");
  EXPECT_EQ(CallLine("prctl", {59, 1, 0xdeadbeeffacefeed, 0, 0}, kEinval).text(),
            "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0xdeadbeeffacefeed, 0, NULL) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(Prctl, PR_SCHED_COREShowsThePidTypeWithItsNameAndTheCookieItFilled) {
  EXPECT_EQ(CallLine("prctl", {62, 0, 23387, 0, 0}, kEinval).text(),
            "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 23387, 0 /* PIDTYPE_PID */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("prctl", {62, 0, 23387, 0, 0x7f00}, kEinval).xlat(X::Raw).text(),
            "prctl(0x3e, 0, 23387, 0, 0x7f00) = -1 EINVAL (Invalid argument)");
  const std::uint64_t cookie = 0x1234;
  EXPECT_EQ(CallLine("prctl", {62, 0, 1, 1, 0x7f00}, 0).out(4, bytes_of(cookie)).text(),
            "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 1, 0x1 /* PIDTYPE_TGID */, [0x1234]) = 0");
}

TEST(Prctl, GetOptionsShowTheIntTheyFilled) {
  const std::uint32_t zero = 0;
  EXPECT_EQ(CallLine("prctl", {37, 0x7f00, 0, 0, 0}, 0).out(1, bytes_of(zero)).text(),
            "prctl(PR_GET_CHILD_SUBREAPER, [0]) = 0");
  EXPECT_EQ(CallLine("prctl", {19, 0, 0, 0, 0}, kEinval).text(), "prctl(PR_GET_ENDIAN, NULL) = -1 EINVAL (Invalid argument)");
  const std::uint64_t tid_addr = 0x7fb7f788fa10;
  EXPECT_EQ(CallLine("prctl", {40, 0x7f00, 0, 0, 0}, 0).out(1, bytes_of(tid_addr)).text(),
            "prctl(PR_GET_TID_ADDRESS, [0x7fb7f788fa10]) = 0");
}

}  // namespace
}  // namespace etrace::testing
