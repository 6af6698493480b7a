// What etrace says when the kernel refuses its BPF object. libbpf reports which program or map
// failed, and the verifier's log of a rejected program, only in its log messages; they are read
// back from there, so that the user sees the program's name and the verifier's reason instead of
// a bare errno. A privilege hint is given only to a process that lacks the privileges: to root,
// a verifier rejection on an older kernel is not a permission problem, whatever its errno.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace etrace {

struct LoadFailure {
  std::string program;                    // the program the kernel refused, or empty
  std::string map;                        // the map that could not be created, or empty
  std::vector<std::string> verifier_log;  // that program's verifier log, line by line
};

// Reads libbpf's messages (as libbpf's print callback received them, "libbpf: " prefixes and
// all) for the first program or map that failed to load.
LoadFailure parse_load_failure(std::string_view libbpf_log);

// The error's one line, "cannot load ..." (main adds "etrace: "). `err` is libbpf's negative errno,
// `kernel` the running kernel's release, `privileged` whether this process holds the BPF
// capabilities (has_bpf_capabilities()), `full_log_shown` whether ETRACE_DEBUG printed the whole
// verifier log already.
std::string load_failure_message(int err, const LoadFailure& failure, std::string_view kernel, bool privileged,
                                 bool full_log_shown);

// The verifier lines shown without ETRACE_DEBUG: its conclusion and the instructions before it.
inline constexpr std::size_t kVerifierLinesShown = 12;

// The end of the rejected program's verifier log, indented, a line each, printed before the
// error's line; empty without a log or when ETRACE_DEBUG printed all of it.
std::string verifier_log_tail(const LoadFailure& failure, bool full_log_shown);

// CAP_BPF (39) and CAP_PERFMON (38), or CAP_SYS_ADMIN (21), in this process's effective set.
bool has_bpf_capabilities();

}  // namespace etrace
