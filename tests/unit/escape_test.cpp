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

// Inside -y's and -Y's angle brackets, as strace 6.1 printed a path and a command name.
TEST(Escape, DecorationsHaveNoQuotesAndEscapeTheBrackets) {
  EXPECT_EQ(escape_decoration("/tmp/ps/f\x1b[2Jx\n"), R"(/tmp/ps/f\33[2Jx\n)");
  EXPECT_EQ(escape_decoration("a>b<c\"d\\e"), R"(a\76b\74c\"d\\e)");
  EXPECT_EQ(escape_decoration("\xc3\xa9t\x7f" "1"), R"(\303\251t\1771)");
}

// etrace's own messages keep their text and lose every control byte.
TEST(Escape, MessagesArePrintable) {
  EXPECT_EQ(printable("invalid -s argument: 'x'"), "invalid -s argument: 'x'");
  EXPECT_EQ(printable("Cannot find user '\x1b]0;T\a\x1b[2J\r\n'"), R"(Cannot find user '\33]0;T\7\33[2J\r\n')");
  EXPECT_EQ(printable("a\\b \"q\" \xc2\x9b" "1"), R"(a\\b "q" \302\2331)");
  for (char c : printable(std::string("\0\x01\x1b\x7f\x80\x9b\xff", 7))) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << int(c);
}

}  // namespace
}  // namespace etrace
