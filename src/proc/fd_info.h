// What the kernel side saw behind an fd (ETRACE_PL_FDINFO, read by bpf/fdinfo.bpf.h from the
// task's file table when the call ran), and the -y / -yy text strace would print for it.
//
// The fd resolver prefers this to /proc: it is right at the moment of the call even when the
// process has moved on or exited before its lines are printed. What it cannot give is the
// path of a regular file; that still comes from the trace (open*) or /proc/PID/fd.
//
// Pure functions over the payload, so tests build payloads by hand (no root, no kernel).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "etrace/event.h"
#include "event/syscall_call.h"

namespace etrace {

struct KernelFdInfo {
  enum class Kind : std::uint8_t {
    File,       // anything with a path (regular, directory, device, named fifo, ...)
    Pipe,       // pipefs: pipe:[ino]
    Socket,     // sockfs: socket:[ino] (-y), PROTO:[...] (-yy)
    AnonInode,  // anon_inodefs: anon_inode:[eventpoll], anon_inode:inotify
  };
  int fd = -1;
  bool result = false;  // an fd the call created, seen at exit; otherwise an argument, seen at entry
  Kind kind = Kind::File;
  etrace_fdinfo raw{};  // the socket part is zero for other kinds
  std::string name;     // anon inode: its name; AF_UNIX: the bound sun_path bytes (leading NUL: abstract)
};

// nullopt when `p` is not a well-formed FDINFO payload.
std::optional<KernelFdInfo> parse_fd_info(const Payload& p);

// Every FDINFO payload of a call, in capture order.
std::vector<KernelFdInfo> fd_infos_of(const SyscallCall& call);

// The kernel's protocol name for a socket (its sk_prot->name, which is what strace reads from
// the system.sockprotoname attribute): "TCP", "UDPv6", "UNIX-STREAM", "NETLINK"; empty when
// not derivable from the numbers alone.
std::string socket_proto_name(int domain, int type, int protocol);

// "anon_inode:[eventpoll]"; only for Kind::AnonInode.
std::string anon_inode_text(const KernelFdInfo& k);

// -yy's device suffix: "char 1:3", "block 8:0", or empty.
std::string device_text(const KernelFdInfo& k);

// What strace's sock_diag lookup would find for this socket in this state, without the
// PROTO:[ ] around it: "127.0.0.1:41234->127.0.0.1:80", "11018->11017,\"/tmp/sock\"",
// "ROUTE:8777". nullopt when the kernel's diag tables would not list it (an unbound inet or
// netlink socket, an unbound unconnected unix socket): strace then prints PROTO:[inode].
std::optional<std::string> socket_details(const KernelFdInfo& k);

}  // namespace etrace
