// A ProcFs that answers from maps the test fills: a process that is "gone" simply has no
// entries. Counts readlink calls so tests can check that /proc is read once, not per line.
#pragma once

#include <algorithm>
#include <map>
#include <string>

#include "proc/procfs.h"

namespace etrace::testing {

class FakeProcFs final : public ProcFs {
 public:
  std::map<std::string, std::string> links, files, real_paths;
  std::map<std::string, std::string> xattrs;  // key: path + "#" + name
  std::map<std::string, FileStat> stats;
  std::map<std::uint64_t, UnixSockInfo> unix_socks;
  int link_reads = 0;

  std::optional<std::string> read_link(const std::string& path) override {
    ++link_reads;
    return find(links, path);
  }
  std::optional<std::string> read_file(const std::string& path) override { return find(files, path); }
  // The names under `path`: links in it, and the directories that hold files (/proc/1/task/1/syscall
  // makes "1" a name under /proc/1/task).
  std::optional<std::vector<std::string>> list_dir(const std::string& path) override {
    std::vector<std::string> out;
    std::string prefix = path + "/";
    for (const auto& [k, v] : links)
      if (k.starts_with(prefix) && k.find('/', prefix.size()) == std::string::npos) out.push_back(k.substr(prefix.size()));
    for (const auto& [k, v] : files) {
      const auto slash = k.find('/', prefix.size());
      if (!k.starts_with(prefix) || slash == std::string::npos) continue;
      std::string dir = k.substr(prefix.size(), slash - prefix.size());
      if (std::find(out.begin(), out.end(), dir) == out.end()) out.push_back(std::move(dir));
    }
    if (out.empty()) return std::nullopt;
    return out;
  }
  std::optional<std::string> get_xattr(const std::string& path, const std::string& name) override {
    return find(xattrs, path + "#" + name);
  }
  std::optional<FileStat> stat(const std::string& path) override {
    auto it = stats.find(path);
    if (it == stats.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> real_path(const std::string& path) override { return find(real_paths, path); }
  std::optional<UnixSockInfo> unix_diag(std::uint64_t inode) override {
    auto it = unix_socks.find(inode);
    if (it == unix_socks.end()) return std::nullopt;
    return it->second;
  }

 private:
  static std::optional<std::string> find(const std::map<std::string, std::string>& m, const std::string& k) {
    auto it = m.find(k);
    if (it == m.end()) return std::nullopt;
    return it->second;
  }
};

}  // namespace etrace::testing
