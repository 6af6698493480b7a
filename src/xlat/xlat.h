// Constant and flag tables: names written once (XLAT(O_CREAT) stringifies the constant).
//
// Each xlat/<family>.cpp defines its tables and returns them from one function below;
// registry.cpp joins them so find_xlat("open_flags") works for decoders and tests.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace etrace {

struct XlatEntry {
  std::uint64_t value;
  std::string_view name;
};

enum class XlatKind : std::uint8_t {
  Enum,   // the value is one of the entries
  DecimalEnum,  // an Enum of numbers strace shows in decimal: under -X (syslog's actions), and a value
                // it does not know as a bare signed number (key serials: 1234, KEY_SPEC_USER_KEYRING)
  Flags,  // the value is an OR of entries (entries with value 0 print only when the whole value is 0)
};

struct XlatTable {
  std::string_view name;  // the key ArgSpec::detail uses: "open_flags", "prot", "map_flags", ...
  XlatKind kind;
  std::span<const XlatEntry> entries;
  // strace's placeholder beside a value the table does not know ("W???" for wait options), when
  // it is not the prefix the names share followed by "???" (see xlat_unknown_name);
  // kXlatNoPlaceholder for a table whose unknown values strace shows bare.
  std::string_view unknown = {};
};

inline constexpr std::string_view kXlatNoPlaceholder = "(none)";

#define XLAT(c) ::etrace::XlatEntry{static_cast<std::uint64_t>(c), #c}
#define XLAT_PAIR(v, n) ::etrace::XlatEntry{static_cast<std::uint64_t>(v), n}

// a == b for the short names decoders look things up by, without a call to memcmp (two
// overlapping fixed-size compares up to 16 bytes); memo hits in find_xlat and the struct
// printers check their key with it on every call.
inline bool same_name(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  auto word = [](const char* p, std::size_t w) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, w);
    return v;
  };
  if (n >= 8) {
    if (n > 16) return a == b;
    return word(a.data(), 8) == word(b.data(), 8) && word(a.data() + n - 8, 8) == word(b.data() + n - 8, 8);
  }
  if (n >= 4) return word(a.data(), 4) == word(b.data(), 4) && word(a.data() + n - 4, 4) == word(b.data() + n - 4, 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Lookup by table name; nullptr when unknown.
const XlatTable* find_xlat(std::string_view table_name);
std::span<const XlatTable* const> all_xlat_tables();

// The placeholder strace prints beside a value the table does not know: "CLOCK_???"; empty when
// strace prints none.
std::string xlat_unknown_name(const XlatTable& table);

// Name of one value in an Enum table; empty when absent.
std::string_view xlat_name(const XlatTable& table, std::uint64_t value);

// The names of one flag set, held inline (decoders split flags on every call; a vector would
// allocate each time). Each name matched takes at least one bit of a 64-bit value away, and
// entries of value 0 show only when the value is 0, so 64 is enough; more are dropped.
class FlagNames {
 public:
  static constexpr std::size_t kCapacity = 64;
  FlagNames() {}  // names_ stays uninitialized: only [0, size_) is ever read
  void push_back(std::string_view n) {
    if (size_ < kCapacity) names_[size_++] = n;
  }
  const std::string_view* begin() const { return names_; }
  const std::string_view* end() const { return names_ + size_; }
  const std::string_view* data() const { return names_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](std::size_t i) const { return names_[i]; }

 private:
  union {
    std::string_view names_[kCapacity];
  };
  std::size_t size_ = 0;
};

// Splits `value` into names from a Flags table (in table order) and the unknown rest.
struct FlagSplit {
  FlagNames names;
  std::uint64_t rest = 0;
};
FlagSplit xlat_split_flags(const XlatTable& table, std::uint64_t value);

// errno: "ENOENT" and strace's text "No such file or directory"; empty when unknown.
std::string_view errno_name(int err);
std::string_view errno_text(int err);

// "SIGCHLD", "SIGRTMIN", "SIGRT_3"; empty when out of range.
std::string signal_name(int sig);

// Family functions, one per xlat/<family>.cpp (registry.cpp calls them all).
std::span<const XlatTable> xlat_tables_file();     // file.cpp: O_*, AT_*, F_*, FD_*, access modes, S_IF*, ...
std::span<const XlatTable> xlat_tables_memory();   // memory.cpp: PROT_*, MAP_*, MADV_*, MREMAP_*, MS_*, ...
std::span<const XlatTable> xlat_tables_process();  // process.cpp: CLONE_*, wait options, rlimits, prctl, ...
std::span<const XlatTable> xlat_tables_signal();   // signal.cpp: SA_*, SIG_BLOCK..., si_codes
std::span<const XlatTable> xlat_tables_net();      // net.cpp: AF_*, SOCK_*, IPPROTO_*, MSG_*, SOL_*, SO_*, TCP_*
std::span<const XlatTable> xlat_tables_misc();     // misc.cpp: clocks, timers, futex, epoll, poll, ...
std::span<const XlatTable> xlat_tables_ioctl();    // ioctl.cpp: ioctl request numbers
std::span<const XlatTable> xlat_tables_netlink();  // netlink.cpp: nlmsghdr types and flags per protocol
std::span<const XlatTable> xlat_tables_netfilter();  // netlink_netfilter.cpp: nfnetlink message types

}  // namespace etrace
