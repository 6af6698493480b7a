#include "app/call_filters.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace etrace {

namespace {
constexpr std::int64_t kAtFdcwd = -100;
constexpr std::uint64_t kPrSetName = 15;  // <linux/prctl.h>

std::int64_t as_int(std::uint64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(v)); }
}  // namespace

void PathFilter::add(std::string path) {
  if (!path.empty() && !known(path)) paths_.push_back(std::move(path));
}

bool PathFilter::known(std::string_view p) const {
  for (const auto& q : paths_)
    if (q == p) return true;
  return false;
}

bool PathFilter::matches(const SyscallInfo* info, const SyscallCall& call) const {
  if (!info || !info->spec) return false;
  const SyscallSpec& spec = *info->spec;
  for (int i = 0; i < spec.nargs; ++i) {
    const ArgSpec& a = spec.args[i];
    if (a.kind == ArgKind::Path) {
      const Payload* p = call.payload(i);
      if (p && !p->fault() && known(p->bytes)) return true;
    } else if (a.kind == ArgKind::Fd || a.kind == ArgKind::DirFd) {
      const std::int64_t fd = as_int(call.args[i]);
      if (fd < 0 || fd == kAtFdcwd) continue;
      if (known(fds_.describe(call.tgid, fd))) return true;
    }
  }
  // An fd a call created for one of the paths shows through its path argument above.
  return false;
}

bool fd_filter_matches(const FdSet& set, const SyscallInfo* info, const SyscallCall& call) {
  if (set.is_all()) return true;
  if (!info || !info->spec) return false;
  const SyscallSpec& spec = *info->spec;
  for (int i = 0; i < spec.nargs; ++i) {
    const ArgKind k = spec.args[i].kind;
    if (k != ArgKind::Fd && k != ArgKind::DirFd) continue;
    const std::int64_t fd = as_int(call.args[i]);
    if (fd >= 0 && set.contains(static_cast<int>(fd))) return true;
  }
  return false;
}

std::string resolved_path(const std::string& path) {
  char buf[PATH_MAX];
  if (!realpath(path.c_str(), buf)) return {};
  return path == buf ? std::string() : std::string(buf);
}

std::string CommCache::comm(std::uint32_t tid) {
  auto it = cache_.find(tid);
  if (it != cache_.end()) return it->second;
  std::string c = read_ ? read_(tid) : std::string();
  if (!c.empty()) cache_.emplace(tid, c);
  return c;
}

void CommCache::after_call(const SyscallInfo* info, const SyscallCall& call) {
  if (!info || call.failed() || !call.has_ret) return;
  if (info->name == "prctl" && call.args[0] == kPrSetName) {
    // The thread's new name, as the kernel keeps it: up to the NUL, at most 15 bytes.
    const Payload* p = call.payload(1);
    if (!p || p->fault()) {
      cache_.erase(call.tid);  // read again from /proc when next shown
      return;
    }
    const std::string_view name(p->bytes);
    cache_[call.tid] = std::string(name.substr(0, std::min<std::size_t>(name.find('\0'), 15)));
    return;
  }
  if (info->name != "execve" && info->name != "execveat") return;
  const Payload* p = call.payload(info->name == "execve" ? 0 : 1);
  if (!p || p->fault() || p->bytes.empty()) {
    cache_.erase(call.tid);
    return;
  }
  std::string_view base = p->bytes;
  if (auto slash = base.rfind('/'); slash != std::string_view::npos) base.remove_prefix(slash + 1);
  // After execve the thread that called it is the process's only thread, under the tgid.
  cache_.erase(call.tid);
  cache_[call.tgid] = std::string(base.substr(0, 15));
}

void CommCache::on_fork(std::uint32_t parent, std::uint32_t child) {
  if (cache_.count(child)) return;
  std::string c = comm(parent);
  if (!c.empty()) cache_[child] = std::move(c);
}

std::string CommCache::read_proc(std::uint32_t tid) {
  // The whole file less the newline the kernel adds: a name may hold a newline of its own.
  std::ifstream in("/proc/" + std::to_string(tid) + "/comm", std::ios::binary);
  std::string name((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!name.empty() && name.back() == '\n') name.pop_back();
  return name;
}

const std::vector<std::string_view>& CommCache::naming_syscalls() {
  static const std::vector<std::string_view> names{"execve", "execveat", "prctl"};
  return names;
}

}  // namespace etrace
