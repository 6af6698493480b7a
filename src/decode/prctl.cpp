// prctl(option, arg2, arg3, arg4, arg5): the option decides how many arguments show and what
// each one is. Options strace does not decode show their four arguments in hex.
//
// Captures (syscalls/capture_plan.cpp, "prctl_arg2"/"prctl_arg5"): arg2 as a string at entry
// (PR_SET_NAME) and its first 16 bytes at exit (the ints and the name the GET options fill);
// arg5 as a string at entry (PR_SET_VMA's name) and 8 bytes at exit (PR_SCHED_CORE_GET's cookie).
#include <fmt/format.h>
#include <linux/prctl.h>

#include <array>
#include <string>
#include <vector>

#include "decode/prctl.h"
#include "etrace/event.h"
#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr std::size_t kTaskCommLen = 16;

void hex_or_zero(Emitter& out, std::uint64_t x) { x ? out.hex(x) : out.uinteger(0); }

// Arguments [first, 5) in hex, as strace shows the ones an option does not decode.
void rest_hex(const CallView& v, int first) {
  for (int i = first; i < 5; ++i) {
    v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
    hex_or_zero(v.out, v.arg(i));
  }
}

void arg_name(const CallView& v, int i) { v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name); }

const Payload* payload_of(const CallView& v, int arg, std::uint8_t type, bool at_exit) {
  for (const auto& p : v.call.payloads)
    if (p.arg == arg && p.type == type && !p.fault() && ((p.flags & ETRACE_PLF_AT_EXIT) != 0) == at_exit) return &p;
  return nullptr;
}

// What the call wrote through argument `arg`, when it succeeded and the copy holds `size` bytes.
std::string_view written(const CallView& v, int arg, std::size_t size) {
  if (!v.succeeded() || !v.ctx.opts.deref) return {};
  const Payload* p = payload_of(v, arg, ETRACE_PL_BYTES, true);
  return p && p->bytes.size() >= size ? std::string_view(p->bytes) : std::string_view();
}

// [n] of an int the call filled, shown by `show`; the address when the call failed.
template <typename Show>
void filled_int(const CallView& v, Show show) {
  arg_name(v, 1);
  const std::string_view b = written(v, 1, 4);
  if (b.empty()) return v.out.pointer(v.arg(1));
  v.out.begin_array();
  v.out.element();
  show(structs::Bytes(b).u32(0));
  v.out.end_array();
}

// Names from a Flags table, then the bits it does not name in hex: "PR_SVE_VL_INHERIT|0x10000".
void flag_names(std::string_view table, std::uint64_t value, std::vector<std::string>& names) {
  if (!value) return;
  const XlatTable* t = find_xlat(table);
  FlagSplit s;
  if (t) s = xlat_split_flags(*t, value);
  else s.rest = value;
  for (auto n : s.names) names.emplace_back(n);
  if (s.rest) names.push_back(fmt::format("{:#x}", s.rest));
}

void emit_names(Emitter& out, std::uint64_t raw, const std::vector<std::string>& names) {
  std::vector<std::string_view> views(names.begin(), names.end());
  out.flags(views, raw, 0);
}

// PR_SVE_SET_VL / PR_SME_SET_VL: the flags above the vector length, then the length:
// "PR_SVE_SET_VL_ONEXEC|0xff"; the length alone when no flag is set.
void print_vl(Emitter& out, std::string_view table, std::uint64_t arg) {
  const std::uint64_t vl = arg & 0xffff, flags = arg & ~0xffffull;
  if (!flags) return hex_or_zero(out, vl);
  std::vector<std::string> names;
  flag_names(table, flags, names);
  names.push_back(vl ? fmt::format("{:#x}", vl) : std::string("0"));
  emit_names(out, arg, names);
}

