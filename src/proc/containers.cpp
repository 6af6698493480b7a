#include "proc/containers.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

namespace etrace {

namespace fs = std::filesystem;

std::string cgroup2_mount(std::string_view proc_mounts) {
  std::size_t at = 0;
  while (at < proc_mounts.size()) {
    std::size_t eol = proc_mounts.find('\n', at);
    if (eol == std::string_view::npos) eol = proc_mounts.size();
    std::string_view line = proc_mounts.substr(at, eol - at);
    at = eol + 1;
    // device mountpoint fstype options ...: the mount point has \040 for a space
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    std::size_t c = b == std::string_view::npos ? b : line.find(' ', b + 1);
    if (c == std::string_view::npos || line.substr(b + 1, c - b - 1) != "cgroup2") continue;
    std::string mount;
    std::string_view raw = line.substr(a + 1, b - a - 1);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 3 < raw.size() && std::all_of(&raw[i + 1], &raw[i + 4], [](char d) { return d >= '0' && d <= '7'; })) {
        mount.push_back(static_cast<char>((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0')));
        i += 3;
      } else {
        mount.push_back(raw[i]);
      }
    }
    return mount;
  }
  return {};
}

namespace {

bool is_hex_id(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// systemd's unit-name escaping: "\x2d" is '-'.
std::string unescape_unit(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x' && hex(s[i + 2]) >= 0 && hex(s[i + 3]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 2]) * 16 + hex(s[i + 3])));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::optional<ContainerRef> container_of_dir(std::string_view name, std::string_view parent) {
  static constexpr std::pair<std::string_view, std::string_view> kScopes[] = {
      {"docker-", "docker"}, {"libpod-", "podman"}, {"cri-containerd-", "containerd"}, {"crio-", "cri-o"}};
  constexpr std::string_view kScope = ".scope";
  if (name.ends_with(kScope)) {
    std::string_view stem = name.substr(0, name.size() - kScope.size());
    for (auto [prefix, runtime] : kScopes)
      if (stem.starts_with(prefix) && is_hex_id(stem.substr(prefix.size())))
        return ContainerRef{std::string(runtime), std::string(stem.substr(prefix.size()))};
    if (stem.starts_with("machine-") && stem.size() > 8)
      return ContainerRef{"systemd-nspawn", unescape_unit(stem.substr(8))};
    return std::nullopt;
  }
  // cgroupfs drivers
  if (name.starts_with("libpod-") && is_hex_id(name.substr(7))) return ContainerRef{"podman", std::string(name.substr(7))};
  if (is_hex_id(name)) {
    if (parent == "docker") return ContainerRef{"docker", std::string(name)};
    return ContainerRef{parent.starts_with("pod") || parent.starts_with("kubepods") ? "containerd" : "docker",
                        std::string(name)};
  }
  if (parent == "machine" && !name.empty()) return ContainerRef{"systemd-nspawn", std::string(name)};
  return std::nullopt;
}

namespace {

// Every container directory under `root` (not below another container: a container's own
// sub-cgroups are part of it). Symlinks are not followed.
template <typename Fn>
void walk_containers(const std::string& root, Fn&& fn) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) {
      it.disable_recursion_pending();
      continue;
    }
    const fs::path& p = it->path();
    if (auto ref = container_of_dir(p.filename().native(), p.parent_path().filename().native())) {
      it.disable_recursion_pending();
      fn(*ref, p.native());
    }
  }
}

}  // namespace

ContainerLookup find_container(const std::string& root, std::string_view query) {
  ContainerLookup out;
  if (query.empty()) {
    out.error = "--container: empty id (give a container id, an id prefix or a machine name)";
    return out;
  }
  std::vector<ContainerMatch> exact, prefix;
  walk_containers(root, [&](const ContainerRef& ref, const std::string& path) {
    if (ref.id == query) exact.push_back({ref, path});
    else if (ref.runtime != "systemd-nspawn" && ref.id.starts_with(query)) prefix.push_back({ref, path});
  });
  auto distinct = [](std::vector<ContainerMatch>& v) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.ref.id != b.ref.id ? a.ref.id < b.ref.id : a.path.size() < b.path.size();
    });
    v.erase(std::unique(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.ref.id == b.ref.id; }), v.end());
  };
  distinct(exact);
  distinct(prefix);
  std::vector<ContainerMatch>& found = exact.empty() ? prefix : exact;
  if (found.size() == 1) {
    out.match = found.front();
    return out;
  }
  if (found.empty()) {
    out.error = "--container: no container '" + std::string(query) + "' under " + root +
                " (searched for docker-, libpod-, cri-containerd-, crio-ID.scope, machine-NAME.scope and the"
                " cgroupfs forms)";
    return out;
  }
  out.error = "--container: '" + std::string(query) + "' is ambiguous: it begins " + std::to_string(found.size()) +
              " container ids (" + found[0].ref.id.substr(0, 12) + ", " + found[1].ref.id.substr(0, 12) +
              (found.size() > 2 ? ", ..." : "") + "); give more of the id";
  return out;
}

void ContainerNames::scan() {
  ids_.clear();
  walk_containers(root_, [&](const ContainerRef& ref, const std::string& path) {
    std::error_code ec;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) ids_[st.st_ino] = ref.id;
    for (; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec) && !it->is_symlink(ec) && ::stat(it->path().c_str(), &st) == 0) ids_[st.st_ino] = ref.id;
  });
}

std::string ContainerNames::id_of(std::uint64_t cgroup_id) {
  if (auto it = ids_.find(cgroup_id); it != ids_.end()) return it->second;
  const auto now = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
  if (scanned_ && now - last_scan_ns_ < 1'000'000'000ull) return {};
  scanned_ = true;
  last_scan_ns_ = now;
  scan();
  auto it = ids_.find(cgroup_id);
  return it == ids_.end() ? std::string() : it->second;
}

}  // namespace etrace
