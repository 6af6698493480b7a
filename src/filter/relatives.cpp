// Kernel push-down of a FilterSpec, and the "no open calls seen" hint.
#include <algorithm>
#include <array>
#include <initializer_list>

#include <fmt/format.h>

#include "filter/expression.h"
#include "syscalls/syscall_table.h"

namespace etrace {

namespace {

struct Relatives {
  std::string_view name;
  std::array<std::string_view, 2> relatives;  // what libc calls instead, most likely first
  std::string_view suggest;                   // a class that holds both; empty: name the relatives
};

// Only the exceptions: old entry points that a current glibc on x86_64 no longer calls (or calls
// only through a newer sibling), so "-e NAME" silently shows nothing. Sorted by name.
constexpr std::array<Relatives, 39> kRelatives{{
    {"accept", {"accept4", {}}, "%network"},
    {"access", {"faccessat", "faccessat2"}, "%file"},
    {"chmod", {"fchmodat", "fchmodat2"}, "%file"},
    {"chown", {"fchownat", {}}, "%file"},
    {"clone", {"clone3", {}}, "%process"},
    {"creat", {"openat", {}}, "%file"},
    {"dup2", {"dup3", {}}, "%desc"},
    {"epoll_create", {"epoll_create1", {}}, "%desc"},
    {"epoll_wait", {"epoll_pwait", "epoll_pwait2"}, "%desc"},
    {"eventfd", {"eventfd2", {}}, "%desc"},
    {"execve", {"execveat", {}}, "%process"},
    {"exit", {"exit_group", {}}, "%process"},
    {"fork", {"clone", "clone3"}, "%process"},
    {"fstat", {"newfstatat", "statx"}, "%%stat"},
    {"futimesat", {"utimensat", {}}, "%file"},
    {"getdents", {"getdents64", {}}, "%desc"},
    {"getrlimit", {"prlimit64", {}}, {}},
    {"inotify_init", {"inotify_init1", {}}, "%desc"},
    {"lchown", {"fchownat", {}}, "%file"},
    {"link", {"linkat", {}}, "%file"},
    {"lstat", {"newfstatat", "statx"}, "%%stat"},
    {"mkdir", {"mkdirat", {}}, "%file"},
    {"mknod", {"mknodat", {}}, "%file"},
    {"nanosleep", {"clock_nanosleep", {}}, {}},
    {"open", {"openat", "openat2"}, "%file"},
    {"pipe", {"pipe2", {}}, "%desc"},
    {"poll", {"ppoll", {}}, "%desc"},
    {"readlink", {"readlinkat", {}}, "%file"},
    {"rename", {"renameat2", "renameat"}, "%file"},
    {"rmdir", {"unlinkat", {}}, "%file"},
    {"select", {"pselect6", {}}, "%desc"},
    {"setrlimit", {"prlimit64", {}}, {}},
    {"signalfd", {"signalfd4", {}}, "%desc"},
    {"stat", {"newfstatat", "statx"}, "%%stat"},
    {"symlink", {"symlinkat", {}}, "%file"},
    {"unlink", {"unlinkat", {}}, "%file"},
    {"utime", {"utimensat", {}}, "%file"},
    {"utimes", {"utimensat", {}}, "%file"},
    {"vfork", {"clone", "clone3"}, "%process"},
}};

static_assert(std::is_sorted(kRelatives.begin(), kRelatives.end(),
                             [](const Relatives& a, const Relatives& b) { return a.name < b.name; }));

const Relatives* find_relatives(std::string_view name) {
  auto it = std::lower_bound(kRelatives.begin(), kRelatives.end(), name,
                             [](const Relatives& r, std::string_view n) { return r.name < n; });
  return it != kRelatives.end() && it->name == name ? &*it : nullptr;
}

std::uint64_t count_of(const std::vector<std::uint64_t>& counts, int nr) {
  return nr >= 0 && static_cast<std::size_t>(nr) < counts.size() ? counts[static_cast<std::size_t>(nr)] : 0;
}

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> relatives_hint(std::string_view name) {
  std::vector<std::string> out;
  if (const auto* r = find_relatives(name))
    for (auto rel : r->relatives)
      if (!rel.empty()) out.emplace_back(rel);
  return out;
}

std::string unseen_syscall_hint(std::string_view name, const std::vector<std::uint64_t>& counts_by_nr,
                                const SyscallCatalog& catalog) {
  const auto* self = catalog.by_name(name);
  const auto* r = find_relatives(name);
  if (!self || !r || count_of(counts_by_nr, self->nr) > 0) return {};

  std::vector<std::string_view> seen;
  for (auto rel : r->relatives) {
    const auto* e = rel.empty() ? nullptr : catalog.by_name(rel);
    if (e && count_of(counts_by_nr, e->nr) > 0) seen.push_back(rel);
  }
  if (seen.empty()) return {};

  std::string suggest(r->suggest);
  if (suggest.empty()) {
    suggest = name;
    for (auto rel : seen) suggest += fmt::format(",{}", rel);
  }
  return fmt::format("no {} calls seen; this system uses {} (try -e trace={})", name, join_and(seen), suggest);
}

std::string unseen_syscall_hint(std::string_view name, const std::vector<std::uint64_t>& counts_by_nr) {
  static const SyscallCatalog native = SyscallCatalog::from(SyscallTable::native());
  return unseen_syscall_hint(name, counts_by_nr, native);
}

std::vector<std::string> unseen_syscall_hints(const FilterSpec& spec, const std::vector<std::uint64_t>& counts_by_nr,
                                              const SyscallCatalog& catalog) {
  std::vector<std::string> out;
  for (const auto& name : spec.named_syscalls) {
    // A relative the user traced too shows in the trace itself: no hint needed.
    bool relative_traced = false;
    for (const auto& rel : relatives_hint(name))
      if (const auto* e = catalog.by_name(rel); e && spec.trace.contains(e->nr)) relative_traced = true;
    if (relative_traced) continue;
    auto hint = unseen_syscall_hint(name, counts_by_nr, catalog);
    if (!hint.empty() && std::find(out.begin(), out.end(), hint) == out.end()) out.push_back(std::move(hint));
  }
  return out;
}

KernelFilter kernel_part(const FilterSpec& spec, const SyscallCatalog& catalog) {
  KernelFilter k;
  k.syscalls = spec.trace.bits;
  k.syscalls.resize(static_cast<std::size_t>(catalog.max_number + 1), spec.trace.outside);
  k.others = spec.trace.outside;
  k.status_mask = spec.status & (ETRACE_STATUS_SUCCESSFUL | ETRACE_STATUS_FAILED);
  k.count_only.assign(k.syscalls.size(), false);
  for (const auto& name : spec.named_syscalls)
    for (const auto& rel : relatives_hint(name))
      if (const auto* e = catalog.by_name(rel); e && !k.syscalls[static_cast<std::size_t>(e->nr)])
        k.count_only[static_cast<std::size_t>(e->nr)] = true;
  return k;
}

KernelFilter kernel_part(const FilterSpec& spec) {
  static const SyscallCatalog native = SyscallCatalog::from(SyscallTable::native());
  return kernel_part(spec, native);
}

}  // namespace etrace
