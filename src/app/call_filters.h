// Userspace per-call filters and decorations that need the fd table or /proc: -P PATH,
// -e trace-fds=, and -Y's command names. Pure enough to unit-test with a fake FdNamer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "decode/decoder.h"
#include "event/syscall_call.h"
#include "filter/expression.h"
#include "syscalls/syscall_table.h"

namespace etrace {

// -P PATH...: a call matches when one of its path arguments is one of the paths (as given, or
// as realpath() resolved it at start-up), or one of its fd arguments refers to one of them.
class PathFilter {
 public:
  // `paths` are compared as given; add resolved forms with add().
  explicit PathFilter(FdNamer& fds) : fds_(fds) {}
  void add(std::string path);
  bool empty() const { return paths_.empty(); }
  bool matches(const SyscallInfo* info, const SyscallCall& call) const;

 private:
  bool known(std::string_view p) const;
  FdNamer& fds_;
  std::vector<std::string> paths_;
};

// -e trace-fds=SET: a call matches when one of its fd arguments (not AT_FDCWD) is in the set;
// a call without fd arguments does not.
bool fd_filter_matches(const FdSet& set, const SyscallInfo* info, const SyscallCall& call);

// -P resolution as strace does it: realpath() of each path. Returns "" when it resolves to
// itself or not at all.
std::string resolved_path(const std::string& path);

// -Y: a thread's command name, read once from /proc and updated from the calls that rename it:
// a successful execve (the kernel names the process after the basename of the file it runs, up
// to 15 bytes) or prctl(PR_SET_NAME). The names are raw bytes: the emitter escapes them.
class CommCache {
 public:
  using Reader = std::function<std::string(std::uint32_t tid)>;  // "" when unknown
  explicit CommCache(Reader read) : read_(std::move(read)) {}
  std::string comm(std::uint32_t tid);
  void after_call(const SyscallInfo* info, const SyscallCall& call);
  void forget(std::uint32_t tid) { cache_.erase(tid); }
  // A new process carries its parent's name until it execs (it may be gone before /proc is read).
  void on_fork(std::uint32_t parent, std::uint32_t child);

  static std::string read_proc(std::uint32_t tid);
  // The calls after_call() learns names from: traced in the kernel with -Y even when the trace
  // set leaves them out, or a command would keep the name it had before its execve.
  static const std::vector<std::string_view>& naming_syscalls();

 private:
  Reader read_;
  std::unordered_map<std::uint32_t, std::string> cache_;
};

}  // namespace etrace
