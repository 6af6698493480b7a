#include <algorithm>
#include <array>
#include <cstdint>
#include <bit>

#include "xlat/xlat.h"

namespace etrace {

namespace {

std::vector<const XlatTable*> build_index() {
  std::vector<const XlatTable*> all;
  for (auto family : {xlat_tables_file(), xlat_tables_memory(), xlat_tables_process(),
                      xlat_tables_signal(), xlat_tables_net(), xlat_tables_misc(),
                      xlat_tables_ioctl(), xlat_tables_netlink(),
                      xlat_tables_netfilter()})
    for (const auto& t : family) all.push_back(&t);
  std::sort(all.begin(), all.end(), [](auto* a, auto* b) { return a->name < b->name; });
  return all;
}

const std::vector<const XlatTable*>& index() {
  static const std::vector<const XlatTable*> all = build_index();
  return all;
}

}  // namespace

const XlatTable* find_xlat(std::string_view table_name) {
  // Decoders ask for the same few names (literals in the spec table and the decoders) on every
  // call: remember each answer by the name's address, and check the name itself on a hit (the
  // address of a temporary string may come back with other contents). Literals sit side by side
  // in .rodata, so the slot comes from a multiplicative hash of the whole address: the low bits
  // alone made the hot names share slots and evict each other (a miss is a binary search with
  // string compares, about ten times a hit).
  struct Memo {
    const char* key = nullptr;
    const XlatTable* table = nullptr;
  };
  thread_local std::array<Memo, 256> memo;
  const auto addr = reinterpret_cast<std::uintptr_t>(table_name.data());
  Memo& m = memo[static_cast<std::size_t>((static_cast<std::uint64_t>(addr) * 0x9E3779B97F4A7C15ull) >> 56)];
  if (m.key == table_name.data() && same_name(m.table->name, table_name)) return m.table;
  const auto& all = index();
  auto it = std::lower_bound(all.begin(), all.end(), table_name,
                             [](const XlatTable* t, std::string_view n) { return t->name < n; });
  if (it == all.end() || (*it)->name != table_name) return nullptr;
  m = {table_name.data(), *it};
  return *it;
}

std::span<const XlatTable* const> all_xlat_tables() { return index(); }

std::string xlat_unknown_name(const XlatTable& t) {
  if (t.unknown == kXlatNoPlaceholder) return {};
  if (!t.unknown.empty()) return std::string(t.unknown);
  if (t.entries.empty()) return "???";
  // The prefix every name of the table shares, up to an underscore (SUID_DUMP_, EPOLL_CTL_).
  std::string_view first = t.entries.front().name;
  std::size_t common = first.size();
  for (const auto& e : t.entries) {
    std::size_t i = 0;
    while (i < common && i < e.name.size() && e.name[i] == first[i]) ++i;
    common = i;
  }
  const std::size_t from = first.starts_with("__") ? 2 : 0;
  auto us = first.substr(0, common).rfind('_');
  if (us == std::string_view::npos || us < from) us = first.find('_', from);
  return std::string(first.substr(0, us == std::string_view::npos ? 0 : us + 1)) + "???";
}

std::string_view xlat_name(const XlatTable& table, std::uint64_t value) {
  for (const auto& e : table.entries)
    if (e.value == value) return e.name;
  return {};
}

FlagSplit xlat_split_flags(const XlatTable& table, std::uint64_t value) {
  FlagSplit out;
  if (value == 0) {
    // Flags are mostly 0 (recvfrom's, newfstatat's): only the table's zero entries show then,
    // usually none or one, so where that one is is found once per table, not per call.
    struct Zeros {
      const XlatTable* table = nullptr;
      const XlatEntry* entries = nullptr;  // the tables are static; this guards against one that is not
      std::size_t first = 0;
      std::size_t count = 0;
    };
    thread_local std::array<Zeros, 32> memo;
    const auto addr = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&table));
    Zeros& z = memo[static_cast<std::size_t>((addr * 0x9E3779B97F4A7C15ull) >> 59)];
    if (z.table != &table || z.entries != table.entries.data()) {
      z = {&table, table.entries.data(), 0, 0};
      for (std::size_t i = 0; i < table.entries.size(); ++i)
        if (table.entries[i].value == 0 && z.count++ == 0) z.first = i;
    }
    if (z.count <= 1) {
      if (z.count) out.names.push_back(table.entries[z.first].name);
      return out;
    }
  }
  std::uint64_t left = value;
  for (const auto& e : table.entries) {
    // Every bit named: no later entry can match (a zero entry shows only for a zero value).
    if (left == 0 && value != 0) break;
    if (e.value == 0) {
      if (value == 0) out.names.push_back(e.name);
      continue;
    }
    if ((left & e.value) == e.value) {
      out.names.push_back(e.name);
      left &= ~e.value;
    }
  }
  out.rest = left;
  return out;
}

}  // namespace etrace
