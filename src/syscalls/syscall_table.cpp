#include "syscalls/syscall_table.h"

#include <algorithm>
#include <cstdio>

namespace etrace {

namespace {

struct NumberedName {
  int nr;
  std::string_view name;
};

constexpr NumberedName kX86_64[] = {
#define ETRACE_SYSCALL(nr, name) {nr, #name},
#include "syscalls/arch/x86_64.inc"
#undef ETRACE_SYSCALL
};

constexpr SyscallSpec kGeneric{
    "", 6,
    {{{"a0", ArgKind::Hex}, {"a1", ArgKind::Hex}, {"a2", ArgKind::Hex}, {"a3", ArgKind::Hex},
      {"a4", ArgKind::Hex}, {"a5", ArgKind::Hex}}},
    RetKind::Int, 0, 0};

}  // namespace

const SyscallSpec& generic_syscall_spec() { return kGeneric; }

std::string unknown_syscall_name(std::int64_t nr) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "syscall_%#llx", static_cast<unsigned long long>(nr));
  return buf;
}

SyscallTable::SyscallTable() {
  for (const auto& [nr, name] : kX86_64) {
    const SyscallSpec* spec = find_syscall_spec(name);
    infos_.push_back({nr, name, spec ? spec : &kGeneric});
    max_nr_ = std::max(max_nr_, nr);
  }
  std::sort(infos_.begin(), infos_.end(), [](auto& a, auto& b) { return a.nr < b.nr; });
  index_by_nr_.assign(static_cast<std::size_t>(max_nr_) + 1, -1);
  for (std::size_t i = 0; i < infos_.size(); ++i) index_by_nr_[infos_[i].nr] = static_cast<int>(i);
}

const SyscallTable& SyscallTable::native() {
  static const SyscallTable table;
  return table;
}

const SyscallInfo* SyscallTable::by_number(std::int64_t nr) const {
  if (nr < 0 || nr > max_nr_) return nullptr;
  int i = index_by_nr_[static_cast<std::size_t>(nr)];
  return i < 0 ? nullptr : &infos_[static_cast<std::size_t>(i)];
}

const SyscallInfo* SyscallTable::by_name(std::string_view name) const {
  for (const auto& info : infos_)
    if (info.name == name) return &info;
  return nullptr;
}

std::vector<std::string_view> SyscallTable::missing_specs() const {
  std::vector<std::string_view> out;
  for (const auto& info : infos_)
    if (info.spec == &kGeneric) out.push_back(info.name);
  return out;
}

}  // namespace etrace
