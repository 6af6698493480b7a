// Internal to decode/: the per-kind argument printers that decode_args uses by default and that
// the per-syscall overrides (overrides.cpp) call for the arguments they do not change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decode/decoder.h"

namespace etrace {

struct CallView {
  const SyscallInfo* info;
  const SyscallSpec& spec;
  const SyscallCall& call;
  DecodeContext& ctx;
  Emitter& out;

  // The raw register: what an address or a 64-bit argument shows.
  std::uint64_t arg(int i) const { return call.args[static_cast<std::size_t>(i)]; }
  // The bits of argument i its C type (ArgSpec::type) keeps, zero-extended: flags, constants, hex.
  std::uint64_t bits(int i) const { return ctype_bits_of(spec.args[static_cast<std::size_t>(i)].type, arg(i)); }
  // Argument i as a value of its C type (an int -1 is -1 whatever the upper half held).
  std::int64_t value(int i) const { return ctype_value(spec.args[static_cast<std::size_t>(i)].type, arg(i)); }
  // An int argument: the kernel reads only the low 32 bits.
  std::int32_t iarg(int i) const { return static_cast<std::int32_t>(arg(i)); }
  bool succeeded() const { return call.has_ret && !call.failed(); }
};

// arg(name) and the value of argument i by its ArgKind ("hidden" arguments print nothing).
void print_arg(const CallView& v, int i);
// --pidns-translation (pids.cpp): the comment after pid argument i, or in the result.
void note_pid_arg(const CallView& v, int i);
// "4711 in strace's PID NS" for `pid` of namespace `pidns`, or "" when there is nothing to add.
std::string pid_translation(DecodeContext& ctx, std::uint32_t pidns, std::int64_t pid, PidType type);
void note_pid_result(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx, CallResult& r);
// Only the value of argument i.
void print_arg_value(const CallView& v, int i);
// Arguments [from, to) by kind.
void print_args(const CallView& v, int from, int to);

void print_fd(const CallView& v, std::int64_t fd);
// A number of C type `t` as strace prints it: decimal, signed for the signed types.
void print_number(Emitter& out, CType t, std::uint64_t raw);
// Bytes cut at -s, with strace's "..." when more existed (`more`) or when cut here.
void print_cut_string(const CallView& v, std::string_view bytes, bool more);
void print_flags(Emitter& out, std::string_view table, std::uint64_t value);
// One constant of C type `type` (the bits the kernel reads of `raw`), or `0x40a /* F_??? */` when
// the table does not know it (a DecimalEnum table's unknown value: the bare signed number).
void print_enum(Emitter& out, std::string_view table, std::uint64_t raw, CType type = CType::ULong);
void print_signal(Emitter& out, std::int64_t sig);
void print_mode(Emitter& out, std::uint64_t mode);
std::string mode_text(std::uint64_t mode);
void print_open_flags(Emitter& out, std::uint64_t flags);
void print_mmap_flags(Emitter& out, std::uint64_t flags);
void print_mempolicy_mode(Emitter& out, std::uint64_t mode);
void print_fanotify_init_flags(Emitter& out, std::uint64_t flags);

// Struct, array and sockaddr arguments (arg_structs.cpp).
void print_struct_arg(const CallView& v, int i);
// A struct or array argument of a call -e verbose= leaves out: its address, or [] for a list the
// call filled with nothing (epoll_wait, getgroups returning 0), which strace shows without reading.
void print_address_only(const CallView& v, int i);
void print_sockaddr_arg(const CallView& v, int i, bool out_kind);
// `[16]` or `[128 => 16]`: a socklen_t the call reads and writes back.
void print_socklen_arg(const CallView& v, int i);
// The socklen_t argument `len_arg` as it was at entry; -1 when unknown.
std::int64_t socklen_at_entry(const CallView& v, int len_arg);
// The copy of an argument taken at entry (or an input refetched at exit when entry faulted),
// and the one taken at exit (outputs, and in/out structs such as poll's fds); nullptr if none.
const Payload* entry_payload(const SyscallCall& call, int arg);
const Payload* exit_payload(const SyscallCall& call, int arg);

// The per-syscall exceptions: nullptr when the syscall follows its argument kinds.
using ArgsOverride = void (*)(const CallView& v);
ArgsOverride find_args_override(std::string_view syscall);
// Adjusts the result of a few calls whose return value means more than a number (fcntl F_GETFL);
// called for calls that succeeded only.
using ResultOverride = void (*)(const SyscallCall& call, DecodeContext& ctx, CallResult& r);
ResultOverride find_result_override(std::string_view syscall);
void override_result(std::string_view syscall, const SyscallCall& call, DecodeContext& ctx, CallResult& r);

// Both overrides of one syscall, found without comparing names for the native table's entries.
struct SyscallOverrides {
  ArgsOverride args = nullptr;
  ResultOverride result = nullptr;
};
SyscallOverrides overrides_of(const SyscallInfo* info);

}  // namespace etrace
