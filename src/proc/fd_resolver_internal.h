// FdResolver's open-file record, shared by fd_resolver.cpp (the trace and /proc) and
// fd_resolver_kernel.cpp (the kernel's FDINFO view). Not for other modules.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "proc/fd_resolver.h"

namespace etrace {

struct FdResolver::OpenFile {
  enum class Kind : std::uint8_t { Unresolved, Path, Pipe, Socket, Other };
  Kind kind = Kind::Unresolved;
  std::string text;    // Path: canonical path, unescaped; Other: shown as is (anon_inode:[...])
  std::string device;  // Path at -yy: "char 1:3" / "block 8:0"
  std::uint64_t inode = 0;  // Pipe / Socket, 0 until known
  std::string proto;        // Socket: system.sockprotoname ("TCP", "UNIX-STREAM"), may be empty
  // A socket straight from socket(): strace shows PROTO:[inode] until bind/connect, and so do
  // we, however far the process has run ahead of the printing.
  bool fresh = false;
  std::optional<std::string> endpoint;  // -yy: cached until a call changes the socket's state
  std::weak_ptr<OpenFile> pipe_peer;    // the other end: same inode
  bool proc_tried = false;              // Unresolved: /proc was already asked
  std::optional<KernelFdInfo> kernel;   // the latest kernel view (-y), preferred to /proc
};

}  // namespace etrace
