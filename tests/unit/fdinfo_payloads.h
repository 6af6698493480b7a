// ETRACE_PL_FDINFO payloads as bpf/fdinfo.bpf.h writes them, built by hand for tests: the
// first ETRACE_FDINFO_FILE_BYTES of struct etrace_fdinfo for a file, all of it for a socket,
// then the name bytes.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstring>
#include <string>

#include "etrace/event.h"
#include "event/syscall_call.h"

namespace etrace::testing {

constexpr std::uint32_t kPipefsMagic = 0x50495045;
constexpr std::uint32_t kSockfsMagic = 0x534F434B;
constexpr std::uint32_t kAnonInodeMagic = 0x09041934;
constexpr std::uint32_t kDevtmpfsMagic = 0x01021994;  // tmpfs, where /dev lives

// The int[2] pipe() and socketpair() write, captured at exit for argument `arg`.
inline Payload fd_pair(int arg, int a, int b) {
  Payload p;
  p.arg = static_cast<std::uint8_t>(arg);
  p.type = ETRACE_PL_BYTES;
  p.flags = ETRACE_PLF_AT_EXIT;
  p.bytes.resize(8);
  std::memcpy(p.bytes.data(), &a, 4);
  std::memcpy(p.bytes.data() + 4, &b, 4);
  return p;
}

struct FdView {
  etrace_fdinfo raw{};
  std::string name;
};

inline Payload fdinfo_payload(int arg, int fd, const FdView& v) {
  Payload p;
  p.arg = static_cast<std::uint8_t>(arg);
  p.type = ETRACE_PL_FDINFO;
  p.aux = static_cast<std::uint64_t>(static_cast<std::int64_t>(fd));
  etrace_fdinfo raw = v.raw;
  raw.name_len = static_cast<etrace_u16>(v.name.size());
  const std::size_t head = S_ISSOCK(raw.mode) ? sizeof(raw) : ETRACE_FDINFO_FILE_BYTES;
  p.bytes.assign(reinterpret_cast<const char*>(&raw), head);
  p.bytes += v.name;
  return p;
}
// An fd argument as the call found it (entry), and an fd the call created (exit).
inline Payload at_entry(int arg, int fd, const FdView& v) { return fdinfo_payload(arg, fd, v); }
inline Payload created(int fd, const FdView& v) { return fdinfo_payload(ETRACE_FDINFO_RESULT, fd, v); }

inline FdView pipe_view(std::uint64_t ino) {
  FdView v;
  v.raw.ino = ino;
  v.raw.mode = S_IFIFO | 0600;
  v.raw.magic = kPipefsMagic;
  return v;
}

inline FdView anon_view(std::uint64_t ino, std::string name) {
  FdView v;
  v.raw.ino = ino;
  v.raw.mode = 0600;
  v.raw.magic = kAnonInodeMagic;
  v.name = std::move(name);
  return v;
}

inline FdView chr_view(std::uint64_t ino, unsigned major, unsigned minor) {
  FdView v;
  v.raw.ino = ino;
  v.raw.mode = S_IFCHR | 0666;
  v.raw.magic = kDevtmpfsMagic;
  v.raw.rdev = (major << 20) | minor;
  return v;
}

inline FdView socket_view(std::uint64_t ino, int family, int type, int protocol) {
  FdView v;
  v.raw.ino = ino;
  v.raw.mode = S_IFSOCK | 0777;
  v.raw.magic = kSockfsMagic;
  v.raw.family = static_cast<etrace_u16>(family);
  v.raw.type = static_cast<etrace_u16>(type);
  v.raw.protocol = static_cast<etrace_u16>(protocol);
  v.raw.state = 7;  // TCP_CLOSE
  return v;
}

// An AF_INET/AF_INET6 socket; empty addresses and port 0 mean unbound / unconnected.
inline FdView inet_view(std::uint64_t ino, int family, int type, const char* laddr, unsigned lport,
                        const char* raddr = nullptr, unsigned rport = 0) {
  FdView v = socket_view(ino, family, type, type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP);
  if (laddr) inet_pton(family, laddr, v.raw.laddr);
  if (raddr) inet_pton(family, raddr, v.raw.raddr);
  v.raw.lport = static_cast<etrace_u16>(lport);
  v.raw.rport = static_cast<etrace_u16>(rport);
  if (rport) v.raw.state = 1;  // TCP_ESTABLISHED
  return v;
}

// An AF_UNIX socket: `bound` is sun_path as the kernel keeps it (a path with its NUL, or a
// leading NUL for the abstract namespace).
inline FdView unix_view(std::uint64_t ino, int type, std::uint64_t peer, std::string bound = {},
                        bool connected = false) {
  FdView v = socket_view(ino, AF_UNIX, type, 0);
  v.raw.peer = peer;
  if (peer || connected) v.raw.state = 1;  // TCP_ESTABLISHED
  v.name = std::move(bound);
  return v;
}

}  // namespace etrace::testing
