// The running architecture's syscalls: kernel numbers (arch/<arch>.inc) joined with our specs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syscalls/spec.h"

namespace etrace {

struct SyscallInfo {
  int nr = -1;
  std::string_view name;        // the kernel's name
  const SyscallSpec* spec = nullptr; // never null for a known number (a generic spec if unwritten)
};

class SyscallTable {
 public:
  // The x86_64 table.
  static const SyscallTable& native();

  // nullptr for a number the table does not know (printed as syscall_0x1c5).
  const SyscallInfo* by_number(std::int64_t nr) const;
  const SyscallInfo* by_name(std::string_view name) const;
  const std::vector<SyscallInfo>& all() const { return infos_; }
  int max_number() const { return max_nr_; }

  // Numbers in the kernel table that have no hand-written spec (a unit test keeps this empty).
  std::vector<std::string_view> missing_specs() const;

 private:
  SyscallTable();
  std::vector<SyscallInfo> infos_;      // sorted by number
  std::vector<int> index_by_nr_;        // nr -> index into infos_, -1 when unknown
  int max_nr_ = -1;
};

// strace's name for a number the table does not know: "syscall_0x1c5".
std::string unknown_syscall_name(std::int64_t nr);

// Spec used for numbers without a hand-written spec: six hex arguments.
const SyscallSpec& generic_syscall_spec();

}  // namespace etrace
