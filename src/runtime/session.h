// The only code that touches libbpf: open the skeleton, configure it, load, attach, and read
// the ring buffer and counters. Errors are thrown as etrace::Fatal with one line for the user.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "etrace/capture_plan.h"
#include "etrace/config.h"
#include "event/syscall_call.h"

namespace etrace {

struct SessionConfig {
  std::vector<std::uint32_t> tgids;       // traced processes (empty with filter_tgids=false)
  bool filter_tgids = false;
  bool follow_forks = false;
  std::vector<std::string> comms;         // --comm
  std::string cgroup_path;                // --cgroup
  std::vector<std::string> exclude_comms; // --exclude-comm: never traced
  std::vector<std::uint32_t> exclude_tgids; // --exclude-pid: never traced
  std::uint32_t status_mask = 0;          // ETRACE_STATUS_*
  bool count_only = false;                // -c without per-call output
  bool precise_time = true;               // exact timestamps (-t, -r, -T, -w, JSON); else none
  bool cpu_time = false;                  // -c without -w: CPU time per call as well
  std::uint64_t buffer_size = 64u << 20;  // ring buffer bytes (power of two)
  std::uint64_t rate_limit = 0;           // --rate-limit: calls recorded per second per process
  std::vector<etrace_syscall_plan> plans; // ETRACE_MAX_SYSCALL_NR entries
  // When set: attach to these syscalls' own tracepoints (syscalls/sys_enter_NAME, ...) instead
  // of raw_syscalls, so that untraced syscalls run no etrace code at all.
  std::vector<std::string> per_syscall;
  // With per_syscall: attach only their exit tracepoints (see exit_only in bpf/etrace.bpf.c).
  bool exit_only = false;
  // With per_syscall: hook the syscalls' own functions (fexit on __x64_sys_NAME, and fentry
  // without exit_only) instead of their tracepoints; needs BPF trampolines and traced processes
  // (tgids). AttachModeUnavailable where they do not load.
  bool trampolines = false;
  // With trampolines: whether a traced thread may be inside a traced call begun before them
  // (false when the only traced process is the command, asleep in its wait for the go: that
  // read is never reported). Such calls end on the exit tracepoints (Session::settle_hooks).
  bool early_calls = true;
  // Each record carries the thread's ids in its own pid namespace and its cgroup id.
  bool task_ids = false;
};

// Whether BPF trampolines (fentry/fexit) can hook these syscalls' functions here: each has BTF,
// and a no-op fexit program on the first one loads.
bool kernel_has_trampolines(const std::vector<std::string>& syscalls);

// The per-syscall attach mode cannot be used here (no such tracepoint, no tracefs, a program
// type the kernel refuses): the caller opens the session again on raw_syscalls.
class AttachModeUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Session {
 public:
  // Loads and attaches; throws Fatal with the reason and the fix.
  explicit Session(const SessionConfig& cfg);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  using RecordFn = std::function<void(std::span<const std::uint8_t>)>;
  // Waits up to timeout_ms for data, then hands every available record to `fn`.
  // Returns the number of records consumed.
  int poll(int timeout_ms, const RecordFn& fn);

  // Detaches every tracing program: no record is produced after this, so a final drain ends even
  // while the traced programs keep running (a stop with SIGINT). Maps and the ring stay readable.
  void stop_tracing();

  // Hands over every record left, in order (after stop_tracing(): nothing is on its way), then
  // for each process with calls held back by --rate-limit and not yet reported, a record of them.
  std::size_t flush(const RecordFn& fn);

  // Hands over exit records that found the ring buffer full (with the thread's gap), once.
  void drain_lost_tails(const RecordFn& fn);

  void add_tgid(std::uint32_t tgid);
  bool any_tgid_left();  // false once every traced process has exited

  // Drops counted by the kernel, per enum etrace_drop_reason, summed over CPUs.
  std::vector<std::uint64_t> drops();
  // -c in-kernel totals, per syscall number.
  std::vector<etrace_count> counts();
  // Makes `call` (a call thread call.tid was already inside when etrace attached, with
  // enter_ts_ns and cpu_ns holding its clock and runtime now) the thread's call in flight, so
  // that its exit is reported like any other. False when the thread has moved on meanwhile.
  bool adopt_call(const SyscallCall& call);

  // exit_only: thread `tid` is inside call `nr`, begun before tracing (the command waiting for
  // its go). If the next traced exit is that call's, it is not reported: entry programs would
  // not have seen it begin.
  void skip_next_exit(std::uint32_t tid, std::int64_t nr);

  // With trampolines: detaches the syscalls' exit tracepoints once no traced thread can still be
  // inside a call begun before its trampoline (such a call's exit passes only the tracepoint);
  // call it now and then. Until then, every task on the machine pays the tracepoints' slow path.
  void settle_hooks();

  // Calls in progress since before `older_than_ns` (CLOCK_MONOTONIC), for "<unfinished ...>".
  std::vector<SyscallCall> running_calls(std::uint64_t older_than_ns);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace etrace
