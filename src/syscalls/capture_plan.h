// Projects syscall specs and options onto the per-number capture plans the BPF side reads.
#pragma once

#include <cstdint>
#include <vector>

#include "etrace/capture_plan.h"
#include "syscalls/syscall_table.h"

namespace etrace {

struct PlanOptions {
  std::uint32_t max_strlen = 32;  // -s
  bool verbose = false;           // -v: execve's environment as strings, not a count
  // -e abbrev= by number (true: shown in full, so execve's environment is taken as strings);
  // numbers past its end follow `verbose`.
  std::vector<bool> unabbreviated;
  // -y (1) / -yy (2): the kernel also reads what the fds a call names or creates refer to
  // (ETRACE_CAP_FDINFO), for processes gone before their lines are printed.
  int decorate_fds = 0;
};

// One plan per number 0..ETRACE_MAX_SYSCALL_NR-1; `traced[nr]` enables it (numbers past the
// end of `traced` follow `trace_unknown`, which also governs the last slot, shared by every
// number too large for the array).
std::vector<etrace_syscall_plan> project_capture_plans(const SyscallTable& table,
                                                       const std::vector<bool>& traced,
                                                       bool trace_unknown, const PlanOptions& opts);

// The plan the kernel applies to syscall `nr` (the last slot for numbers past the array, as
// plan__lookup in bpf/etrace.bpf.c). `plans` is what project_capture_plans returned.
const etrace_syscall_plan& plan_of(const std::vector<etrace_syscall_plan>& plans, std::int64_t nr);

// The plan for one spec (exposed for tests).
etrace_syscall_plan plan_for_spec(const SyscallSpec& spec, const PlanOptions& opts);

}  // namespace etrace
