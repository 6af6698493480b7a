#include "event/syscall_call.h"

#include "etrace/event.h"

namespace etrace {

bool Payload::fault() const { return flags & ETRACE_PLF_FAULT; }
bool Payload::truncated() const { return flags & ETRACE_PLF_TRUNCATED; }

const Payload* SyscallCall::payload(int arg) const {
  // An input that faulted at entry is captured again at exit; the readable copy wins.
  const Payload* found = nullptr;
  for (const auto& p : payloads)
    if (p.arg == arg && (!found || (found->fault() && !p.fault()))) found = &p;
  return found;
}

}  // namespace etrace
