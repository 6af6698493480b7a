#include "proc/fd_info.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "proc/proc_net.h"

namespace etrace {

namespace {

// s_magic of the pseudo file systems behind pipes and anon inodes (<linux/magic.h>).
constexpr std::uint32_t kPipefsMagic = 0x50495045;
constexpr std::uint32_t kAnonInodeFsMagic = 0x09041934;

bool all_zero(const etrace_u8* p, std::size_t n) {
  return std::all_of(p, p + n, [](etrace_u8 b) { return b == 0; });
}

}  // namespace

std::optional<KernelFdInfo> parse_fd_info(const Payload& p) {
  if (p.type != ETRACE_PL_FDINFO || p.bytes.size() < ETRACE_FDINFO_FILE_BYTES) return std::nullopt;
  KernelFdInfo k;
  k.fd = static_cast<int>(static_cast<std::int64_t>(p.aux));
  k.result = p.arg == ETRACE_FDINFO_RESULT;
  std::memcpy(&k.raw, p.bytes.data(), ETRACE_FDINFO_FILE_BYTES);
  const bool socket = S_ISSOCK(k.raw.mode);
  std::size_t head = ETRACE_FDINFO_FILE_BYTES;
  if (socket) {
    if (p.bytes.size() < sizeof(k.raw)) return std::nullopt;
    std::memcpy(&k.raw, p.bytes.data(), sizeof(k.raw));
    head = sizeof(k.raw);
  }
  const std::size_t name_len = std::min<std::size_t>(k.raw.name_len, p.bytes.size() - head);
  k.name.assign(p.bytes, head, name_len);
  if (socket) k.kind = KernelFdInfo::Kind::Socket;
  else if (k.raw.magic == kPipefsMagic) k.kind = KernelFdInfo::Kind::Pipe;
  else if (k.raw.magic == kAnonInodeFsMagic) k.kind = KernelFdInfo::Kind::AnonInode;
  return k;
}

std::vector<KernelFdInfo> fd_infos_of(const SyscallCall& call) {
  std::vector<KernelFdInfo> out;
  for (const auto& p : call.payloads)
    if (p.type == ETRACE_PL_FDINFO)
      if (auto k = parse_fd_info(p)) out.push_back(std::move(*k));
  return out;
}

std::string socket_proto_name(int domain, int type, int protocol) {
  type &= 0xf;
  switch (domain) {
    case AF_UNIX: return type == SOCK_STREAM ? "UNIX-STREAM" : "UNIX";
    case AF_INET:
    case AF_INET6: {
      std::string_view v6 = domain == AF_INET6 ? "v6" : "";
      if (type == SOCK_STREAM && (protocol == 0 || protocol == IPPROTO_TCP)) return fmt::format("TCP{}", v6);
      if (type == SOCK_DGRAM && (protocol == 0 || protocol == IPPROTO_UDP)) return fmt::format("UDP{}", v6);
      if (type == SOCK_DGRAM && protocol == IPPROTO_UDPLITE) return fmt::format("UDPLITE{}", v6);
      if (type == SOCK_DGRAM && protocol == (domain == AF_INET ? int{IPPROTO_ICMP} : int{IPPROTO_ICMPV6}))
        return fmt::format("PING{}", v6);
      if (type == SOCK_RAW) return fmt::format("RAW{}", v6);
      return {};
    }
    case AF_NETLINK: return "NETLINK";
    case AF_PACKET: return "PACKET";
    default: return {};
  }
}

std::string anon_inode_text(const KernelFdInfo& k) { return "anon_inode:" + k.name; }

std::string device_text(const KernelFdInfo& k) {
  // The kernel's dev_t: 12 bits of major above 20 bits of minor (MINORBITS).
  const unsigned major = k.raw.rdev >> 20, minor = k.raw.rdev & 0xfffff;
  if (S_ISCHR(k.raw.mode)) return fmt::format("char {}:{}", major, minor);
  if (S_ISBLK(k.raw.mode)) return fmt::format("block {}:{}", major, minor);
  return {};
}

std::optional<std::string> socket_details(const KernelFdInfo& k) {
  if (k.kind != KernelFdInfo::Kind::Socket) return std::nullopt;
  const etrace_fdinfo& r = k.raw;
  switch (r.family) {
    case AF_INET:
    case AF_INET6: {
      // sock_diag lists an inet socket once it has a local port: connected, listening, and
      // bound-only too on kernels that dump TCP_BOUND_INACTIVE sockets (this one: strace shows
      // listen(3<TCP:[127.0.0.1:23461]>, 4) before the socket listens).
      if (r.lport == 0) return std::nullopt;
      const std::size_t alen = r.family == AF_INET ? 4 : 16;
      std::string out = format_inet_address(r.family, r.laddr, r.lport);
      if (r.rport != 0 || !all_zero(r.raddr, alen)) out += "->" + format_inet_address(r.family, r.raddr, r.rport);
      return out;
    }
    case AF_UNIX: {
      UnixSockInfo info;
      info.peer = r.peer;
      if (!k.name.empty()) {
        // strace quotes the name up to its first NUL (after the abstract namespace's leading one).
        std::size_t end = k.name.find('\0', 1);
        info.name = k.name.substr(0, end);
        if (info.name == std::string(1, '\0')) info.name.clear();
      }
      if (!info.peer && info.name.empty()) return std::nullopt;
      return format_unix_endpoint(r.ino, info);
    }
    case AF_NETLINK: {
      if (r.peer == 0) return std::nullopt;  // not bound: no port id yet
      auto name = netlink_protocol_name(r.protocol);
      if (!name) return std::to_string(r.protocol);
      return fmt::format("{}:{}", *name, r.peer);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace etrace
