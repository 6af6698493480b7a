// FdResolver's use of the kernel's view of fds (-y: ETRACE_PL_FDINFO payloads, proc/fd_info.h),
// and strace's per-inode cache of socket details.
#include <sys/socket.h>

#include <algorithm>

#include "proc/fd_resolver.h"
#include "proc/fd_resolver_internal.h"

namespace etrace {

namespace {

using Kind = FdResolver::OpenFile::Kind;
using KernelKind = KernelFdInfo::Kind;

// strace keeps socket details in this many slots, by inode number; a slot is only replaced by
// another inode's details.
constexpr std::size_t kDetailsSlots = 1024;

// Whether the table's record can be the file the kernel saw behind the fd.
bool agrees(const FdResolver::OpenFile& f, const KernelFdInfo& k) {
  switch (f.kind) {
    case Kind::Unresolved: return true;
    case Kind::Path: return k.kind == KernelKind::File;
    case Kind::Pipe: return k.kind == KernelKind::Pipe && (f.inode == 0 || f.inode == k.raw.ino);
    case Kind::Socket: return k.kind == KernelKind::Socket && (f.inode == 0 || f.inode == k.raw.ino);
    // anon_inode:[pidfd] and the like live on their own file systems: only anon inodes compare.
    case Kind::Other:
      return k.kind == KernelKind::File || (k.kind == KernelKind::AnonInode && f.text == anon_inode_text(k));
  }
  return false;
}

void learn_from_kernel(FdResolver::OpenFile& f, const KernelFdInfo& k, int level) {
  switch (k.kind) {
    case KernelKind::Pipe:
      f.kind = Kind::Pipe;
      f.inode = k.raw.ino;
      break;
    case KernelKind::Socket:
      f.kind = Kind::Socket;
      f.inode = k.raw.ino;
      if (f.proto.empty()) f.proto = socket_proto_name(k.raw.family, k.raw.type, k.raw.protocol);
      break;
    case KernelKind::AnonInode:
      if (f.kind == Kind::Unresolved && !k.name.empty()) {
        f.kind = Kind::Other;
        f.text = anon_inode_text(k);
      }
      break;
    case KernelKind::File:
      // The path itself only the trace or /proc can give; the device numbers come for free.
      if (level >= 2 && f.kind == Kind::Path && f.device.empty()) f.device = device_text(k);
      break;
  }
  f.kernel = k;
}

}  // namespace

void FdResolver::apply_kernel_view(std::uint32_t tgid, Process& p, const KernelFdInfo& k) {
  if (k.fd < 0) return;
  Slot* slot = nullptr;
  if (k.result)
    for (auto& s : staged_)
      if (s.tgid == tgid && s.fd == k.fd) slot = &s.slot;
  if (!slot)
    if (auto it = p.fds.find(k.fd); it != p.fds.end()) slot = &it->second;
  if (k.kind == KernelKind::Socket && k.raw.family == AF_UNIX && k.raw.peer) {
    if (unix_peers_.size() >= 65536) unix_peers_.clear();  // bounded for --system-wide
    unix_peers_[k.raw.ino] = k.raw.peer;
    unix_peers_[k.raw.peer] = k.raw.ino;
  }
  if (slot && agrees(*slot->file, k)) return learn_from_kernel(*slot->file, k, opts_.level);
  if (!slot && k.kind == KernelKind::File) return;  // describe() asks /proc, as before
  // Unknown to the table, or the table was wrong (a call it did not see): the kernel's word wins.
  auto f = std::make_shared<OpenFile>();
  learn_from_kernel(*f, k, opts_.level);
  if (slot) slot->file = std::move(f);
  else p.fds[k.fd] = Slot{std::move(f), false};
}

const KernelFdInfo* FdResolver::current_result(int fd) const {
  for (const auto& k : current_)
    if (k.result && k.fd == fd) return &k;
  return nullptr;
}

bool FdResolver::confirmed_by_kernel(std::uint32_t tgid, int fd) const {
  return tgid == current_tgid_ && std::any_of(current_.begin(), current_.end(), [fd](const KernelFdInfo& k) {
           return k.fd == fd;
         });
}

void FdResolver::note_unopened_args(const SyscallInfo* info, const SyscallCall& call) {
  current_unopened_.clear();
  if (current_.empty() || !info || !info->spec) return;  // no kernel view: nothing to conclude
  for (std::size_t i = 0; i < info->spec->nargs; ++i) {
    if (info->spec->args[i].kind != ArgKind::Fd) continue;
    const int fd = static_cast<int>(static_cast<std::int32_t>(call.args[i]));
    if (fd >= 0 && !std::any_of(current_.begin(), current_.end(),
                                [fd](const KernelFdInfo& k) { return !k.result && k.fd == fd; }))
      current_unopened_.push_back(fd);
  }
}

bool FdResolver::unopened_arg(std::uint32_t tgid, int fd) const {
  return tgid == current_tgid_ && std::find(current_unopened_.begin(), current_unopened_.end(), fd) !=
                                      current_unopened_.end();
}

KernelFdInfo FdResolver::with_known_peer(const KernelFdInfo& k) const {
  constexpr int kTcpEstablished = 1;  // unix sockets reuse the TCP state numbers
  if (k.raw.family != AF_UNIX || k.raw.peer || k.raw.state != kTcpEstablished) return k;
  auto it = unix_peers_.find(k.raw.ino);
  if (it == unix_peers_.end()) return k;
  KernelFdInfo out = k;
  out.raw.peer = it->second;
  return out;
}

const std::string* FdResolver::cached_details(std::uint64_t inode) const {
  if (details_cache_.empty() || inode == 0) return nullptr;
  const auto& slot = details_cache_[inode % kDetailsSlots];
  return slot.first == inode ? &slot.second : nullptr;
}

const std::string& FdResolver::cache_details(std::uint64_t inode, std::string details) {
  if (details_cache_.empty()) details_cache_.resize(kDetailsSlots);
  auto& slot = details_cache_[inode % kDetailsSlots];
  slot = {inode, std::move(details)};
  return slot.second;
}

}  // namespace etrace
