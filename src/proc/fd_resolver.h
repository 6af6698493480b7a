// -y / -yy: what fd N of process P was *when the call ran*.
//
// Reading /proc/PID/fd after the fact is wrong for short-lived fds (the process may have
// closed fd 3 and opened another file at 3, or exited, by the time we print). So the resolver
// keeps a per-process fd table learned from the trace itself: open*/creat results, socket,
// accept, pipe, socketpair, eventfd/epoll/timerfd/signalfd/inotify/memfd..., dup*/F_DUPFD,
// close/close_range, O_CLOEXEC at a successful execve, chdir/fchdir for relative paths, fork
// (the child inherits) and exit. Only what the trace did not show (fds opened before tracing
// started) comes from /proc/PID/fd/N, read once and cached; a process that is gone gives "".
//
// Entries point at shared open-file objects, as the kernel's do, so dup'd and inherited fds
// share what was resolved about them (a pipe's inode, a socket's endpoints).
//
// How the pipeline drives it, for every call that arrives (printed or filtered out):
//   resolver.observe(info, call);        // before formatting: learns the fds the call created
//   ... decode_args / decode_result ...  // describe() / describe_result()
//   resolver.observe_after(info, call);  // after the line: close, dup2 replacement, exec, chdir
// plus on_fork(parent, child) on a fork record and on_exit(tgid) when a process has ended and
// its last line is out. describe() answers with the state before the call, except that fds the
// call created (openat's result, pipe's pair) are already known: their numbers were free before
// the call, so no argument can mean anything else. The one exception is dup2/dup3 onto an open
// fd: `dup2(3</a>, 4</b>) = 4</a>` needs describe_result() for the return value.
//
// Decorations come back as strace prints them inside the angle brackets, already escaped:
//   /etc/passwd   /dev/null<char 1:3> (-yy)   pipe:[1234]   anon_inode:[eventpoll]
//   socket:[1234] (-y)   TCP:[127.0.0.1:41234->127.0.0.1:80] (-yy, see proc_net.h)
//   /memfd:name (deleted)   (strace moves a trailing " (deleted)" outside: "3</x>(deleted)";
//                            that is the text emitter's punctuation to do)
// describe(tgid, AT_FDCWD) gives the process's working directory (strace: AT_FDCWD</tmp>).
//
// With -y the kernel side also reports, per call, what the fds it names (at entry) and creates
// (at exit) refer to (ETRACE_PL_FDINFO, proc/fd_info.h). observe() takes these first: they fix
// pipes, sockets and anon inodes of processes already gone, and correct a table entry that the
// trace got wrong. Socket endpoints then follow strace's own rule: the first details its
// sock_diag lookup finds for an inode are kept for that inode (strace caches them in 1024
// slots by inode), so a listener stays TCP:[127.0.0.1:80] and a UDP socket keeps the address it
// had when first seen bound.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "decode/decoder.h"
#include "event/syscall_call.h"
#include "proc/fd_info.h"
#include "proc/procfs.h"
#include "syscalls/syscall_table.h"

namespace etrace {

struct FdResolverOptions {
  int level = 1;  // 1: -y, 2: -yy (socket endpoints, device numbers)
  // False when the trace does not carry every call of fd_lifecycle_syscalls() (a kernel-side
  // syscall filter dropped some): the learned table may then be stale, so /proc is read
  // afresh on each describe() and the table only serves once the process is gone.
  bool lifecycle_visible = true;
};

class FdResolver final : public FdNamer {
 public:
  FdResolver(ProcFs& procfs, FdResolverOptions opts);
  ~FdResolver() override;

  void observe(const SyscallInfo* info, const SyscallCall& call);
  void observe_after(const SyscallInfo* info, const SyscallCall& call);
  void on_fork(std::uint32_t parent_tgid, std::uint32_t child_tgid);
  // A command etrace starts inherits its cwd and fds 0-2 from `source_pid` (etrace itself);
  // learning them now means a command that exits quickly still shows them.
  void inherit_from_proc(std::uint32_t tgid, std::uint32_t source_pid);
  void on_exit(std::uint32_t tgid);

  std::string describe(std::uint32_t tgid, std::int64_t fd) override;
  std::string describe_result(std::uint32_t tgid, std::int64_t fd) override;

  // Syscalls whose results and effects keep the table true; if the kernel filter drops any of
  // them, construct with lifecycle_visible = false.
  static std::span<const std::string_view> fd_lifecycle_syscalls();

  struct OpenFile;  // one open file description (fd_resolver.cpp)

 private:
  struct Slot {
    std::shared_ptr<OpenFile> file;
    bool cloexec = false;
  };
  struct Process {
    std::unordered_map<int, Slot> fds;
    std::optional<std::string> cwd;  // canonical, unescaped
    bool cwd_tried = false;          // /proc/PID/cwd was read (once: the process may be gone)
  };
  struct Staged {  // dup2/dup3 onto an fd that was open: takes effect after the line
    std::uint32_t tgid;
    int fd;
    Slot slot;
  };

  Process* process(std::uint32_t tgid);
  const std::string* cwd(std::uint32_t tgid, Process& p);
  std::optional<std::string> path_of(std::uint32_t tgid, Process& p, int fd);
  std::optional<std::string> absolute_path(std::uint32_t tgid, Process& p, int dirfd,
                                           std::string_view path, bool follow_last);
  std::shared_ptr<OpenFile> file_from_proc(std::uint32_t tgid, int fd);
  std::shared_ptr<OpenFile> file_for_path(std::string path);
  void install(std::uint32_t tgid, Process& p, int fd, std::shared_ptr<OpenFile> file, bool cloexec);
  void learn_inode(std::uint32_t tgid, int fd, OpenFile& f);
  std::string render(std::uint32_t tgid, int fd, OpenFile& f);
  std::string render_socket(std::uint32_t tgid, int fd, OpenFile& f);
  void learn_created(const SyscallInfo* info, const SyscallCall& call, Process& p);
  // The kernel's view of `k.fd` (fd_resolver_kernel.cpp).
  void apply_kernel_view(std::uint32_t tgid, Process& p, const KernelFdInfo& k);
  const KernelFdInfo* current_result(int fd) const;
  bool confirmed_by_kernel(std::uint32_t tgid, int fd) const;
  void note_unopened_args(const SyscallInfo* info, const SyscallCall& call);
  bool unopened_arg(std::uint32_t tgid, int fd) const;
  KernelFdInfo with_known_peer(const KernelFdInfo& k) const;
  const std::string* cached_details(std::uint64_t inode) const;
  const std::string& cache_details(std::uint64_t inode, std::string details);

  ProcFs& procfs_;
  FdResolverOptions opts_;
  std::unordered_map<std::uint32_t, Process> procs_;
  std::unordered_set<std::uint32_t> gone_;
  std::vector<Staged> staged_;
  // The call being observed: its FDINFO payloads (results are read by learn_inode()).
  std::uint32_t current_tgid_ = 0;
  std::vector<KernelFdInfo> current_;
  std::vector<int> current_unopened_;  // its fd arguments the kernel found closed at entry
  // AF_UNIX stream pairs seen connected (both directions): a client whose peer is not yet
  // accepted, or already closed, has a peer without an inode, where strace (slower, and caching
  // what it first found) shows the accepted end.
  std::unordered_map<std::uint64_t, std::uint64_t> unix_peers_;
  // strace's per-inode cache of socket details ("TCP:[a:p->b:q]"), slot = inode % size.
  std::vector<std::pair<std::uint64_t, std::string>> details_cache_;
};

}  // namespace etrace
