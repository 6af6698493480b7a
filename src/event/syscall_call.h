// One system call as the consumer sees it after pairing entry and exit records.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace etrace {

// Bytes captured from the traced process for one argument (see include/etrace/event.h).
struct Payload {
  std::uint8_t arg = 0;
  std::uint8_t type = 0;    // etrace_payload_type
  std::uint16_t flags = 0;  // etrace_payload_flags: FAULT, TRUNCATED, AT_EXIT
  std::uint64_t aux = 0;    // STRVEC: strings captured; COUNT: the count; BYTES: length asked for
  std::string bytes;        // STRING: without the terminating NUL

  bool fault() const;
  bool truncated() const;
};

struct SyscallCall {
  std::uint32_t tgid = 0;
  std::uint32_t tid = 0;
  std::int64_t nr = -1;
  std::array<std::uint64_t, 6> args{};
  std::int64_t ret = 0;
  bool killed = false;          // SIGKILL ended the process inside the call (no result: "= ?")
  bool has_ret = true;          // false for exit/exit_group and calls still running
  std::uint64_t enter_ts_ns = 0;
  std::uint64_t exit_ts_ns = 0;
  std::uint64_t cpu_ns = 0;     // -c without -w: CPU time the thread spent in the call (sampled)
  std::uint32_t seq = 0;        // the thread's call number, from the kernel
  // The thread as its own pid namespace sees it, and its cgroup (etrace_record_header): 0
  // unless an option asked the kernel side for them.
  std::uint32_t ns_tid = 0;
  std::uint32_t ns_tgid = 0;
  std::uint32_t pidns = 0;
  std::uint64_t cgroup_id = 0;
  std::vector<Payload> payloads;

  // The payload captured for argument `arg`, or nullptr.
  const Payload* payload(int arg) const;
  bool failed() const { return has_ret && ret < 0 && ret >= -4095; }
};

}  // namespace etrace