// PR_SET_TAGGED_ADDR_CTRL: "PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x1<<PR_MTE_TAG_SHIFT|0x80000".
void print_tagged_addr(Emitter& out, std::uint64_t arg) {
  const std::uint64_t mte_tag = arg & PR_MTE_TAG_MASK;
  const std::uint64_t rest = arg & ~(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
  std::vector<std::string> names;
  names.emplace_back(arg & PR_TAGGED_ADDR_ENABLE ? "PR_TAGGED_ADDR_ENABLE" : "!PR_TAGGED_ADDR_ENABLE");
  const XlatTable* tcf = find_xlat("pr_tagged_addr_mte_tcf");
  names.emplace_back(tcf ? xlat_name(*tcf, arg & PR_MTE_TCF_MASK) : std::string_view());
  if (mte_tag) names.push_back(fmt::format("{:#x}<<PR_MTE_TAG_SHIFT", mte_tag >> PR_MTE_TAG_SHIFT));
  if (rest) names.push_back(fmt::format("{:#x}", rest));
  emit_names(out, arg, names);
}

// PR_SET_NAME's name: up to its NUL within 15 bytes, else those 15 and "..."; the address when
// fewer were readable and none of them is a NUL.
void print_comm(const CallView& v, const Payload* p, std::size_t max) {
  const std::string_view b = p ? std::string_view(p->bytes).substr(0, max) : std::string_view();
  const std::size_t nul = b.find('\0');
  if (nul != std::string_view::npos) return v.out.string(b.substr(0, nul), false);
  if (b.size() < max) return v.out.pointer(v.arg(1));
  v.out.string(b, true);
}

}  // namespace

