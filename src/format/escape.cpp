#include "format/escape.h"

#include <array>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "format/line_writer.h"

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

// The end of the run of plain bytes starting at `i`.
std::size_t plain_run_end(const char* data, std::size_t i, std::size_t n) {
#ifdef __SSE2__
  // 16 bytes a step: a byte is plain unless below 0x20 as a signed char (which also catches
  // 0x80..0xff), 0x7f, '"' or '\\'.
  const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f), quote = _mm_set1_epi8('"'),
                backslash = _mm_set1_epi8('\\');
  while (n - i >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(special);
    if (mask) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
  // The last partial step: the final 16 bytes again, those already checked shifted out.
  if (i < n && n >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + n - 16));
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special)) >> (i - (n - 16));
    return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  while (i < n && class_of(data[i]) == kPlain) ++i;
  return i;
}

char* write_hex_bytes(char* p, std::string_view bytes) {
  for (unsigned char c : bytes) {
    *p++ = '\\';
    *p++ = 'x';
    *p++ = kHex[c >> 4];
    *p++ = kHex[c & 0xf];
  }
  return p;
}

char* write_quoted_at(char* p, std::string_view bytes, int hex, bool ellipsis) {
  bool use_hex = hex >= 2;
  if (hex == 1) {
    for (char c : bytes)
      if (class_of(c) == kOctal) {
        use_hex = true;
        break;
      }
  }
  *p++ = '"';
  const char* const data = bytes.data();
  const std::size_t n = bytes.size();
  if (use_hex) {
    p = write_hex_bytes(p, bytes);
  } else {
    std::size_t i = 0;
    while (i < n) {
      const std::size_t end = plain_run_end(data, i, n);
      copy_short(p, data + i, end - i);  // a run of printable bytes in one copy
      p += end - i;
      if (end == n) break;
      const auto c = static_cast<unsigned char>(data[end]);
      i = end + 1;
      switch (kTable.cls[c]) {
        case kSelf:
          *p++ = '\\';
          *p++ = static_cast<char>(c);
          break;
        case kLetter:
          *p++ = '\\';
          *p++ = kTable.letter[c];
          break;
        default: {
          // Octal, as short as possible unless a digit follows and would be read as part of it.
          const bool digit_follows = i < n && data[i] >= '0' && data[i] <= '9';
          *p++ = '\\';
          if (digit_follows || c >> 6) *p++ = static_cast<char>('0' + (c >> 6));
          if (digit_follows || c >> 3) *p++ = static_cast<char>('0' + ((c >> 3) & 7));
          *p++ = static_cast<char>('0' + (c & 7));
          break;
        }
      }
    }
  }
  *p++ = '"';
  if (ellipsis) {
    std::memcpy(p, "...", 3);
    p += 3;
  }
  return p;
}

// One byte that needs an escape, as strace writes it: a C letter, or octal as short as possible
// unless a digit follows and would be read as part of it.
void append_escaped_byte(std::string& out, unsigned char c, bool digit_follows) {
  out.push_back('\\');
  if (kTable.cls[c] == kLetter) {
    out.push_back(kTable.letter[c]);
    return;
  }
  if (kTable.cls[c] == kSelf) {
    out.push_back(static_cast<char>(c));
    return;
  }
  if (digit_follows || c >> 6) out.push_back(static_cast<char>('0' + (c >> 6)));
  if (digit_follows || c >> 3) out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
  out.push_back(static_cast<char>('0' + (c & 7)));
}

bool octal_digit_at(std::string_view bytes, std::size_t i) { return i < bytes.size() && bytes[i] >= '0' && bytes[i] <= '7'; }

}  // namespace

void append_decoration(std::string& out, std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (kTable.cls[c] == kPlain && c != '<' && c != '>') out.push_back(static_cast<char>(c));
    else append_escaped_byte(out, c, octal_digit_at(bytes, i + 1));
  }
}

std::string escape_decoration(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  append_decoration(out, bytes);
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') out.push_back(static_cast<char>(c));
    else append_escaped_byte(out, c, octal_digit_at(text, i + 1));
  }
  return out;
}

char* write_quoted(char* p, std::string_view bytes, int hex, bool ellipsis) {
  return write_quoted_at(p, bytes, hex, ellipsis);
}

void append_quoted(std::string& out, std::string_view bytes, int hex, bool ellipsis) {
  const std::size_t room = quoted_size_max(bytes.size());
  // The common case (cut at -s) is assembled on the stack and appended once; a long path
  // is written in place into room made for its worst case.
  if (room <= 512) {
    char buf[512];
    out.append(buf, static_cast<std::size_t>(write_quoted_at(buf, bytes, hex, ellipsis) - buf));
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + room);
  char* const end = write_quoted_at(out.data() + at, bytes, hex, ellipsis);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace etrace
