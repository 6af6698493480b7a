// Numbers appended straight to a std::string (or a LineWriter), without a format string: the text emitter does
// this several times per traced call, and fmt::format_to through a back_insert_iterator costs
// a format-string parse plus a push_back per character. Each helper names the fmt spec whose
// output it reproduces exactly.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "format/line_writer.h"  // copy_short

namespace etrace {

// "{}". Most numbers in a trace are fds and small sizes: below 100 they skip format_int.
template <typename Out>
inline void append_udec(Out& out, std::uint64_t v) {
  if (v < 10) return out.push_back(static_cast<char>('0' + v));
  if (v < 100) {
    const char two[2] = {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    return out.append(two, 2);
  }
  const fmt::format_int f(v);
  out.append(f.data(), f.size());
}

template <typename Out>
inline void append_dec(Out& out, std::int64_t v) {
  if (v >= 0) return append_udec(out, static_cast<std::uint64_t>(v));
  const fmt::format_int f(v);
  out.append(f.data(), f.size());
}

// "{:>W}" (pad_left) or "{:<W}" (pad right) for an unsigned number.
template <typename Out>
inline void append_udec_padded(Out& out, std::uint64_t v, std::size_t width, bool pad_left) {
  const fmt::format_int f(v);
  const std::size_t pad = f.size() < width ? width - f.size() : 0;
  if (pad_left) out.append(pad, ' ');
  out.append(f.data(), f.size());
  if (!pad_left) out.append(pad, ' ');
}

// "{:06}" for a non-negative number below 10^6 or above (no truncation).
template <typename Out>
inline void append_udec_zero6(Out& out, std::uint64_t v) {
  const fmt::format_int f(v);
  if (f.size() < 6) out.append(6 - f.size(), '0');
  out.append(f.data(), f.size());
}

// The write_* twins put the same text at `p` (room for 24 bytes) and return its end, for
// callers that assemble several pieces before one append.
inline char* write_dec(char* p, std::int64_t v) {
  if (v >= 0 && v < 10) {  // most return values: 0, or a small fd
    *p = static_cast<char>('0' + v);
    return p + 1;
  }
  const fmt::format_int f(v);
  copy_short(p, f.data(), f.size());
  return p + f.size();
}

// "{:>W}" / "{:<W}" at `p` for a number and a width below 24: digit by digit, with no call to
// memcpy or memset (a pid column is a few bytes; those calls cost more than the digits).
inline char* write_udec_padded(char* p, std::uint64_t v, std::size_t width, bool pad_left) {
  char digits[20];
  std::size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  std::size_t pad = n < width ? width - n : 0;
  if (pad_left)
    for (; pad; --pad) *p++ = ' ';
  while (n) *p++ = digits[--n];
  for (; pad; --pad) *p++ = ' ';
  return p;
}

// "{:#x}": "0x0" for zero, as fmt prints it.
inline char* write_hex(char* p, std::uint64_t v) {
  const int digits = v ? static_cast<int>((std::bit_width(v) + 3) / 4) : 1;
  *p++ = '0';
  *p++ = 'x';
  for (int i = digits - 1; i >= 0; --i) {
    p[i] = "0123456789abcdef"[v & 0xf];
    v >>= 4;
  }
  return p + digits;
}

// "0{:02o}": strace's %#03o ("000", "022", "0644").
inline char* write_octal(char* p, std::uint64_t v) {
  const int digits = std::max(static_cast<int>((std::bit_width(v) + 2) / 3), 2);
  *p++ = '0';
  for (int i = digits - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + (v & 7));
    v >>= 3;
  }
  return p + digits;
}

template <typename Out>
inline void append_hex(Out& out, std::uint64_t v) {
  char buf[24];
  out.append(buf, static_cast<std::size_t>(write_hex(buf, v) - buf));
}

template <typename Out>
inline void append_octal(Out& out, std::uint64_t v) {
  char buf[24];
  out.append(buf, static_cast<std::size_t>(write_octal(buf, v) - buf));
}

}  // namespace etrace
