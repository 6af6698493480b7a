#include "app/load_failure.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace etrace {

namespace {

// The name in "KIND 'NAME': REST" at `line`'s start (after libbpf's "libbpf: "), when REST
// begins with one of `failures`.
std::string failed_name(std::string_view line, std::string_view kind, std::initializer_list<std::string_view> failures) {
  if (line.starts_with("libbpf: ")) line.remove_prefix(8);
  if (!line.starts_with(kind) || line.size() <= kind.size() + 2 || line.substr(kind.size(), 2) != " '") return {};
  line.remove_prefix(kind.size() + 2);
  const auto close = line.find("': ");
  if (close == std::string_view::npos) return {};
  const std::string_view rest = line.substr(close + 3);
  for (std::string_view f : failures)
    if (rest.starts_with(f)) return std::string(line.substr(0, close));
  return {};
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

constexpr std::string_view kPrivilegeHint = " (needs CAP_BPF and CAP_PERFMON, or root: run with sudo)";

std::string errno_name(int err) { return std::strerror(err < 0 ? -err : err); }

}  // namespace

LoadFailure parse_load_failure(std::string_view libbpf_log) {
  LoadFailure f;
  bool in_log = false;
  std::vector<std::string> log;
  for (std::string_view line : lines_of(libbpf_log)) {
    if (in_log) {
      // The log's last line runs into the end marker ("...%s-- END PROG LOAD LOG --").
      const auto end = line.find("-- END PROG LOAD LOG --");
      if (end == std::string_view::npos) {
        log.emplace_back(line);
        continue;
      }
      if (end > 0) log.emplace_back(line.substr(0, end));
      in_log = false;
      if (f.verifier_log.empty()) f.verifier_log = std::move(log);
      log.clear();
      continue;
    }
    if (line.ends_with("-- BEGIN PROG LOAD LOG --")) {
      // Only the failed program's log counts: libbpf names it ("BPF program load failed") first.
      in_log = !f.program.empty() && failed_name(line, "prog", {"-- BEGIN"}) == f.program;
      continue;
    }
    if (f.program.empty() && f.map.empty()) {
      f.program = failed_name(line, "prog", {"BPF program load failed", "failed to load", "failed to prepare"});
      if (f.program.empty()) f.map = failed_name(line, "map", {"failed to create"});
    }
  }
  while (!f.verifier_log.empty() && f.verifier_log.back().empty()) f.verifier_log.pop_back();
  return f;
}

std::string load_failure_message(int err, const LoadFailure& failure, std::string_view kernel, bool privileged,
                                 bool full_log_shown) {
  // Only EPERM says "not allowed"; the verifier's rejections come as EACCES (or EINVAL, E2BIG).
  const bool privilege_problem = (err == -EPERM || err == EPERM) && !privileged;
  const std::string on = " on Linux " + std::string(kernel);
  const std::string why = errno_name(err);
  if (!failure.verifier_log.empty()) {
    std::string text = "cannot load BPF program '" + (failure.program.empty() ? "?" : failure.program) +
                       "': the kernel's verifier rejected it" + on + " (" + why + ")";
    if (privilege_problem) text += kPrivilegeHint;
    text += full_log_shown ? "; its log is above" : "; the end of its log is above (ETRACE_DEBUG=1 shows all)";
    return text;
  }
  std::string text;
  if (!failure.program.empty())
    text = "cannot load BPF program '" + failure.program + "'" + on + ": " + why;
  else if (!failure.map.empty())
    text = "cannot create BPF map '" + failure.map + "'" + on + ": " + why;
  else
    text = "cannot load BPF programs" + on + ": " + why;
  if (privilege_problem)
    text += kPrivilegeHint;
  else if (err == -EPERM || err == EPERM)
    text += " (refused although etrace has the BPF capabilities: kernel lockdown or a security module?)";
  return text;
}

std::string verifier_log_tail(const LoadFailure& failure, bool full_log_shown) {
  if (full_log_shown) return {};
  const auto& log = failure.verifier_log;
  std::string text;
  const std::size_t first = log.size() > kVerifierLinesShown ? log.size() - kVerifierLinesShown : 0;
  for (std::size_t i = first; i < log.size(); ++i) text += "  " + log[i] + "\n";
  return text;
}

bool has_bpf_capabilities() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    const std::uint64_t caps = std::stoull(line.substr(7), nullptr, 16);
    const bool admin = caps & (1ull << 21);
    const bool bpf_perfmon = (caps & (1ull << 39)) && (caps & (1ull << 38));
    return admin || bpf_perfmon;
  }
  return geteuid() == 0;
}

}  // namespace etrace
