#include "event/syscall_call.h"

#include "etrace/event.h"

namespace etrace {

bool Payload::fault() const { return flags & ETRACE_PLF_FAULT; }
bool Payload::truncated() const { return flags & ETRACE_PLF_TRUNCATED; }

const Payload* SyscallCall::payload(int arg) const {
  for (const auto& p : payloads)
    if (p.arg == arg) return &p;
  return nullptr;
}

}  // namespace etrace
