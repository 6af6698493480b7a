#include "app/hex_dump.h"

#include <fmt/format.h>

namespace etrace {

std::string hex_dump(std::string_view data) {
  std::string out;
  for (std::size_t off = 0; off < data.size(); off += 16) {
    const std::string_view row = data.substr(off, 16);
    fmt::format_to(std::back_inserter(out), " | {:05x}  ", off);
    for (std::size_t i = 0; i < 16; ++i) {
      if (i == 8) out.push_back(' ');
      if (i < row.size()) fmt::format_to(std::back_inserter(out), "{:02x} ", static_cast<unsigned char>(row[i]));
      else out += "   ";
    }
    out.push_back(' ');
    for (std::size_t i = 0; i < 16; ++i) {
      const auto c = i < row.size() ? static_cast<unsigned char>(row[i]) : ' ';
      out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.');
    }
    out += " |\n";
  }
  return out;
}

std::optional<DumpTarget> dump_target(std::string_view name) {
  if (name == "read" || name == "pread64" || name == "recvfrom") return DumpTarget{true, 1};
  if (name == "write" || name == "pwrite64" || name == "sendto") return DumpTarget{false, 1};
  return std::nullopt;
}

}  // namespace etrace
