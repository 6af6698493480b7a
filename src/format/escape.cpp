#include "format/escape.h"

namespace etrace {

namespace {

constexpr char kHex[] = "0123456789abcdef";

bool printable(unsigned char c) { return c >= 0x20 && c < 0x7f; }

bool c_escape(unsigned char c, char& letter) {
  switch (c) {
    case '\t': letter = 't'; return true;
    case '\n': letter = 'n'; return true;
    case '\v': letter = 'v'; return true;
    case '\f': letter = 'f'; return true;
    case '\r': letter = 'r'; return true;
    default: return false;
  }
}

}  // namespace

void append_quoted(std::string& out, std::string_view bytes, int hex) {
  bool use_hex = hex >= 2;
  if (hex == 1) {
    char unused;
    for (unsigned char c : bytes)
      if (!printable(c) && !c_escape(c, unused)) {
        use_hex = true;
        break;
      }
  }
  out.push_back('"');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    // Runs of printable bytes go in one append: this loop is on every traced buffer.
    if (!use_hex) {
      std::size_t end = i;
      while (end < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[end]);
        if (!printable(b) || b == '"' || b == '\\') break;
        ++end;
      }
      if (end > i) {
        out.append(bytes.data() + i, end - i);
        i = end - 1;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (use_hex) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
      continue;
    }
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      continue;
    }
    char letter;
    if (c_escape(c, letter)) {
      out.push_back('\\');
      out.push_back(letter);
      continue;
    }
    if (printable(c)) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    // Octal, as short as possible unless a digit follows and would be read as part of it.
    out.push_back('\\');
    const bool digit_follows = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '9';
    if (digit_follows || c >> 6) out.push_back(static_cast<char>('0' + (c >> 6)));
    if (digit_follows || c >> 3) out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    out.push_back(static_cast<char>('0' + (c & 7)));
  }
  out.push_back('"');
}

}  // namespace etrace
