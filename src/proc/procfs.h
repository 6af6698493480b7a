// The slice of the running system the fd resolver reads: /proc links and files, extended
// attributes, stat, realpath and one sock_diag query. Behind an interface so that tests can
// replay a process's fd table (tests/unit/fake_procfs.h) without root or live processes.
//
// Every call is non-blocking in practice (procfs, a netlink request with a short timeout) and
// reports failure as std::nullopt: a process that has gone away is normal, not an error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace etrace {

struct FileStat {
  std::uint32_t mode = 0;  // st_mode (S_IFCHR, S_IFBLK, ...)
  std::uint64_t rdev = 0;  // st_rdev, as makedev() encodes it
  std::uint64_t ino = 0;
};

// What sock_diag says about one AF_UNIX socket.
struct UnixSockInfo {
  std::string name;          // bound address: a path, or '\0' + name for the abstract namespace
  std::uint64_t peer = 0;    // peer's inode; 0 when not connected
};

class ProcFs {
 public:
  virtual ~ProcFs() = default;
  virtual std::optional<std::string> read_link(const std::string& path) = 0;
  virtual std::optional<std::string> read_file(const std::string& path) = 0;
  virtual std::optional<std::vector<std::string>> list_dir(const std::string& path) = 0;
  virtual std::optional<std::string> get_xattr(const std::string& path, const std::string& name) = 0;
  virtual std::optional<FileStat> stat(const std::string& path) = 0;  // follows links
  virtual std::optional<std::string> real_path(const std::string& path) = 0;
  // AF_UNIX socket by inode, in etrace's own network namespace.
  virtual std::optional<UnixSockInfo> unix_diag(std::uint64_t inode) = 0;
};

// The live system. Keeps one NETLINK_SOCK_DIAG socket open for unix_diag().
std::unique_ptr<ProcFs> make_real_procfs();

}  // namespace etrace
