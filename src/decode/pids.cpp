// --pidns-translation: after a pid a traced process passed or got back, the number etrace
// sees for it when the two differ, " /* 4711 in strace's PID NS */", strace's words kept so
// that its output and etrace's compare. Which slots are pids, and of what kind, follows
// strace 6.1's decoders; every other syscall has none.
#include <algorithm>
#include <array>
#include <string>

#include "decode/printers.h"

namespace etrace {

namespace {

enum class Slot : std::uint8_t {
  None,
  Tid,
  Tgid,
  Pgid,
  Sid,
  TgidOrGroup,  // kill, wait4: above 0 a process, below -1 a process group
  PrioWho,      // getpriority/setpriority: argument 0 (PRIO_PROCESS, PRIO_PGRP) says
  IoprioWho,    // ioprio_get/ioprio_set: argument 0 (IOPRIO_WHO_PROCESS, IOPRIO_WHO_PGRP) says
};

struct PidSlots {
  std::string_view name;
  Slot ret;
  std::array<Slot, 2> args;  // arguments 0 and 1
};

using S = Slot;
constexpr PidSlots kPidSlots[] = {
    {"clone", S::Tid, {S::None, S::None}},
    {"clone3", S::Tid, {S::None, S::None}},
    {"fork", S::Tgid, {S::None, S::None}},
    {"get_robust_list", S::None, {S::Tid, S::None}},
    {"getpgid", S::Pgid, {S::Tgid, S::None}},
    {"getpgrp", S::Pgid, {S::None, S::None}},
    {"getpid", S::Tgid, {S::None, S::None}},
    {"getppid", S::Tgid, {S::None, S::None}},
    {"getpriority", S::None, {S::None, S::PrioWho}},
    {"getsid", S::Sid, {S::Tgid, S::None}},
    {"gettid", S::Tid, {S::None, S::None}},
    {"ioprio_get", S::None, {S::None, S::IoprioWho}},
    {"ioprio_set", S::None, {S::None, S::IoprioWho}},
    {"kcmp", S::None, {S::Tgid, S::Tgid}},
    {"kill", S::None, {S::TgidOrGroup, S::None}},
    {"migrate_pages", S::None, {S::Tgid, S::None}},
    {"move_pages", S::None, {S::Tgid, S::None}},
    {"pidfd_open", S::None, {S::Tgid, S::None}},
    {"prlimit64", S::None, {S::Tgid, S::None}},
    {"process_vm_readv", S::None, {S::Tgid, S::None}},
    {"process_vm_writev", S::None, {S::Tgid, S::None}},
    {"ptrace", S::None, {S::None, S::Tgid}},
    {"rt_sigqueueinfo", S::None, {S::Tgid, S::None}},
    {"rt_tgsigqueueinfo", S::None, {S::Tgid, S::Tid}},
    {"sched_getaffinity", S::None, {S::Tgid, S::None}},
    {"sched_getattr", S::None, {S::Tgid, S::None}},
    {"sched_getparam", S::None, {S::Tgid, S::None}},
    {"sched_getscheduler", S::None, {S::Tgid, S::None}},
    {"sched_rr_get_interval", S::None, {S::Tgid, S::None}},
    {"sched_setaffinity", S::None, {S::Tgid, S::None}},
    {"sched_setattr", S::None, {S::Tgid, S::None}},
    {"sched_setparam", S::None, {S::Tgid, S::None}},
    {"sched_setscheduler", S::None, {S::Tgid, S::None}},
    {"set_tid_address", S::Tid, {S::None, S::None}},
    {"setpgid", S::None, {S::Tgid, S::Pgid}},
    {"setpriority", S::None, {S::None, S::PrioWho}},
    {"tgkill", S::None, {S::Tgid, S::Tid}},
    {"tkill", S::None, {S::Tid, S::None}},
    {"vfork", S::Tgid, {S::None, S::None}},
    {"wait4", S::Tgid, {S::TgidOrGroup, S::None}},
};
static_assert(std::ranges::is_sorted(kPidSlots, {}, &PidSlots::name), "kPidSlots must stay sorted by name");

const PidSlots* slots_of(const SyscallInfo* info) {
  if (!info) return nullptr;
  auto it = std::ranges::lower_bound(kPidSlots, info->name, {}, &PidSlots::name);
  return it != std::end(kPidSlots) && it->name == info->name ? &*it : nullptr;
}

// The id kind `slot` names for the number `pid` (which is positive when this returns one).
std::optional<PidType> type_of(Slot slot, const SyscallCall& call, std::int64_t& pid) {
  const auto which = static_cast<std::int32_t>(call.args[0]);
  switch (slot) {
    case Slot::Tid: return PidType::Tid;
    case Slot::Tgid: return PidType::Tgid;
    case Slot::Pgid: return PidType::Pgid;
    case Slot::Sid: return PidType::Sid;
    case Slot::TgidOrGroup:
      if (pid > 0) return PidType::Tgid;
      if (pid < -1) {
        pid = -pid;
        return PidType::Pgid;
      }
      return std::nullopt;
    case Slot::PrioWho:  // PRIO_PROCESS 0, PRIO_PGRP 1
      if (which == 0) return PidType::Tgid;
      if (which == 1) return PidType::Pgid;
      return std::nullopt;
    case Slot::IoprioWho:  // IOPRIO_WHO_PROCESS 1, IOPRIO_WHO_PGRP 2
      if (which == 1) return PidType::Tgid;
      if (which == 2) return PidType::Pgid;
      return std::nullopt;
    case Slot::None: break;
  }
  return std::nullopt;
}

std::string translation(Slot slot, const SyscallCall& call, std::int64_t pid, DecodeContext& ctx) {
  if (!ctx.pids || slot == Slot::None) return {};
  auto type = type_of(slot, call, pid);
  if (!type) return {};
  return pid_translation(ctx, call.pidns, pid, *type);
}

}  // namespace

std::string pid_translation(DecodeContext& ctx, std::uint32_t pidns, std::int64_t pid, PidType type) {
  if (!ctx.pids || pid <= 0) return {};
  std::uint32_t own = ctx.pids->to_own(pidns, pid, type);
  if (!own || own == pid) return {};
  return std::to_string(own) + " in strace's PID NS";
}

void note_pid_arg(const CallView& v, int i) {
  if (!v.ctx.pids || i > 1) return;
  const PidSlots* s = slots_of(v.info);
  if (!s) return;
  std::string text = translation(s->args[static_cast<std::size_t>(i)], v.call, v.value(i), v.ctx);
  if (!text.empty()) v.out.comment(text);
}

void note_pid_result(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx, CallResult& r) {
  if (!ctx.pids || call.failed() || !call.has_ret) return;
  const PidSlots* s = slots_of(info);
  if (!s) return;
  std::string text = translation(s->ret, call, static_cast<std::int32_t>(call.ret), ctx);
  if (!text.empty()) r.comment = std::move(text);
}

}  // namespace etrace
