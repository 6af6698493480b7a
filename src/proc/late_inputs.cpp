#include "proc/late_inputs.h"

#include <sys/uio.h>

#include <algorithm>

namespace etrace {

std::vector<Payload> read_late_inputs(const etrace_syscall_plan& plan, const SyscallCall& call,
                                      const MemoryReader& read) {
  std::vector<Payload> out;
  for (unsigned i = 0; i < plan.ncaptures && i < ETRACE_MAX_CAPTURES; ++i) {
    const etrace_capture& c = plan.captures[i];
    if (c.when != ETRACE_AT_ENTER || c.arg > 5) continue;
    const std::uint64_t ptr = call.args[c.arg];
    if (!ptr) continue;
    Payload p;
    p.arg = c.arg;
    p.type = ETRACE_PL_BYTES;
    switch (c.type) {
      case ETRACE_CAP_STRING: {
        // As bpf_probe_read_user_str: at most max - 1 characters, truncated when no NUL fits.
        p.type = ETRACE_PL_STRING;
        if (c.max == 0) continue;
        std::string s = read(ptr, c.max);
        const auto nul = s.find('\0');
        if (nul == std::string::npos && s.size() < c.max) {
          p.flags = ETRACE_PLF_FAULT;
          s.clear();
        } else if (nul == std::string::npos || nul + 1 == c.max) {
          s.resize(c.max - 1u);
          p.flags = ETRACE_PLF_TRUNCATED;
        } else {
          s.resize(nul);
        }
        p.bytes = std::move(s);
        break;
      }
      case ETRACE_CAP_BUF_ARG: {
        if (c.len_arg > 5) continue;
        std::uint64_t want = call.args[c.len_arg];
        if (c.elem_size) want = std::min<std::uint64_t>(want, 0xffffff) * c.elem_size;
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(want, c.max));
        p.aux = want;
        if (want > n) p.flags = ETRACE_PLF_TRUNCATED;
        p.bytes = read(ptr, n);
        if (p.bytes.size() < n) {
          p.flags = ETRACE_PLF_FAULT;
          p.bytes.clear();
        }
        break;
      }
      case ETRACE_CAP_FIXED:
        p.aux = c.max;
        p.bytes = read(ptr, c.max);
        if (p.bytes.size() < c.max) {
          p.flags = ETRACE_PLF_FAULT;
          p.bytes.clear();
        }
        break;
      default:
        continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

MemoryReader process_memory(std::uint32_t pid) {
  return [pid](std::uint64_t addr, std::size_t len) {
    std::string out;
    constexpr std::uint64_t kPage = 4096;
    while (out.size() < len) {
      const std::uint64_t at = addr + out.size();
      const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(len - out.size(), kPage - at % kPage));
      std::string piece(chunk, '\0');
      iovec local{piece.data(), chunk};
      iovec remote{reinterpret_cast<void*>(at), chunk};
      const ssize_t got = process_vm_readv(static_cast<pid_t>(pid), &local, 1, &remote, 1, 0);
      if (got <= 0) break;
      out.append(piece, 0, static_cast<std::size_t>(got));
      if (static_cast<std::size_t>(got) < chunk) break;
    }
    return out;
  };
}

}  // namespace etrace
