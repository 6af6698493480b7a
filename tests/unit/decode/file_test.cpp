// File calls, compared with the lines strace 6.1 printed for strace's own tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::test {
namespace {

constexpr std::int64_t kEinval = -22;

// dup3 takes only O_CLOEXEC, but strace names whatever open flags a caller passes.
TEST(FileDecode, Dup3NamesEveryOpenFlag) {
  EXPECT_EQ(CallLine("dup3", {static_cast<std::uint64_t>(-2), static_cast<std::uint64_t>(-1), 01000}, kEinval).text(),
            "dup3(-2, -1, O_TRUNC) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("dup3", {static_cast<std::uint64_t>(-3), 0, 02001000}, kEinval).text(),
            "dup3(-3, 0, O_TRUNC|O_CLOEXEC) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace etrace::test