void args_prctl(const CallView& v) {
  print_args(v, 0, 1);
  const auto option = static_cast<std::uint32_t>(v.arg(0));
  const std::uint64_t arg2 = v.arg(1), arg3 = v.arg(2), arg4 = v.arg(3), arg5 = v.arg(4);
  auto second = [&] { arg_name(v, 1); };
  switch (option) {
    case PR_GET_KEEPCAPS: case PR_GET_SECCOMP: case PR_GET_TIMERSLACK: case PR_GET_TIMING: case PR_GET_DUMPABLE:
    case PR_GET_SECUREBITS: case PR_GET_FP_MODE: case PR_SVE_GET_VL: case PR_SME_GET_VL:
    case PR_TASK_PERF_EVENTS_DISABLE: case PR_TASK_PERF_EVENTS_ENABLE:
      return;
    case PR_GET_CHILD_SUBREAPER: case PR_GET_ENDIAN: case PR_GET_FPEMU: case PR_GET_FPEXC:
      return filled_int(v, [&](std::uint32_t n) { v.out.uinteger(n); });
    case PR_GET_PDEATHSIG:
      return filled_int(v, [&](std::uint32_t n) { print_signal(v.out, static_cast<std::int32_t>(n)); });
    case PR_GET_TSC:
      return filled_int(v, [&](std::uint32_t n) { print_enum(v.out, "pr_tsc", n, CType::UInt); });
    case PR_GET_UNALIGN:
      return filled_int(v, [&](std::uint32_t n) { print_flags(v.out, "pr_unalign_flags", n); });
    case PR_GET_NAME: {
      second();
      const std::string_view b = written(v, 1, 1);
      if (b.empty()) return v.out.pointer(arg2);
      const std::string_view s = b.substr(0, std::min(b.size(), kTaskCommLen));
      const std::size_t nul = s.find('\0');
      return v.out.string(s.substr(0, nul), nul == std::string_view::npos);
    }
    case PR_GET_TID_ADDRESS: {
      second();
      const std::string_view b = written(v, 1, 8);
      if (b.empty()) return v.out.pointer(arg2);
      v.out.begin_array();
      v.out.element();
      v.out.hex(structs::Bytes(b).u64(0));
      return v.out.end_array();
    }
    case PR_SVE_SET_VL: second(); return print_vl(v.out, "pr_sve_vl_flags", arg2);
    case PR_SME_SET_VL: second(); return print_vl(v.out, "pr_sme_vl_flags", arg2);
    case PR_GET_SPECULATION_CTRL: second(); return print_enum(v.out, "pr_spec_cmds", arg2);
    case PR_SET_TAGGED_ADDR_CTRL: second(); print_tagged_addr(v.out, arg2); return rest_hex(v, 2);
    case PR_GET_TAGGED_ADDR_CTRL: return rest_hex(v, 1);
    case PR_SET_CHILD_SUBREAPER: case PR_SET_ENDIAN: case PR_SET_FPEMU: case PR_SET_FPEXC: case PR_SET_KEEPCAPS:
    case PR_SET_TIMING:
      second();
      return v.out.uinteger(arg2);
    case PR_SET_DUMPABLE: second(); return print_enum(v.out, "suid_dump", arg2);
    case PR_CAPBSET_DROP: case PR_CAPBSET_READ: second(); return print_enum(v.out, "capabilities", arg2);
    case PR_CAP_AMBIENT:
      second();
      print_enum(v.out, "cap_ambient_ops", arg2);
      if (arg2 == PR_CAP_AMBIENT_RAISE || arg2 == PR_CAP_AMBIENT_LOWER || arg2 == PR_CAP_AMBIENT_IS_SET) {
        arg_name(v, 2);
        print_enum(v.out, "capabilities", arg3);
        return rest_hex(v, 3);
      }
      return rest_hex(v, 2);
    case PR_MCE_KILL:
      second();
      print_enum(v.out, "pr_mce_kill", arg2);
      arg_name(v, 2);
      if (arg2 == PR_MCE_KILL_SET) print_enum(v.out, "pr_mce_kill_policy", arg3);
      else hex_or_zero(v.out, arg3);
      return rest_hex(v, 3);
    case PR_SET_NAME:
      second();
      return print_comm(v, v.ctx.opts.deref ? payload_of(v, 1, ETRACE_PL_BYTES, false) : nullptr, kTaskCommLen - 1);
    case PR_SET_VMA:
      second();
      print_enum(v.out, "pr_set_vma", arg2);
      if (arg2 != PR_SET_VMA_ANON_NAME) return rest_hex(v, 2);
      arg_name(v, 2);
      v.out.pointer(arg3);
      arg_name(v, 3);
      v.out.uinteger(arg4);
      arg_name(v, 4);
      if (const Payload* p = v.ctx.opts.deref ? payload_of(v, 4, ETRACE_PL_STRING, false) : nullptr)
        return print_cut_string(v, p->bytes, p->truncated());
      return v.out.pointer(arg5);
    case PR_SET_MM: second(); print_enum(v.out, "pr_set_mm", arg2, CType::UInt); return rest_hex(v, 2);
    case PR_SET_PDEATHSIG:
      second();
      if (arg2 > 128) return v.out.uinteger(arg2);
      return print_signal(v.out, static_cast<std::int64_t>(arg2));
    case PR_SET_PTRACER:
      second();
      if (static_cast<std::int32_t>(arg2) == -1) return v.out.symbol("PR_SET_PTRACER_ANY", -1, Emitter::Radix::Dec);
      return v.out.integer(static_cast<std::int32_t>(arg2));
    case PR_SET_SECCOMP:
      second();
      print_enum(v.out, "seccomp_mode", arg2);
      if (arg2 == 1 /* SECCOMP_MODE_STRICT */) return;
      if (arg2 == 2 /* SECCOMP_MODE_FILTER */) {
        arg_name(v, 2);
        return v.out.pointer(arg3);
      }
      return rest_hex(v, 2);
    case PR_SET_SECUREBITS: second(); return print_flags(v.out, "secbits", arg2);
    case PR_SET_TIMERSLACK: second(); return v.out.integer(static_cast<std::int64_t>(arg2));
    case PR_SET_TSC: second(); return print_enum(v.out, "pr_tsc", arg2, CType::UInt);
    case PR_SET_UNALIGN: second(); return print_flags(v.out, "pr_unalign_flags", static_cast<std::uint32_t>(arg2));
    case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE: case PR_SET_IO_FLUSHER:
      second();
      v.out.uinteger(arg2);
      return rest_hex(v, 2);
    case PR_MCE_KILL_GET: return rest_hex(v, 1);
    case PR_SET_FP_MODE: second(); return print_flags(v.out, "pr_fp_mode", static_cast<std::uint32_t>(arg2));
    case PR_SET_SPECULATION_CTRL:
      second();
      print_enum(v.out, "pr_spec_cmds", arg2);
      arg_name(v, 2);
      if (arg2 <= PR_SPEC_L1D_FLUSH) return print_enum(v.out, "pr_spec_set_flags", arg3);
      return hex_or_zero(v.out, arg3);
    case PR_PAC_RESET_KEYS: second(); print_flags(v.out, "pr_pac_keys", arg2); return rest_hex(v, 2);
    case PR_PAC_SET_ENABLED_KEYS:
      second();
      print_flags(v.out, "pr_pac_enabled_keys", arg2);
      arg_name(v, 2);
      print_flags(v.out, "pr_pac_enabled_keys", arg3);
      return rest_hex(v, 3);
    case PR_PAC_GET_ENABLED_KEYS: return rest_hex(v, 1);
    case PR_SET_SYSCALL_USER_DISPATCH:
      second();
      print_enum(v.out, "pr_sud_cmds", arg2);
      arg_name(v, 2);
      hex_or_zero(v.out, arg3);
      arg_name(v, 3);
      hex_or_zero(v.out, arg4);
      arg_name(v, 4);
      return v.out.pointer(arg5);
    case PR_SCHED_CORE: {
      second();
      print_enum(v.out, "pr_sched_core_cmds", arg2, CType::UInt);
      arg_name(v, 2);
      v.out.integer(static_cast<std::int32_t>(arg3));
      arg_name(v, 3);
      // The pid type shows as a number with its name beside it (strace's own choice here).
      const auto type = static_cast<std::uint32_t>(arg4);
      const XlatTable* t = find_xlat("pr_sched_core_pidtypes");
      const std::string_view name = t ? xlat_name(*t, type) : std::string_view();
      hex_or_zero(v.out, type);
      v.out.decoded_comment(name.empty() ? "PIDTYPE_???" : name);
      arg_name(v, 4);
      if (static_cast<std::uint32_t>(arg2) != PR_SCHED_CORE_GET) return v.out.pointer(arg5);
      const Payload* p = payload_of(v, 4, ETRACE_PL_BYTES, true);
      if (!v.succeeded() || !v.ctx.opts.deref || !p || p->bytes.size() < 8) return v.out.pointer(arg5);
      v.out.begin_array();
      v.out.element();
      hex_or_zero(v.out, structs::Bytes(p->bytes).u64(0));
      return v.out.end_array();
    }
    default: return rest_hex(v, 1);
  }
}

// prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER); PR_GET_SECUREBITS = 0x3 (SECBIT_NOROOT|...);
// PR_MCE_KILL_GET = 2 (PR_MCE_KILL_DEFAULT).
void result_prctl(const SyscallCall& call, DecodeContext&, CallResult& r) {
  auto lookup = [&](std::string_view table) {
    const XlatTable* t = find_xlat(table);
    const std::string_view name = t ? xlat_name(*t, static_cast<std::uint64_t>(r.value)) : std::string_view();
    if (!name.empty()) r.decoration = std::string(name);
  };
  auto flag_set = [&](std::string_view table) {
    if (r.value == 0) return;
    std::vector<std::string> names;
    flag_names(table, static_cast<std::uint64_t>(r.value), names);
    r.kind = CallResult::Kind::Hex;
    for (const auto& n : names) r.decoration += (r.decoration.empty() ? "" : "|") + n;
  };
  switch (static_cast<std::uint32_t>(call.args[0])) {
    case PR_GET_DUMPABLE: return lookup("suid_dump");
    case PR_MCE_KILL_GET: return lookup("pr_mce_kill_policy");
    case PR_GET_SECUREBITS: return flag_set("secbits");
    case PR_GET_FP_MODE: return flag_set("pr_fp_mode");
    case PR_PAC_GET_ENABLED_KEYS: return flag_set("pr_pac_enabled_keys");
    default: return;
  }
}

}  // namespace etrace
