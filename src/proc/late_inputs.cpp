#include "proc/late_inputs.h"

#include <sys/uio.h>

#include <algorithm>

#include "syscalls/capture_plan.h"
#include <cstdlib>

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
        // As the kernel side reads it: at most max - 1 characters, truncated when no NUL fits
        // (a string of exactly max - 1 characters is whole: its NUL is the last byte read).
        p.type = ETRACE_PL_STRING;
        if (c.max == 0) continue;
        std::string s = read(ptr, c.max);
        const auto nul = s.find('\0');
        if (nul == std::string::npos && s.size() < c.max) {
          p.flags = ETRACE_PLF_FAULT;
          s.clear();
        } else if (nul == std::string::npos) {
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
      case ETRACE_CAP_UPTO: {
        // As the kernel side: the ioctl request's size (or elem_size) or max; what is readable.
        std::uint64_t want = c.max;
        if (c.len_arg < 6) {
          const auto req = static_cast<std::uint32_t>(call.args[c.len_arg]);
          want = req >> 16 ? (req >> 16) & 0x3fff : c.elem_size;
        }
        if (!want) continue;
        p.aux = want;
        p.bytes = read(ptr, static_cast<std::size_t>(std::min<std::uint64_t>(want, c.max)));
        if (p.bytes.empty()) p.flags = ETRACE_PLF_FAULT;
        else if (p.bytes.size() < want) p.flags = ETRACE_PLF_TRUNCATED;
        break;
      }
      default:
        continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<SyscallCall> parse_proc_syscall(std::string_view text) {
  std::uint64_t v[9];
  std::size_t n = 0, pos = 0;
  while (n < 9 && pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n')) ++pos;
    if (pos >= text.size()) break;
    const std::size_t end = text.find_first_of(" \n", pos);
    const std::string word(text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    pos = end == std::string_view::npos ? text.size() : end;
    char* stop = nullptr;
    const long long x = std::strtoll(word.c_str(), &stop, 0);
    if (stop == word.c_str() || *stop) return std::nullopt;  // "running"
    if (n == 0 && x < 0) return std::nullopt;                 // "-1 SP PC": not in a syscall
    v[n] = n == 0 ? static_cast<std::uint64_t>(x) : std::strtoull(word.c_str(), nullptr, 0);
    ++n;
  }
  if (n != 9) return std::nullopt;
  SyscallCall c;
  c.nr = static_cast<std::int64_t>(v[0]);
  for (int i = 0; i < 6; ++i) c.args[i] = v[i + 1];
  c.has_ret = false;
  return c;
}

std::vector<SyscallCall> calls_in_progress(ProcFs& fs, const std::vector<std::uint32_t>& tgids,
                                           const std::vector<etrace_syscall_plan>& plans, std::uint64_t enter_ts,
                                           const std::function<MemoryReader(std::uint32_t tid)>& memory_of) {
  std::vector<SyscallCall> out;
  if (plans.empty()) return out;
  for (std::uint32_t tgid : tgids) {
    const std::string dir = "/proc/" + std::to_string(tgid) + "/task/";
    for (const auto& name : fs.list_dir(dir.substr(0, dir.size() - 1)).value_or(std::vector<std::string>{})) {
      if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
      auto call = parse_proc_syscall(fs.read_file(dir + name + "/syscall").value_or(""));
      if (!call) continue;
      const etrace_syscall_plan& plan = plan_of(plans, call->nr);
      if (!(plan.flags & ETRACE_PLAN_ENABLED) || (plan.flags & (ETRACE_PLAN_NO_RETURN | ETRACE_PLAN_COUNT_ONLY))) continue;
      call->tgid = tgid;
      call->tid = static_cast<std::uint32_t>(std::stoul(name));
      call->enter_ts_ns = enter_ts;
      call->cpu_ns = std::strtoull(fs.read_file(dir + name + "/schedstat").value_or("0").c_str(), nullptr, 10);
      call->payloads = read_late_inputs(plan, *call, memory_of(call->tid));
      out.push_back(std::move(*call));
    }
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
