// Numbers appended straight to a std::string, without a format string: the text emitter does
// this several times per traced call, and fmt::format_to through a back_insert_iterator costs
// a format-string parse plus a push_back per character. Each helper names the fmt spec whose
// output it reproduces exactly.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace etrace {

// "{}"
inline void append_dec(std::string& out, std::int64_t v) {
  const fmt::format_int f(v);
  out.append(f.data(), f.size());
}

inline void append_udec(std::string& out, std::uint64_t v) {
  const fmt::format_int f(v);
  out.append(f.data(), f.size());
}

// "{:>W}" (pad_left) or "{:<W}" (pad right) for an unsigned number.
inline void append_udec_padded(std::string& out, std::uint64_t v, std::size_t width, bool pad_left) {
  const fmt::format_int f(v);
  const std::size_t pad = f.size() < width ? width - f.size() : 0;
  if (pad_left) out.append(pad, ' ');
  out.append(f.data(), f.size());
  if (!pad_left) out.append(pad, ' ');
}

// "{:06}" for a non-negative number below 10^6 or above (no truncation).
inline void append_udec_zero6(std::string& out, std::uint64_t v) {
  const fmt::format_int f(v);
  if (f.size() < 6) out.append(6 - f.size(), '0');
  out.append(f.data(), f.size());
}

// "{:#x}": "0x0" for zero, as fmt prints it.
inline void append_hex(std::string& out, std::uint64_t v) {
  char buf[18];
  char* end = buf + sizeof(buf);
  char* p = end;
  do {
    *--p = "0123456789abcdef"[v & 0xf];
    v >>= 4;
  } while (v);
  *--p = 'x';
  *--p = '0';
  out.append(p, static_cast<std::size_t>(end - p));
}

// "0{:02o}": strace's %#03o ("000", "022", "0644").
inline void append_octal(std::string& out, std::uint64_t v) {
  char buf[24];
  char* end = buf + sizeof(buf);
  char* p = end;
  do {
    *--p = static_cast<char>('0' + (v & 7));
    v >>= 3;
  } while (v);
  if (end - p < 2) *--p = '0';
  *--p = '0';
  out.append(p, static_cast<std::size_t>(end - p));
}

}  // namespace etrace
