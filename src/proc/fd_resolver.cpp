#include "proc/fd_resolver.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "proc/fd_resolver_internal.h"
#include "proc/proc_net.h"

namespace etrace {

namespace {

using Kind = FdResolver::OpenFile::Kind;

constexpr int kAtFdcwd = AT_FDCWD;
constexpr std::string_view kLifecycle[] = {
    "accept",        "accept4",       "chdir",          "close",         "close_range",
    "creat",         "dup",           "dup2",           "dup3",          "epoll_create",
    "epoll_create1", "eventfd",       "eventfd2",       "execve",        "execveat",
    "fanotify_init", "fchdir",        "fcntl",          "inotify_init",  "inotify_init1",
    "io_uring_setup", "memfd_create", "open",           "open_by_handle_at", "open_tree",
    "openat",        "openat2",       "perf_event_open", "pidfd_getfd",  "pidfd_open",
    "pipe",          "pipe2",         "signalfd",       "signalfd4",     "socket",
    "socketpair",    "timerfd_create", "userfaultfd",
};

int arg_int(const SyscallCall& c, int i) { return static_cast<int>(static_cast<std::int32_t>(c.args[i])); }

std::string proc_fd_path(std::uint32_t tgid, int fd) { return fmt::format("/proc/{}/fd/{}", tgid, fd); }

// "socket:[123]" -> 123 when `text` has this prefix.
std::optional<std::uint64_t> bracketed_inode(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix) || !text.ends_with(']')) return std::nullopt;
  std::string_view num = text.substr(prefix.size(), text.size() - prefix.size() - 1);
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
  if (ec != std::errc() || p != num.data() + num.size()) return std::nullopt;
  return v;
}

// Lexical clean-up for paths realpath() cannot see (removed files, other mount namespaces).
std::string normalize(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (auto p : parts) {
    out += '/';
    out += p;
  }
  return out.empty() ? "/" : out;
}

std::string device_of(const FileStat& st) {
  if (S_ISCHR(st.mode)) return fmt::format("char {}:{}", major(st.rdev), minor(st.rdev));
  if (S_ISBLK(st.mode)) return fmt::format("block {}:{}", major(st.rdev), minor(st.rdev));
  return {};
}

}  // namespace

FdResolver::FdResolver(ProcFs& procfs, FdResolverOptions opts) : procfs_(procfs), opts_(opts) {}
FdResolver::~FdResolver() = default;

std::span<const std::string_view> FdResolver::fd_lifecycle_syscalls() { return kLifecycle; }

FdResolver::Process* FdResolver::process(std::uint32_t tgid) {
  auto it = procs_.find(tgid);
  if (it != procs_.end()) return &it->second;
  if (gone_.count(tgid)) return nullptr;
  return &procs_[tgid];
}

const std::string* FdResolver::cwd(std::uint32_t tgid, Process& p) {
  if (!p.cwd && !p.cwd_tried) {
    p.cwd_tried = true;
    auto link = procfs_.read_link(fmt::format("/proc/{}/cwd", tgid));
    if (!link) return nullptr;
    p.cwd = std::move(*link);
  }
  return p.cwd ? &*p.cwd : nullptr;
}

std::optional<std::string> FdResolver::path_of(std::uint32_t tgid, Process& p, int fd) {
  if (fd == kAtFdcwd) {
    const std::string* c = cwd(tgid, p);
    return c ? std::optional<std::string>(*c) : std::nullopt;
  }
  auto it = p.fds.find(fd);
  if (it == p.fds.end()) {
    auto f = file_from_proc(tgid, fd);
    if (!f) return std::nullopt;
    it = p.fds.emplace(fd, Slot{f, false}).first;
  }
  if (it->second.file->kind != Kind::Path) return std::nullopt;
  return it->second.file->text;
}

