#include "proc/pidns.h"

#include <sys/stat.h>

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace etrace {

std::uint32_t own_pidns_inode() {
  struct stat st {};
  if (stat("/proc/self/ns/pid", &st) != 0) return 0;
  return static_cast<std::uint32_t>(st.st_ino);
}

std::uint32_t ns_link_inode(std::string_view link) {
  auto open = link.find(":[");
  if (open == std::string_view::npos || link.empty() || link.back() != ']') return 0;
  std::string_view digits = link.substr(open + 2, link.size() - open - 3);
  std::uint32_t v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return ec == std::errc() && end == digits.data() + digits.size() ? v : 0;
}

namespace {

// "NSpid:\t4711\t1" -> the first and the last number of the line named `key`.
bool ns_ids(std::string_view status, std::string_view key, std::uint32_t& outer, std::uint32_t& inner) {
  std::size_t at = 0;
  while (at < status.size()) {
    std::size_t eol = status.find('\n', at);
    if (eol == std::string_view::npos) eol = status.size();
    std::string_view line = status.substr(at, eol - at);
    at = eol + 1;
    if (line.size() <= key.size() || line.substr(0, key.size()) != key || line[key.size()] != ':') continue;
    std::vector<std::uint32_t> ids;
    const char* p = line.data() + key.size() + 1;
    const char* end = line.data() + line.size();
    while (p < end) {
      while (p < end && (*p == ' ' || *p == '\t')) ++p;
      std::uint32_t v = 0;
      auto [next, ec] = std::from_chars(p, end, v);
      if (ec != std::errc()) break;
      ids.push_back(v);
      p = next;
    }
    if (ids.empty()) return false;
    outer = ids.front();
    inner = ids.back();
    return true;
  }
  return false;
}

}  // namespace

void PidTranslator::learn(std::uint32_t pidns, std::uint32_t ns_tid, std::uint32_t tid, std::uint32_t ns_tgid,
                          std::uint32_t tgid) {
  if (!pidns || pidns == own_pidns_) return;
  if (ns_tid && tid) known_[{pidns, PidType::Tid, ns_tid}] = tid;
  if (ns_tgid && tgid) {
    known_[{pidns, PidType::Tgid, ns_tgid}] = tgid;
    // A thread group's leader: its tid is the process's id.
    known_[{pidns, PidType::Tid, ns_tgid}] = tgid;
  }
}

void PidTranslator::scan_proc(std::uint32_t pidns) {
  auto entries = proc_.list_dir("/proc");
  if (!entries) return;
  static constexpr std::pair<std::string_view, PidType> kLines[] = {
      {"NStgid", PidType::Tgid}, {"NSpid", PidType::Tid}, {"NSpgid", PidType::Pgid}, {"NSsid", PidType::Sid}};
  for (const std::string& name : *entries) {
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    auto link = proc_.read_link("/proc/" + name + "/ns/pid");
    if (!link || ns_link_inode(*link) != pidns) continue;
    auto status = proc_.read_file("/proc/" + name + "/status");
    if (!status) continue;
    for (auto [key, type] : kLines) {
      std::uint32_t outer = 0, inner = 0;
      if (ns_ids(*status, key, outer, inner) && outer && inner) known_[{pidns, type, inner}] = outer;
    }
  }
}

std::uint32_t PidTranslator::to_own(std::uint32_t pidns, std::int64_t pid, PidType type) {
  if (!pidns || pidns == own_pidns_ || pid <= 0 || pid > INT32_MAX) return 0;
  const Key key{pidns, type, static_cast<std::uint32_t>(pid)};
  if (auto it = known_.find(key); it != known_.end()) return it->second;
  scan_proc(pidns);
  auto it = known_.find(key);
  return it == known_.end() ? 0 : it->second;
}

}  // namespace etrace
