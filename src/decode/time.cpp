// Clock calls as strace 6.1 shows them: adjtimex and clock_adjtime's struct timex, read when
// the call returns, and the clock state they return, = 5 (TIME_ERROR).
#include <cstdint>
#include <string>

#include "decode/families.h"
#include "decode/printers.h"
#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace::clocks {

namespace {

using structs::Bytes;

// The kernel's struct __kernel_timex on x86_64: an int then longs, each int padded to 8.
constexpr std::size_t kTimexSize = 208;

void print_timex(const Bytes& b, Emitter& out) {
  out.begin_struct();
  out.field("modes");
  print_flags(out, "adjtimex_modes", b.u32(0));
  auto longs = [&](std::initializer_list<std::pair<std::string_view, std::size_t>> fields) {
    for (auto [name, off] : fields) {
      out.field(name);
      out.integer(b.s64(off));
    }
  };
  longs({{"offset", 8}, {"freq", 16}, {"maxerror", 24}, {"esterror", 32}});
  out.field("status");
  print_flags(out, "adjtimex_status", b.u32(40));
  longs({{"constant", 48}, {"precision", 56}, {"tolerance", 64}});
  out.field("time");
  structs::emit_timeval(out, b, 72);
  longs({{"tick", 88}, {"ppsfreq", 96}, {"jitter", 104}});
  out.field("shift");
  out.integer(b.s32(112));
  longs({{"stabil", 120}, {"jitcnt", 128}, {"calcnt", 136}, {"errcnt", 144}, {"stbcnt", 152}});
  out.field("tai");
  out.integer(b.s32(160));
  out.end_struct();
}

// The timex as the call left it, or nullptr when it failed or is not to be read.
const Payload* timex_of(const SyscallCall& call, const DecodeContext& ctx, int i) {
  if (call.failed() || !call.has_ret || !ctx.opts.deref || !call.args[static_cast<std::size_t>(i)]) return nullptr;
  const Payload* p = exit_payload(call, i);
  return p && p->bytes.size() >= kTimexSize ? p : nullptr;
}

void print_timex_arg(const CallView& v, int i) {
  v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
  const Payload* p = timex_of(v.call, v.ctx, i);
  if (!p) return v.out.pointer(v.arg(i));
  print_timex(Bytes(p->bytes), v.out);
}

// Only a call whose timex was shown names its state.
void name_state(const SyscallCall& call, DecodeContext& ctx, CallResult& r, int i) {
  if (!timex_of(call, ctx, i)) return;
  const XlatTable* t = find_xlat("adjtimex_states");
  const std::string_view name = t ? xlat_name(*t, static_cast<std::uint64_t>(r.value)) : std::string_view();
  if (!name.empty()) r.decoration = std::string(name);
}

}  // namespace

void args_adjtimex(const CallView& v) { print_timex_arg(v, 0); }

void args_clock_adjtime(const CallView& v) {
  print_args(v, 0, 1);
  print_timex_arg(v, 1);
}

void result_adjtimex(const SyscallCall& call, DecodeContext& ctx, CallResult& r) { name_state(call, ctx, r, 0); }
void result_clock_adjtime(const SyscallCall& call, DecodeContext& ctx, CallResult& r) { name_state(call, ctx, r, 1); }

}  // namespace etrace::clocks