std::optional<std::string> FdResolver::absolute_path(std::uint32_t tgid, Process& p, int dirfd,
                                                     std::string_view path, bool follow_last) {
  if (path.empty()) return std::nullopt;
  std::string abs;
  if (path[0] == '/') {
    abs = path;
  } else {
    auto base = path_of(tgid, p, dirfd);
    if (!base) return std::nullopt;
    abs = fmt::format("{}/{}", *base, path);
  }
  // The kernel names an fd by its real path (/lib -> /usr/lib, /etc/localtime -> zoneinfo),
  // and strace prints what the kernel says.
  if (follow_last) {
    if (auto real = procfs_.real_path(abs)) return real;
  }
  std::string clean = normalize(abs);
  std::size_t slash = clean.rfind('/');
  if (slash != 0 && slash != std::string::npos) {
    if (auto dir = procfs_.real_path(clean.substr(0, slash)))
      return (*dir == "/" ? "" : *dir) + clean.substr(slash);
  }
  return clean;
}

std::shared_ptr<FdResolver::OpenFile> FdResolver::file_for_path(std::string path) {
  auto f = std::make_shared<OpenFile>();
  f->kind = Kind::Path;
  if (opts_.level >= 2 && path.starts_with("/dev/"))
    if (auto st = procfs_.stat(path)) f->device = device_of(*st);
  f->text = std::move(path);
  return f;
}

std::shared_ptr<FdResolver::OpenFile> FdResolver::file_from_proc(std::uint32_t tgid, int fd) {
  auto link = procfs_.read_link(proc_fd_path(tgid, fd));
  if (!link) return nullptr;
  auto f = std::make_shared<OpenFile>();
  if (auto ino = bracketed_inode(*link, "socket:[")) {
    f->kind = Kind::Socket;
    f->inode = *ino;
  } else if (auto pino = bracketed_inode(*link, "pipe:[")) {
    f->kind = Kind::Pipe;
    f->inode = *pino;
  } else if (link->starts_with('/')) {
    f->kind = Kind::Path;
    if (opts_.level >= 2)
      if (auto st = procfs_.stat(proc_fd_path(tgid, fd))) f->device = device_of(*st);
    f->text = std::move(*link);
  } else {
    f->kind = Kind::Other;  // anon_inode:[eventpoll], anon_inode:inotify, net:[...], ...
    f->text = std::move(*link);
  }
  return f;
}

void FdResolver::install(std::uint32_t tgid, Process& p, int fd, std::shared_ptr<OpenFile> file,
                         bool cloexec) {
  if (fd < 0) return;
  if (file->kind == Kind::Socket && file->inode == 0) learn_inode(tgid, fd, *file);
  p.fds[fd] = Slot{std::move(file), cloexec};
}

// The inode only /proc knows; read as early as we can, checked against what the trace says.
void FdResolver::learn_inode(std::uint32_t tgid, int fd, OpenFile& f) {
  if (tgid == current_tgid_)
    if (const KernelFdInfo* k = current_result(fd)) {
      f.inode = k->raw.ino;
      return;
    }
  auto link = procfs_.read_link(proc_fd_path(tgid, fd));
  if (!link) return;
  std::string_view prefix = f.kind == Kind::Socket ? "socket:[" : "pipe:[";
  if (auto ino = bracketed_inode(*link, prefix)) f.inode = *ino;
}

void FdResolver::observe(const SyscallInfo* info, const SyscallCall& call) {
  if (!info) return;
  gone_.erase(call.tgid);
  Process* p = process(call.tgid);
  if (!p) return;
  cwd(call.tgid, *p);  // while the process surely exists
  current_tgid_ = call.tgid;
  current_ = fd_infos_of(call);
  note_unopened_args(info, call);
  for (const auto& k : current_)
    if (!k.result) apply_kernel_view(call.tgid, *p, k);  // the fds as the call found them
  if (!call.has_ret || call.failed()) return;
  learn_created(info, call, *p);
  for (const auto& k : current_)
    if (k.result) apply_kernel_view(call.tgid, *p, k);
}

