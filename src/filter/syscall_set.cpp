// The syscall_set half of the grammar: trace=, verbose=, abbrev=, raw=.
#include <regex.h>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "filter/expression.h"
#include "syscalls/spec.h"
#include "syscalls/syscall_table.h"

namespace etrace {

using filter_detail::parse_decimal;
using filter_detail::split_list;

namespace {

struct ClassName {
  std::string_view name;
  std::uint32_t bits;
};

// strace keeps the bare spellings of the oldest classes for compatibility; the newer ones
// exist only with '%' (checked: "-e trace=creds" is an invalid system call).
constexpr std::array<ClassName, 24> kClasses{{
    {"%file", kClassFile},       {"file", kClassFile},
    {"%desc", kClassDesc},       {"desc", kClassDesc},
    {"%network", kClassNetwork}, {"%net", kClassNetwork},
    {"network", kClassNetwork},  {"%process", kClassProcess},
    {"process", kClassProcess},  {"%signal", kClassSignal},
    {"signal", kClassSignal},    {"%ipc", kClassIpc},
    {"ipc", kClassIpc},          {"%memory", kClassMemory},
    {"memory", kClassMemory},    {"%creds", kClassCreds},
    {"%clock", kClassClock},     {"%pure", kClassPure},
    {"%stat", kClassStat},       {"%lstat", kClassLstat},
    {"%fstat", kClassFstat},     {"%%stat", kClassStatLike},
    {"%statfs", kClassStatfs},   {"%fstatfs", kClassFstatfs},
}};
constexpr ClassName kStatfsLike{"%%statfs", kClassStatfsLike};

std::optional<std::uint32_t> find_class(std::string_view name) {
  if (name == kStatfsLike.name) return kStatfsLike.bits;
  for (const auto& c : kClasses)
    if (c.name == name) return c.bits;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> trace_set_names() {
  std::vector<std::string> names;
  for (const auto& info : SyscallTable::native().all()) names.emplace_back(info.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const auto& c : kClasses)
    if (c.name.starts_with('%')) names.emplace_back(c.name);
  names.emplace_back(kStatfsLike.name);
  return names;
}

namespace {

enum class Personality { Native, Foreign };

// Owns a compiled POSIX regex so every return path frees it.
class Regex {
 public:
  explicit Regex(const std::string& pattern)
      : rc_(regcomp(&re_, pattern.c_str(), REG_EXTENDED | REG_NOSUB)) {}
  ~Regex() {
    if (rc_ == 0) regfree(&re_);
  }
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  std::optional<std::string> error() const {
    if (rc_ == 0) return std::nullopt;
    std::array<char, 512> buf{};
    regerror(rc_, &re_, buf.data(), buf.size());
    return std::string(buf.data());
  }
  bool search(const std::string& text) const { return regexec(&re_, text.c_str(), 0, nullptr, 0) == 0; }

 private:
  regex_t re_{};
  int rc_;
};

}  // namespace

bool NumberSet::is_all() const {
  return outside && std::all_of(bits.begin(), bits.end(), [](bool b) { return b; });
}

bool NumberSet::is_none() const {
  return !outside && std::none_of(bits.begin(), bits.end(), [](bool b) { return b; });
}

bool FdSet::contains(int fd) const {
  if (fd < 0) return false;
  return std::binary_search(fds.begin(), fds.end(), fd) != negated;
}

SyscallCatalog SyscallCatalog::from(const SyscallTable& table) {
  SyscallCatalog catalog;
  catalog.max_number = table.max_number();
  for (const auto& info : table.all())
    catalog.entries.push_back({info.nr, std::string(info.name), info.spec ? info.spec->classes : 0u});
  return catalog;
}

const SyscallCatalog::Entry* SyscallCatalog::by_name(std::string_view name) const {
  for (const auto& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

const SyscallCatalog::Entry* SyscallCatalog::by_number(int nr) const {
  for (const auto& e : entries)
    if (e.nr == nr) return &e;
  return nullptr;
}

FilterBuilder::FilterBuilder() : FilterBuilder(SyscallCatalog::from(SyscallTable::native())) {}

FilterBuilder::FilterBuilder(SyscallCatalog catalog) : catalog_(std::move(catalog)) {
  const auto n = static_cast<std::size_t>(catalog_.max_number + 1);
  spec_.trace = {std::vector<bool>(n, true), true};
  spec_.abbrev = spec_.trace;
  spec_.verbose = spec_.trace;
  spec_.raw = {std::vector<bool>(n, false), false};
  spec_.signals = {std::vector<bool>(256, true), true};
}

// One list element: sets `matched` when it selected a syscall of some personality (strace's
// test for "invalid system call"); returns an error only for what '?' cannot forgive.
std::optional<std::string> FilterBuilder::add_syscall_token(std::string_view token, NumberSet& set,
                                                            std::vector<std::string>* named,
                                                            bool& matched) const {
  std::string_view body = token;
  while (!body.empty() && body.front() == '?') body.remove_prefix(1);

  auto personality = Personality::Native;
  if (auto at = body.rfind('@'); at != std::string_view::npos) {
    std::string_view designator = body.substr(at + 1);
    if (designator == "32" || designator == "x32")
      personality = Personality::Foreign;
    else if (designator != "64")
      return fmt::format("incorrect personality designator '{}' in qualification '{}'", designator, body);
    body = body.substr(0, at);
  }
  // etrace sees only the native personality: a foreign one still has to name something real,
  // but selects nothing.
  const bool add = personality == Personality::Native;
  auto select = [&](int nr) {
    if (add) set.bits[static_cast<std::size_t>(nr)] = true;
    matched = true;
  };

  if (!body.empty() && body.front() >= '0' && body.front() <= '9') {
    if (auto n = parse_decimal(body, static_cast<std::uint64_t>(catalog_.max_number))) select(static_cast<int>(*n));
    return std::nullopt;
  }
  if (!body.empty() && body.front() == '/') {
    Regex re{std::string(body.substr(1))};
    if (auto err = re.error()) return fmt::format("regcomp: {}: {}", body.substr(1), *err);
    for (const auto& e : catalog_.entries)
      if (re.search(e.name)) select(e.nr);
    return std::nullopt;
  }
  if (body == "all") {
    for (int nr = 0; nr <= catalog_.max_number; ++nr) select(nr);
    if (add) set.outside = true;
    return std::nullopt;
  }
  if (auto classes = find_class(body)) {
    for (const auto& e : catalog_.entries)
      if (e.classes & *classes) select(e.nr);
    matched = true;  // a known class is valid even when this table has none of its members
    return std::nullopt;
  }
  if (const auto* e = catalog_.by_name(body)) {
    select(e->nr);
    if (add && named) named->emplace_back(body);
  }
  return std::nullopt;
}

std::optional<std::string> FilterBuilder::parse_syscall_set(std::string_view text, NumberSet& out,
                                                            std::vector<std::string>* named) const {
  NumberSet set{std::vector<bool>(static_cast<std::size_t>(catalog_.max_number + 1), false), false};
  std::vector<std::string> names;

  std::string_view rest = text;
  bool invert = false;
  while (!rest.empty() && rest.front() == '!') {
    invert = !invert;
    rest.remove_prefix(1);
  }

  if (rest == "all") {
    set.bits.flip();
    set.outside = true;
  } else if (rest != "none") {
    bool any_token = false;
    for (std::string_view token : split_list(rest)) {
      any_token = true;
      bool matched = false;
      if (auto err = add_syscall_token(token, set, &names, matched)) return err;
      bool forgiven = token.front() == '?';
      if (!matched && !forgiven) return fmt::format("invalid system call '{}'", token);
    }
    if (!any_token) return fmt::format("invalid system call '{}'", text);
  }

  if (invert) {
    set.bits.flip();
    set.outside = !set.outside;
    names.clear();
  }
  out = std::move(set);
  if (named) *named = std::move(names);
  return std::nullopt;
}

}  // namespace etrace
