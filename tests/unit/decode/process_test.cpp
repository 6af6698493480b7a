// Process calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::testing {
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

// The XSAVE features have no names in the UAPI headers: strace shows the number and its
// meaning in every -X form but raw.
TEST(ProcessDecode, ArchPrctlXsaveFeaturesAsNumbersWithTheirMeaning) {
  constexpr std::uint64_t kGetXcompSupp = 0x1021, kReqXcompPerm = 0x1023;
  const std::string mask = StructBytes(8).put<std::uint64_t>(0, 0xe7);
  EXPECT_EQ(CallLine("arch_prctl", {kGetXcompSupp, 0x7ffd0000}, 0).at_exit(1, mask).text(),
            "arch_prctl(ARCH_GET_XCOMP_SUPP, [0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|XFEATURE_MASK_AVX512 */]) = 0");
  EXPECT_EQ(CallLine("arch_prctl", {kGetXcompSupp, 0x7ffd0000}, 0).at_exit(1, mask).xlat(TextOptions::Xlat::Raw).text(),
            "arch_prctl(0x1021, [0xe7]) = 0");
  EXPECT_EQ(CallLine("arch_prctl", {kGetXcompSupp, 0}, kEfault).text(),
            "arch_prctl(ARCH_GET_XCOMP_SUPP, NULL) = -1 EFAULT (Bad address)");
  constexpr std::int64_t kEopnotsupp = -95;
  EXPECT_EQ(CallLine("arch_prctl", {kReqXcompPerm, 0}, kEopnotsupp).text(),
            "arch_prctl(ARCH_REQ_XCOMP_PERM, 0 /* XFEATURE_FP */) = -1 EOPNOTSUPP (Operation not supported)");
  EXPECT_EQ(CallLine("arch_prctl", {kReqXcompPerm, 0xe}, kEopnotsupp).text(),
            "arch_prctl(ARCH_REQ_XCOMP_PERM, 0xe /* XFEATURE_??? */) = -1 EOPNOTSUPP (Operation not supported)");
  EXPECT_EQ(CallLine("arch_prctl", {kReqXcompPerm, 0x12}, kEopnotsupp).xlat(TextOptions::Xlat::Verbose).text(),
            "arch_prctl(0x1023 /* ARCH_REQ_XCOMP_PERM */, 0x12 /* XFEATURE_XTILE_DATA */) = -1 EOPNOTSUPP (Operation "
            "not supported)");
}

}  // namespace
}  // namespace etrace::testing
