// The per-call decoders of the syscall families, one file each under decode/ (ipc.cpp, ...),
// named by the spec table (SyscallSpec::decoder) of the calls they show.
#pragma once

#include "syscalls/spec.h"

namespace etrace {

// File descriptors (decode/file.cpp).
namespace file {
void args_epoll_pwait(const CallView& v);
void args_epoll_pwait2(const CallView& v);
}  // namespace file

// System V IPC (decode/ipc.cpp).
namespace ipc {
void args_msgctl(const CallView& v);
void args_msgget(const CallView& v);
void args_msgrcv(const CallView& v);
void args_msgsnd(const CallView& v);
void args_semctl(const CallView& v);
void args_semget(const CallView& v);
void args_shmctl(const CallView& v);
void args_shmget(const CallView& v);
}  // namespace ipc

// Processes (decode/process.cpp).
namespace process {
void args_arch_prctl(const CallView& v);
}  // namespace process

// Clocks and timers (decode/time.cpp).
namespace clocks {
void args_adjtimex(const CallView& v);
void args_clock_adjtime(const CallView& v);
void result_adjtimex(const SyscallCall& call, DecodeContext& ctx, CallResult& r);
void result_clock_adjtime(const SyscallCall& call, DecodeContext& ctx, CallResult& r);
}  // namespace clocks

}  // namespace etrace
