// Signals: siginfo (signal-delivery lines and rt_sigqueueinfo), k_sigaction, sigsets, stack_t.
#include <csignal>

#include <fmt/format.h>

#include "decode/printers.h"
#include "decode/struct_util.h"
#include "syscalls/syscall_table.h"
#include "xlat/xlat.h"

namespace etrace::structs {

namespace {

constexpr std::uint64_t kSaRestorer = 0x04000000;

// struct kernel_siginfo on x86_64: three ints, padding, then the union at 16.
constexpr std::size_t kSigno = 0, kErrno = 4, kCode = 8, kU = 16;

// The name of si_code: codes from userspace (<= 0) and SI_KERNEL are generic; positive codes
// mean something per signal.
std::string_view si_code_name(int signo, int code) {
  if (code > 0 && code != 0x80) {
    std::string_view table;
    switch (signo) {
      case SIGCHLD: table = "sigchld_codes"; break;
      case SIGSEGV: table = "sigsegv_codes"; break;
      case SIGBUS: table = "sigbus_codes"; break;
      case SIGILL: table = "sigill_codes"; break;
      case SIGFPE: table = "sigfpe_codes"; break;
      case SIGTRAP: table = "sigtrap_codes"; break;
      case SIGPOLL: table = "sigpoll_codes"; break;
      case SIGSYS: table = "sigsys_codes"; break;
      default: break;
    }
    if (const XlatTable* t = table.empty() ? nullptr : find_xlat(table)) {
      std::string_view n = xlat_name(*t, static_cast<std::uint64_t>(code));
      if (!n.empty()) return n;
    }
  }
  if (const XlatTable* t = find_xlat("si_codes"))
    return xlat_name(*t, static_cast<std::uint64_t>(static_cast<std::int64_t>(code)));
  return {};
}

void emit_source(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  out.field("si_pid");
  out.integer(b.s32(kU));
  if (ctx.pids) [[unlikely]]
    if (std::string t = pid_translation(ctx, ctx.pidns, b.s32(kU), PidType::Tgid); !t.empty()) out.comment(t);
  out.field("si_uid");
  if (b.u32(kU + 4) == 0xffffffffu) out.integer(-1);  // (uid_t) -1, as strace prints a uid
  else out.uinteger(b.u32(kU + 4));
}

void emit_sigval(const Bytes& b, Emitter& out) {
  out.field("si_int");
  out.integer(b.s32(kU + 8));
  out.field("si_ptr");
  out.pointer(b.u64(kU + 8));
}

}  // namespace

bool print_siginfo(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  if (b.size() < 48) return false;
  const int signo = b.s32(kSigno), code = b.s32(kCode), err = b.s32(kErrno);
  out.begin_struct();
  if (signo == 0) {
    out.end_struct();
    return true;
  }
  out.field("si_signo");
  emit_signal(out, signo);
  out.field("si_code");
  if (std::string_view n = si_code_name(signo, code); !n.empty()) out.symbol(n, code);
  else out.integer(code);
  if (err) {
    out.field("si_errno");
    std::string_view n = errno_name(err);
    if (!n.empty()) out.symbol(n, err);
    else out.uinteger(static_cast<std::uint32_t>(err));  // strace: unsigned (-1 is 4294967295)
  }
  if (code <= 0) {
    switch (code) {
      case SI_USER:
      case SI_TKILL: emit_source(b, ctx, out); break;
      case SI_TIMER:
        out.field("si_timerid");
        out.integer(b.s32(kU));
        out.field("si_overrun");
        out.integer(b.s32(kU + 4));
        emit_sigval(b, out);
        break;
      default:
        emit_source(b, ctx, out);
        if (b.u64(kU + 8)) emit_sigval(b, out);
        break;
    }
    out.end_struct();
    return true;
  }
  switch (signo) {
    case SIGCHLD:
      emit_source(b, ctx, out);
      out.field("si_status");
      if (code == CLD_EXITED) out.integer(b.s32(kU + 8));
      else emit_signal(out, b.s32(kU + 8));
      out.field("si_utime");
      emit_clock_ticks(out, b.s64(kU + 16));
      out.field("si_stime");
      emit_clock_ticks(out, b.s64(kU + 24));
      break;
    case SIGILL:
    case SIGFPE:
    case SIGSEGV:
    case SIGBUS:
      out.field("si_addr");
      out.pointer(b.u64(kU));
      if (signo == SIGSEGV && code == 3) {  // SEGV_BNDERR
        out.field("si_lower");
        out.pointer(b.u64(kU + 16));
        out.field("si_upper");
        out.pointer(b.u64(kU + 24));
      } else if (signo == SIGSEGV && code == 4) {  // SEGV_PKUERR
        out.field("si_pkey");
        out.uinteger(b.u32(kU + 16));
      }
      break;
    case SIGPOLL:
      if (code == POLL_IN || code == POLL_OUT || code == POLL_MSG) {
        out.field("si_band");
        out.integer(b.s64(kU));
        out.field("si_fd");
        out.integer(b.s32(kU + 8));
      }
      break;
    case SIGSYS: {
      out.field("si_call_addr");
      out.pointer(b.u64(kU));
      out.field("si_syscall");
      const int nr = b.s32(kU + 8);
      if (const SyscallInfo* info = SyscallTable::native().by_number(nr))
        out.symbol(fmt::format("__NR_{}", info->name), nr);
      else out.integer(nr);
      out.field("si_arch");
      const std::uint32_t arch = b.u32(kU + 12);
      if (arch == 0xc000003e) out.symbol("AUDIT_ARCH_X86_64", arch);
      else emit_hex(out, arch);
      break;
    }
    default:
      if (b.s32(kU) || b.u32(kU + 4)) emit_source(b, ctx, out);
      if (b.u64(kU + 8)) emit_sigval(b, out);
      break;
  }
  out.end_struct();
  return true;
}

bool print_sigset(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() == 0) return false;
  out.verbatim(sigset_text(b.sub(0, 8)));
  return true;
}

// The kernel's struct sigaction on x86_64: handler, flags, restorer, mask.
bool print_sigaction(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 32) return false;
  const std::uint64_t handler = b.u64(0), flags = b.u64(8);
  out.begin_struct();
  out.field("sa_handler");
  if (handler == 0) out.symbol("SIG_DFL", 0);
  else if (handler == 1) out.symbol("SIG_IGN", 1);
  else if (handler == ~0ull) out.symbol("SIG_ERR", -1);
  else out.pointer(handler);
  out.field("sa_mask");
  out.verbatim(sigset_text(b.sub(24, 8)));
  out.field("sa_flags");
  emit_flags(out, "sa_flags", flags);
  if (flags & kSaRestorer) {
    out.field("sa_restorer");
    out.pointer(b.u64(16));
  }
  out.end_struct();
  return true;
}

bool print_stack_t(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 24) return false;
  out.begin_struct();
  out.field("ss_sp");
  out.pointer(b.u64(0));
  out.field("ss_flags");
  emit_flags(out, "sigaltstack_flags", b.u32(8));
  out.field("ss_size");
  out.uinteger(b.u64(16));
  out.end_struct();
  return true;
}

}  // namespace etrace::structs