void FdResolver::learn_created(const SyscallInfo* info, const SyscallCall& call, Process& p) {
  const std::string_view name = info->name;
  const std::uint32_t tgid = call.tgid;
  const int ret = static_cast<int>(call.ret);
  auto string_arg = [&](int i) -> std::optional<std::string_view> {
    const Payload* pl = call.payload(i);
    if (!pl || pl->fault()) return std::nullopt;
    return std::string_view(pl->bytes);
  };
  auto open_path = [&](int dirfd, int path_arg, std::uint64_t flags) {
    std::shared_ptr<OpenFile> f;
    if (auto path = string_arg(path_arg)) {
      bool follow = !(flags & O_NOFOLLOW);
      if (auto abs = absolute_path(tgid, p, dirfd, *path, follow)) f = file_for_path(std::move(*abs));
    }
    if (!f) f = std::make_shared<OpenFile>();  // Unresolved: /proc when first shown
    install(tgid, p, ret, std::move(f), flags & O_CLOEXEC);
  };
  auto other = [&](std::string text, bool cloexec) {
    auto f = std::make_shared<OpenFile>();
    f->kind = Kind::Other;
    f->text = std::move(text);
    install(tgid, p, ret, std::move(f), cloexec);
  };
  auto socket_file = [&](std::string proto, bool fresh) {
    auto f = std::make_shared<OpenFile>();
    f->kind = Kind::Socket;
    f->proto = std::move(proto);
    f->fresh = fresh;
    return f;
  };
  auto fd_pair = [&]() -> std::optional<std::array<int, 2>> {
    const Payload* pl = call.payload(name == "socketpair" ? 3 : 0);
    if (!pl || pl->fault() || pl->bytes.size() < 8) return std::nullopt;
    std::array<int, 2> fds;
    std::memcpy(fds.data(), pl->bytes.data(), 8);
    return fds;
  };
  // newfd_is_arg (dup2, dup3): the argument shows what newfd was before, so the new file
  // only takes its place after the line, whether or not newfd was open.
  auto dup_to = [&](int oldfd, int newfd, bool cloexec, bool newfd_is_arg) {
    auto it = p.fds.find(oldfd);
    std::shared_ptr<OpenFile> f;
    if (it != p.fds.end()) f = it->second.file;
    else f = file_from_proc(tgid, newfd);  // same description: /proc's newfd shows it
    if (!f) f = std::make_shared<OpenFile>();
    if (oldfd == newfd) return;
    if (newfd_is_arg || p.fds.count(newfd)) staged_.push_back({tgid, newfd, Slot{f, cloexec}});
    else p.fds[newfd] = Slot{f, cloexec};
  };

  if (name == "open") return open_path(kAtFdcwd, 0, call.args[1]);
  if (name == "openat") return open_path(arg_int(call, 0), 1, call.args[2]);
  if (name == "creat") return open_path(kAtFdcwd, 0, O_CREAT | O_WRONLY | O_TRUNC);
  if (name == "open_tree") return open_path(arg_int(call, 0), 1, call.args[2] & O_CLOEXEC);
  if (name == "openat2") {
    std::uint64_t flags = 0;  // struct open_how starts with the u64 flags
    if (const Payload* how = call.payload(2); how && !how->fault() && how->bytes.size() >= 8)
      std::memcpy(&flags, how->bytes.data(), 8);
    return open_path(arg_int(call, 0), 1, flags);
  }
  if (name == "memfd_create") {
    auto n = string_arg(0);
    if (!n) return install(tgid, p, ret, std::make_shared<OpenFile>(), call.args[1] & 1);
    auto f = std::make_shared<OpenFile>();
    f->kind = Kind::Path;
    f->text = fmt::format("/memfd:{} (deleted)", *n);
    return install(tgid, p, ret, std::move(f), call.args[1] & 1);  // MFD_CLOEXEC
  }
  if (name == "socket") {
    int type = arg_int(call, 1);
    return install(tgid, p, ret, socket_file(socket_proto_name(arg_int(call, 0), type, arg_int(call, 2)), true),
                   type & SOCK_CLOEXEC);
  }
  if (name == "accept" || name == "accept4") {
    std::string proto;
    if (auto it = p.fds.find(arg_int(call, 0)); it != p.fds.end()) proto = it->second.file->proto;
    bool cloexec = name == "accept4" && (call.args[3] & SOCK_CLOEXEC);
    return install(tgid, p, ret, socket_file(proto, false), cloexec);
  }
  if (name == "socketpair" || name == "pipe" || name == "pipe2") {
    auto fds = fd_pair();
    if (!fds) return;
    bool is_pipe = name != "socketpair";
    std::uint64_t flags = name == "pipe2" ? call.args[1] : name == "socketpair" ? call.args[1] : 0;
    bool cloexec = flags & O_CLOEXEC;  // SOCK_CLOEXEC == O_CLOEXEC
    std::array<std::shared_ptr<OpenFile>, 2> ends;
    for (int i = 0; i < 2; ++i) {
      ends[i] = is_pipe ? std::make_shared<OpenFile>()
                        : socket_file(socket_proto_name(arg_int(call, 0), arg_int(call, 1), arg_int(call, 2)), false);
      if (is_pipe) {
        ends[i]->kind = Kind::Pipe;
        learn_inode(tgid, (*fds)[i], *ends[i]);
      }
    }
    ends[0]->pipe_peer = ends[1];
    ends[1]->pipe_peer = ends[0];
    install(tgid, p, (*fds)[0], ends[0], cloexec);
    install(tgid, p, (*fds)[1], ends[1], cloexec);
    return;
  }
  if (name == "dup") return dup_to(arg_int(call, 0), ret, false, false);
  if (name == "dup2") return dup_to(arg_int(call, 0), arg_int(call, 1), false, true);
  if (name == "dup3") return dup_to(arg_int(call, 0), arg_int(call, 1), call.args[2] & O_CLOEXEC, true);
  if (name == "fcntl") {
    int cmd = arg_int(call, 1);
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) dup_to(arg_int(call, 0), ret, cmd == F_DUPFD_CLOEXEC, false);
    return;
  }
  if (name == "eventfd") return other("anon_inode:[eventfd]", false);
  if (name == "eventfd2") return other("anon_inode:[eventfd]", call.args[1] & O_CLOEXEC);
  if (name == "epoll_create") return other("anon_inode:[eventpoll]", false);
  if (name == "epoll_create1") return other("anon_inode:[eventpoll]", call.args[0] & O_CLOEXEC);
  if (name == "timerfd_create") return other("anon_inode:[timerfd]", call.args[1] & O_CLOEXEC);
  if (name == "signalfd" || name == "signalfd4") {
    if (arg_int(call, 0) != -1) return;  // updated an existing signalfd
    return other("anon_inode:[signalfd]", name == "signalfd4" && (call.args[3] & O_CLOEXEC));
  }
  if (name == "inotify_init") return other("anon_inode:inotify", false);
  if (name == "inotify_init1") return other("anon_inode:inotify", call.args[0] & O_CLOEXEC);
  if (name == "fanotify_init") return other("anon_inode:[fanotify]", call.args[0] & 1);  // FAN_CLOEXEC
  if (name == "userfaultfd") return other("anon_inode:[userfaultfd]", call.args[0] & O_CLOEXEC);
  if (name == "pidfd_open") return other("anon_inode:[pidfd]", true);
  if (name == "perf_event_open") return other("anon_inode:[perf_event]", call.args[4] & 8);
  if (name == "io_uring_setup") return other("anon_inode:[io_uring]", true);
  // Any other call that returns a new fd: its number now means something we learn from /proc.
  if (info->spec && info->spec->ret == RetKind::Fd) install(tgid, p, ret, std::make_shared<OpenFile>(), false);
}

