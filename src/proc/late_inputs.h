// Inputs of a call that is still running, read from the process's memory by userspace.
//
// A syscall whose plan has ETRACE_PLAN_INPUTS_AT_EXIT captures its inputs at exit (see
// capture_plan.cpp), so while it blocks (a sleep, a connect, a write to a full pipe) the kernel
// holds no copy of them. The blocked-call line still shows them as strace does: the caller is
// stopped inside the call, so its memory holds what it passed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "etrace/capture_plan.h"
#include "event/syscall_call.h"
#include "proc/procfs.h"

namespace etrace {

// Reads `len` bytes at `addr` of the call's process; fewer (or none) when memory ends.
using MemoryReader = std::function<std::string(std::uint64_t addr, std::size_t len)>;

// The payloads the entry captures of `plan` would have produced for `call`: strings, buffers
// with a length argument, fixed structs. Other capture types are left out (the line then shows
// the pointer).
std::vector<Payload> read_late_inputs(const etrace_syscall_plan& plan, const SyscallCall& call,
                                      const MemoryReader& read);

// The call thread `tid` is blocked in, from /proc/TGID/task/TID/syscall ("NR ARG1 .. ARG6 SP PC"),
// or nothing when it runs or waits outside a syscall. Used at attach (-p): a call already in
// progress then is shown at once, as strace does, instead of nothing until it returns.
std::optional<SyscallCall> parse_proc_syscall(std::string_view text);

// The traced calls the threads of `tgids` are inside right now (-p attaches mid-call), from
// /proc/TGID/task/TID/syscall, with their inputs read through memory_of(tid) and the thread's
// runtime so far (schedstat) in cpu_ns, for -c. Calls the plans leave out, or that never
// return, are skipped. Each gets `enter_ts` as its entry time.
std::vector<SyscallCall> calls_in_progress(ProcFs& fs, const std::vector<std::uint32_t>& tgids,
                                           const std::vector<etrace_syscall_plan>& plans, std::uint64_t enter_ts,
                                           const std::function<MemoryReader(std::uint32_t tid)>& memory_of);

// A MemoryReader for process `pid` (process_vm_readv, page by page so a string that ends just
// before an unmapped page is still read).
MemoryReader process_memory(std::uint32_t pid);

}  // namespace etrace
