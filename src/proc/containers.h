// Containers as the cgroup v2 tree shows them, with no runtime daemon to ask: docker, podman,
// containerd (CRI) and CRI-O put each container in a scope named after its id under systemd
// (docker-<id>.scope, libpod-<id>.scope, cri-containerd-<id>.scope, crio-<id>.scope) or in a
// directory named by the id itself with the cgroupfs driver (/docker/<id>, /kubepods/.../<id>,
// /libpod_parent/libpod-<id>); systemd-nspawn in machine-<name>.scope (or /machine/<name>).
//
// --container ID|NAME finds that directory (an id prefix works as docker takes one; an
// ambiguous one is refused) and traces it as --cgroup does; --json names the container of each
// line's cgroup.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace etrace {

// The cgroup2 mount point in /proc/mounts text ("" when there is none).
std::string cgroup2_mount(std::string_view proc_mounts);

struct ContainerRef {
  std::string runtime;  // "docker", "podman", "containerd", "cri-o", "systemd-nspawn"
  std::string id;       // the full id (an nspawn machine: its name)
};

// The container a cgroup directory stands for, by its name and its parent's name.
std::optional<ContainerRef> container_of_dir(std::string_view name, std::string_view parent);

struct ContainerMatch {
  ContainerRef ref;
  std::string path;  // its cgroup directory
};

// Finds the container `query` (a full id, an id prefix, or an nspawn machine's name) under the
// cgroup2 tree at `root`. The error is one line naming what was searched, or the candidates.
struct ContainerLookup {
  std::optional<ContainerMatch> match;
  std::string error;
};
ContainerLookup find_container(const std::string& root, std::string_view query);

// Which container a cgroup id (a cgroup2 directory's inode) lies in: the tree is walked again
// when an id is not known, at most once a second.
class ContainerNames {
 public:
  explicit ContainerNames(std::string root) : root_(std::move(root)) {}
  std::string id_of(std::uint64_t cgroup_id);

 private:
  void scan();
  std::string root_;
  std::unordered_map<std::uint64_t, std::string> ids_;  // the cgroups of containers only
  std::uint64_t last_scan_ns_ = 0;
  bool scanned_ = false;
};

}  // namespace etrace