void FdResolver::observe_after(const SyscallInfo* info, const SyscallCall& call) {
  current_.clear();  // its FDINFO described the call's own line only
  current_unopened_.clear();
  // dup2/dup3 replacements staged by observe() for this process take effect now.
  for (auto it = staged_.begin(); it != staged_.end();) {
    if (it->tgid != call.tgid) {
      ++it;
      continue;
    }
    if (Process* p = process(call.tgid)) p->fds[it->fd] = std::move(it->slot);
    it = staged_.erase(it);
  }
  if (!info) return;
  Process* p = process(call.tgid);
  if (!p) return;
  const std::string_view name = info->name;
  const bool ok = call.has_ret && !call.failed();

  if (name == "close") {
    if (call.ret != -EBADF) p->fds.erase(arg_int(call, 0));  // closed even on EINTR
  } else if (name == "close_range" && ok) {
    std::uint64_t first = static_cast<std::uint32_t>(call.args[0]);
    std::uint64_t last = static_cast<std::uint32_t>(call.args[1]);
    bool cloexec_only = call.args[2] & 4;  // CLOSE_RANGE_CLOEXEC
    for (auto it = p->fds.begin(); it != p->fds.end();) {
      auto fd = static_cast<std::uint64_t>(it->first);
      if (fd < first || fd > last) {
        ++it;
      } else if (cloexec_only) {
        it->second.cloexec = true;
        ++it;
      } else {
        it = p->fds.erase(it);
      }
    }
  } else if ((name == "execve" || name == "execveat") && ok) {
    std::erase_if(p->fds, [](const auto& kv) { return kv.second.cloexec; });
  } else if (name == "chdir" && ok) {
    const Payload* pl = call.payload(0);
    if (pl && !pl->fault())
      p->cwd = absolute_path(call.tgid, *p, kAtFdcwd, pl->bytes, true);
  } else if (name == "fchdir" && ok) {
    p->cwd = path_of(call.tgid, *p, arg_int(call, 0));
  } else if (name == "fcntl" && ok && arg_int(call, 1) == F_SETFD) {
    if (auto it = p->fds.find(arg_int(call, 0)); it != p->fds.end())
      it->second.cloexec = call.args[2] & FD_CLOEXEC;
  } else if (name == "ioctl" && ok && (call.args[1] == FIOCLEX || call.args[1] == FIONCLEX)) {
    if (auto it = p->fds.find(arg_int(call, 0)); it != p->fds.end())
      it->second.cloexec = call.args[1] == FIOCLEX;
  } else if (name == "bind" || name == "connect" || name == "listen" || name == "sendto" ||
             name == "sendmsg" || name == "sendmmsg" || name == "shutdown") {
    // The socket's endpoints may have changed: the next line shows them anew.
    if (auto it = p->fds.find(arg_int(call, 0)); it != p->fds.end()) {
      it->second.file->fresh = false;
      it->second.file->endpoint.reset();
    }
  }
}

