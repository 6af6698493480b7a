#include "format/escape.h"

#include <array>
#include <cstdint>

namespace etrace {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// What each byte becomes, looked up once per byte: this loop runs over every traced buffer.
enum ByteClass : std::uint8_t {
  kPlain,   // printable: copied as is
  kSelf,    // '"' and '\\': a backslash, then the byte
  kLetter,  // \t \n \v \f \r: a backslash, then its C letter
  kOctal,   // anything else: octal (or \x with -x)
};

struct EscapeTable {
  std::array<std::uint8_t, 256> cls{};
  std::array<char, 256> letter{};
};

constexpr EscapeTable make_table() {
  EscapeTable t;
  for (int c = 0; c < 256; ++c) t.cls[c] = c >= 0x20 && c < 0x7f ? kPlain : kOctal;
  t.cls['"'] = kSelf;
  t.cls['\\'] = kSelf;
  const char from[] = {'\t', '\n', '\v', '\f', '\r'};
  const char to[] = {'t', 'n', 'v', 'f', 'r'};
  for (int i = 0; i < 5; ++i) {
    t.cls[static_cast<unsigned char>(from[i])] = kLetter;
    t.letter[static_cast<unsigned char>(from[i])] = to[i];
  }
  return t;
}

constexpr EscapeTable kTable = make_table();

std::uint8_t class_of(char c) { return kTable.cls[static_cast<unsigned char>(c)]; }

void append_hex_bytes(std::string& out, std::string_view bytes) {
  const std::size_t at = out.size();
  out.resize(at + 4 * bytes.size());
  char* p = out.data() + at;
  for (unsigned char c : bytes) {
    *p++ = '\\';
    *p++ = 'x';
    *p++ = kHex[c >> 4];
    *p++ = kHex[c & 0xf];
  }
}

}  // namespace

void append_quoted(std::string& out, std::string_view bytes, int hex) {
  bool use_hex = hex >= 2;
  if (hex == 1) {
    for (char c : bytes)
      if (class_of(c) == kOctal) {
        use_hex = true;
        break;
      }
  }
  out.push_back('"');
  if (use_hex) {
    append_hex_bytes(out, bytes);
    out.push_back('"');
    return;
  }
  const char* const data = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t end = i;
    while (end < n && class_of(data[end]) == kPlain) ++end;
    if (end > i) out.append(data + i, end - i);  // a run of printable bytes in one append
    if (end == n) break;
    const auto c = static_cast<unsigned char>(data[end]);
    i = end + 1;
    switch (kTable.cls[c]) {
      case kSelf:
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
        break;
      case kLetter:
        out.push_back('\\');
        out.push_back(kTable.letter[c]);
        break;
      default: {
        // Octal, as short as possible unless a digit follows and would be read as part of it.
        const bool digit_follows = i < n && data[i] >= '0' && data[i] <= '9';
        char buf[4];
        std::size_t len = 0;
        buf[len++] = '\\';
        if (digit_follows || c >> 6) buf[len++] = static_cast<char>('0' + (c >> 6));
        if (digit_follows || c >> 3) buf[len++] = static_cast<char>('0' + ((c >> 3) & 7));
        buf[len++] = static_cast<char>('0' + (c & 7));
        out.append(buf, len);
        break;
      }
    }
  }
  out.push_back('"');
}

}  // namespace etrace
