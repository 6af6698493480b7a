// Expected strings were printed by /usr/bin/strace 6.1 for the same bytes (write(1, ...)).
#include <gtest/gtest.h>

#include "format/escape.h"

using namespace std::string_literals;

namespace etrace {
namespace {

std::string quote_bytes(std::string_view bytes, int hex = 0) {
  std::string out;
  append_quoted(out, bytes, hex);
  return out;
}

TEST(Escape, PrintableAsciiPassesThrough) { EXPECT_EQ(quote_bytes("hello world"), R"("hello world")"); }

TEST(Escape, ControlAndHighBytesAreOctal) {
  EXPECT_EQ(quote_bytes("\x80\xff\x00"s "a\x7f\t\"\\\x00"s "7\r\v\f"),
            R"("\200\377\0a\177\t\"\\\0007\r\v\f")");
}

TEST(Escape, OctalIsWidenedOnlyWhenADigitFollows) {
  EXPECT_EQ(quote_bytes("\x01\x01" "2\x1b[31m"), R"("\1\0012\33[31m")");
}

TEST(Escape, TerminalEscapeCannotReachTheScreen) {
  const std::string q = quote_bytes("\x1b]0;owned\x07\x1b[2J");
  for (char c : q) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << int(c);
}

TEST(Escape, HexOnceMeansWholeStringWhenAnyByteIsNonPrintable) {
  EXPECT_EQ(quote_bytes("ab\x80\n", 1), R"("\x61\x62\x80\x0a")");
  EXPECT_EQ(quote_bytes("ab\n", 1), R"("ab\n")");
}

TEST(Escape, HexTwiceAlwaysHex) { EXPECT_EQ(quote_bytes("ab\n", 2), R"("\x61\x62\x0a")"); }

}  // namespace
}  // namespace etrace