void FdResolver::on_fork(std::uint32_t parent_tgid, std::uint32_t child_tgid) {
  if (parent_tgid == child_tgid) return;  // a thread shares the table
  gone_.erase(child_tgid);
  Process* parent = process(parent_tgid);
  if (parent) cwd(parent_tgid, *parent);  // learn it now: the child may be gone before we ask
  procs_[child_tgid] = parent ? *parent : Process{};
}

void FdResolver::inherit_from_proc(std::uint32_t tgid, std::uint32_t source_pid) {
  gone_.erase(tgid);
  Process& p = procs_[tgid];
  if (auto link = procfs_.read_link(fmt::format("/proc/{}/cwd", source_pid))) {
    p.cwd = std::move(*link);
    p.cwd_tried = true;
  }
  for (int fd = 0; fd <= 2; ++fd)
    if (auto f = file_from_proc(source_pid, fd)) p.fds.insert_or_assign(fd, Slot{f, false});
}

void FdResolver::on_exit(std::uint32_t tgid) {
  procs_.erase(tgid);
  std::erase_if(staged_, [tgid](const Staged& s) { return s.tgid == tgid; });
  // Only spares /proc lookups for late lines of dead processes; bounded for --system-wide.
  if (gone_.size() >= 65536) gone_.clear();
  gone_.insert(tgid);
}

std::string FdResolver::describe(std::uint32_t tgid, std::int64_t fd) {
  Process* p = process(tgid);
  if (!p) return {};
  if (fd == kAtFdcwd) {
    const std::string* c = cwd(tgid, *p);
    return c ? escape_decoration(*c) : std::string{};
  }
  if (fd < 0 || fd > INT32_MAX) return {};
  int n = static_cast<int>(fd);
  auto it = p->fds.find(n);
  if (it == p->fds.end() && unopened_arg(tgid, n)) return {};  // the kernel found it closed
  if (it == p->fds.end() || (!opts_.lifecycle_visible && !confirmed_by_kernel(tgid, n))) {
    if (auto f = file_from_proc(tgid, n)) {
      bool cloexec = it != p->fds.end() && it->second.cloexec;
      it = p->fds.insert_or_assign(n, Slot{f, cloexec}).first;
    }
  }
  if (it == p->fds.end()) return {};
  return render(tgid, n, *it->second.file);
}

std::string FdResolver::describe_result(std::uint32_t tgid, std::int64_t fd) {
  for (auto& s : staged_)
    if (s.tgid == tgid && s.fd == fd) return render(tgid, s.fd, *s.slot.file);
  return describe(tgid, fd);
}

std::string FdResolver::render(std::uint32_t tgid, int fd, OpenFile& f) {
  if (f.kind == Kind::Unresolved && !f.proc_tried) {
    f.proc_tried = true;
    if (auto real = file_from_proc(tgid, fd)) {
      auto peer = f.pipe_peer;
      f = std::move(*real);
      f.pipe_peer = peer;
    }
  }
  switch (f.kind) {
    case Kind::Unresolved: return {};
    case Kind::Path: {
      std::string out = escape_decoration(f.text);
      if (opts_.level >= 2 && !f.device.empty()) out += fmt::format("<{}>", f.device);
      return out;
    }
    case Kind::Other: return escape_decoration(f.text);
    case Kind::Pipe:
      if (f.inode == 0) learn_inode(tgid, fd, f);
      if (f.inode == 0)
        if (auto peer = f.pipe_peer.lock()) f.inode = peer->inode;
      return f.inode ? fmt::format("pipe:[{}]", f.inode) : std::string{};
    case Kind::Socket:
      if (f.inode == 0) learn_inode(tgid, fd, f);
      if (f.inode == 0) return {};
      if (opts_.level < 2) return fmt::format("socket:[{}]", f.inode);
      return render_socket(tgid, fd, f);
  }
  return {};
}

std::string FdResolver::render_socket(std::uint32_t tgid, int fd, OpenFile& f) {
  if (const std::string* d = cached_details(f.inode)) return *d;
  if (f.proto.empty() && f.kernel)
    f.proto = socket_proto_name(f.kernel->raw.family, f.kernel->raw.type, f.kernel->raw.protocol);
  if (f.kernel) {
    if (f.proto.empty()) return fmt::format("socket:[{}]", f.inode);
    auto where = socket_details(with_known_peer(*f.kernel));
    if (!where) return fmt::format("{}:[{}]", f.proto, f.inode);  // unlisted: not cached, as strace
    return cache_details(f.inode, fmt::format("{}:[{}]", f.proto, *where));
  }
  if (f.endpoint) return *f.endpoint;
  if (f.proto.empty())
    f.proto = procfs_.get_xattr(proc_fd_path(tgid, fd), "system.sockprotoname").value_or("");
  if (f.proto.empty()) return fmt::format("socket:[{}]", f.inode);  // not cached: may learn later
  std::optional<std::string> where;
  std::string_view file = proc_net_file_for(f.proto);
  if (!f.fresh && !file.empty()) {
    if (file == "unix") {
      std::optional<UnixSockInfo> u = procfs_.unix_diag(f.inode);
      if (!u)
        if (auto t = procfs_.read_file(fmt::format("/proc/{}/net/unix", tgid))) u = find_unix_socket(*t, f.inode);
      if (u) where = format_unix_endpoint(f.inode, *u);
    } else if (auto t = procfs_.read_file(fmt::format("/proc/{}/net/{}", tgid, file))) {
      where = file == "netlink" ? find_netlink_endpoint(*t, f.inode) : find_inet_endpoint(*t, f.inode);
    }
  }
  f.endpoint = fmt::format("{}:[{}]", f.proto, where ? *where : std::to_string(f.inode));
  if (where) return cache_details(f.inode, *f.endpoint);
  return *f.endpoint;
}

}  // namespace etrace
