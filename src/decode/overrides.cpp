// The exceptions: syscalls where one argument changes the meaning (or presence) of another.
// Everything else prints by ArgKind (args.cpp). One name-sorted table, checked at compile time.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <fcntl.h>
#include <linux/futex.h>
#include <cstring>
#include <span>
#include <vector>

#include "decode/ioctl.h"
#include "decode/prctl.h"
#include "decode/printers.h"
#include "decode/sockopt.h"
#include "decode/structs.h"
#include "format/text_emitter.h"
#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr std::uint64_t kOTmpfileBit = 020000000;  // __O_TMPFILE

// open/openat/mq_open: the mode exists only when the call may create a file.
void mode_if_creating(const CallView& v, int flags_arg) {
  print_args(v, 0, flags_arg + 1);
  if (v.arg(flags_arg) & (O_CREAT | kOTmpfileBit)) print_args(v, flags_arg + 1, v.spec.nargs);
}
void args_open(const CallView& v) { mode_if_creating(v, 1); }
void args_openat(const CallView& v) { mode_if_creating(v, 2); }

// clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x...)
void args_clone(const CallView& v) {
  const std::uint64_t flags = v.arg(0);
  auto ptr = [](std::uint64_t p) { return p ? fmt::format("{:#x}", p) : std::string("NULL"); };
  v.out.arg("stack");
  v.out.verbatim("child_stack=" + ptr(v.arg(1)));
  std::string text;
  if (const XlatTable* t = find_xlat("clone_flags")) {
    FlagSplit s = xlat_split_flags(*t, flags & ~0xffull);
    for (auto n : s.names) text += std::string(text.empty() ? "" : "|") + std::string(n);
    if (s.rest) text += fmt::format("{}{:#x}", text.empty() ? "" : "|", s.rest);
  }
  if (flags & 0xff) {
    std::string sig = signal_name(static_cast<int>(flags & 0xff));
    text += (text.empty() ? "" : "|") + (sig.empty() ? std::to_string(flags & 0xff) : sig);
  }
  v.out.arg("flags");
  v.out.verbatim("flags=" + (text.empty() ? std::string("0") : text));
  if (flags & (0x100000 | 0x1000)) {  // CLONE_PARENT_SETTID | CLONE_PIDFD
    v.out.arg("parent_tid");
    v.out.verbatim("parent_tid=" + ptr(v.arg(2)));
  }
  if (flags & (0x1000000 | 0x200000)) {  // CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID
    v.out.arg("child_tid");
    v.out.verbatim("child_tidptr=" + ptr(v.arg(3)));
  }
  if (flags & 0x80000) {  // CLONE_SETTLS
    v.out.arg("tls");
    v.out.verbatim("tls=" + ptr(v.arg(4)));
  }
}

// F_SETLK* show the struct flock they pass, F_GETLK* the one they got back (with its l_pid) or,
// when they failed, the address.
void print_flock_arg(const CallView& v, bool got) {
  v.out.arg("arg");
  // -e verbose= outside its set: the address (strace -e verbose=none: fcntl(3, F_SETLK, 0x7ffe...)).
  const Payload* p = !v.ctx.opts.deref ? nullptr
                     : got            ? (v.succeeded() ? exit_payload(v.call, 2) : nullptr)
                                      : entry_payload(v.call, 2);
  if (p && !p->fault() && decode_struct(got ? "flock_getlk" : "flock", p->bytes, v.ctx, v.out)) return;
  v.out.pointer(v.arg(2));
}

// fcntl's third argument is whatever its command says, or absent.
void args_fcntl(const CallView& v) {
  print_args(v, 0, 2);
  const std::int32_t cmd = v.iarg(1);
  const std::uint64_t x = v.arg(2);
  const std::uint32_t flags = static_cast<std::uint32_t>(x);  // the commands that take flags read an int
  switch (cmd) {
    case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG: case F_GETLEASE: case F_GETPIPE_SZ:
    case F_GET_SEALS: return;
    case F_SETFD: v.out.arg("arg"); return print_flags(v.out, "fd_flags", flags);
    case F_SETFL: v.out.arg("arg"); return print_open_flags(v.out, flags);
    case F_SETLEASE: v.out.arg("arg"); return print_enum(v.out, "flock_types", flags);
    case F_ADD_SEALS: v.out.arg("arg"); return print_flags(v.out, "file_seals", flags);
    case F_NOTIFY: v.out.arg("arg"); return print_flags(v.out, "notify_flags", flags);
    case F_SETSIG: v.out.arg("arg"); return print_signal(v.out, v.iarg(2));
    case F_SETLK: case F_SETLKW: case F_OFD_SETLK: case F_OFD_SETLKW: return print_flock_arg(v, false);
    case F_GETLK: case F_OFD_GETLK: return print_flock_arg(v, true);
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETOWN: case F_SETPIPE_SZ:
      v.out.arg("arg");
      return v.out.integer(v.iarg(2));
    default: v.out.arg("arg"); return v.out.pointer(x);
  }
}

// futex(uaddr, op, ...): the operation decides which of the other five arguments exist.
void args_futex(const CallView& v) {
  print_args(v, 0, 1);
  const std::uint64_t op = v.bits(1);
  const int cmd = static_cast<int>(op & FUTEX_CMD_MASK);
  v.out.arg("futex_op");
  std::vector<std::string_view> names;
  std::string_view base;
  if (const XlatTable* t = find_xlat("futex_ops")) base = xlat_name(*t, op & ~static_cast<std::uint64_t>(FUTEX_CLOCK_REALTIME));
  if (base.empty()) {  // an unknown command: the whole operation as a number, clock bit included
    v.out.hex(op);
    v.out.decoded_comment("FUTEX_???");
  } else {
    names.push_back(base);
    if (op & FUTEX_CLOCK_REALTIME) names.push_back("FUTEX_CLOCK_REALTIME");
    v.out.flags(names, op, 0);
  }
  // The futex word and the counts are u32 to the kernel: strace shows them so (%u).
  auto val = [&](int i, std::string_view name) { v.out.arg(name); v.out.uinteger(static_cast<std::uint32_t>(v.arg(i))); };
  auto bitset = [&] {
    v.out.arg("val3");
    if (static_cast<std::uint32_t>(v.arg(5)) == FUTEX_BITSET_MATCH_ANY) v.out.symbol("FUTEX_BITSET_MATCH_ANY", -1);
    else v.out.hex(static_cast<std::uint32_t>(v.arg(5)));
  };
  switch (cmd) {
    case FUTEX_WAIT: val(2, "val"); print_args(v, 3, 4); return;
    case FUTEX_WAKE: val(2, "val"); return;
    case FUTEX_WAIT_BITSET: val(2, "val"); print_args(v, 3, 4); bitset(); return;
    case FUTEX_WAKE_BITSET: val(2, "val"); bitset(); return;
    case FUTEX_REQUEUE: val(2, "val"); val(3, "val2"); print_args(v, 4, 5); return;
    case FUTEX_CMP_REQUEUE: case FUTEX_CMP_REQUEUE_PI:
      val(2, "val"); val(3, "val2"); print_args(v, 4, 5); val(5, "val3"); return;
    case FUTEX_WAKE_OP: val(2, "val"); val(3, "val2"); print_args(v, 4, 5); v.out.arg("val3"); v.out.hex(static_cast<std::uint32_t>(v.arg(5))); return;
    case FUTEX_LOCK_PI: case 13 /* FUTEX_LOCK_PI2 */: print_args(v, 3, 4); return;
    case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI: return;
    case FUTEX_WAIT_REQUEUE_PI: val(2, "val"); print_args(v, 3, 5); return;
    default: print_args(v, 2, 6); return;
  }
}

// epoll_ctl: EPOLL_CTL_DEL ignores the event, and strace shows only its address.
void args_epoll_ctl(const CallView& v) {
  print_args(v, 0, 3);
  if (static_cast<std::uint32_t>(v.arg(1)) != 2 /* EPOLL_CTL_DEL */) return print_args(v, 3, 4);
  v.out.arg(v.spec.args[3].name);
  v.out.pointer(v.arg(3));
}

// fanotify_mark: a dirfd of -1 is FAN_NOFD (the path is then absolute or the mark is on the fd).
void args_fanotify_mark(const CallView& v) {
  print_args(v, 0, 3);
  if (v.iarg(3) != -1) return print_args(v, 3, 5);
  v.out.arg(v.spec.args[3].name);
  v.out.symbol("FAN_NOFD", -1, Emitter::Radix::Dec);
  print_args(v, 4, 5);
}

// kcmp: what idx1 and idx2 are depends on the type: fds of the two processes (KCMP_FILE), an fd
// and the address of a struct kcmp_epoll_slot (KCMP_EPOLL_TFD), nothing for the types that
// compare whole resources, two numbers otherwise.
void args_kcmp(const CallView& v) {
  print_args(v, 0, 3);
  auto fd_of_other = [&](int i) {  // an fd of pid1 or pid2, not of the caller: never decorated
    v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
    v.out.fd(v.iarg(i), {});
  };
  switch (v.iarg(2)) {
    case 0: fd_of_other(3); return fd_of_other(4);  // KCMP_FILE
    case 1: case 2: case 3: case 4: case 5: case 6: return;  // KCMP_VM ... KCMP_SYSVSEM
    case 7:  // KCMP_EPOLL_TFD
      fd_of_other(3);
      v.out.arg(v.spec.args[4].name);
      return v.out.pointer(v.arg(4));
    default: return print_args(v, 3, 5);
  }
}

// mknod's dev exists only for character and block devices: makedev(0x1, 0x3).
void mknod_like(const CallView& v, int mode_arg) {
  print_args(v, 0, mode_arg + 1);
  const std::uint64_t type = v.bits(mode_arg) & 0170000;
  if (type != 0020000 && type != 0060000) return;
  const std::uint64_t dev = v.bits(mode_arg + 1);  // the kernel's dev is 32 bits: major 12, minor 20
  const std::uint64_t major = (dev >> 8) & 0xfff;
  const std::uint64_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffull);
  v.out.arg("dev");
  v.out.verbatim(fmt::format("makedev({:#x}, {:#x})", major, minor));
}
void args_mknod(const CallView& v) { mknod_like(v, 1); }
void args_mknodat(const CallView& v) { mknod_like(v, 2); }

// socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP): the protocol's table depends on the domain.
// SOCK_STREAM|SOCK_CLOEXEC: the low four bits are one type, the rest flags; an unknown type shows
// the whole value: 0x3039 /* SOCK_??? */.
void print_socket_type(Emitter& out, std::uint64_t type) {
  std::string_view base;
  if (const XlatTable* t = find_xlat("socket_type_names")) base = xlat_name(*t, type & 0xf);
  if (base.empty()) {
    type ? out.hex(type) : out.uinteger(0);
    return out.decoded_comment("SOCK_???");
  }
  const std::uint64_t flags = type & ~0xfull;
  FlagSplit s;
  if (const XlatTable* t = find_xlat("socket_type_flags"); t && flags) s = xlat_split_flags(*t, flags);
  else s.rest = flags;
  const Emitter::FlagPart parts[] = {{{&base, 1}, type & 0xf, 0}, {s.names, flags, s.rest}};
  out.flag_parts(parts);
}

void socket_like(const CallView& v) {
  print_args(v, 0, 1);
  v.out.arg("type");
  print_socket_type(v.out, static_cast<std::uint32_t>(v.arg(1)));
  v.out.arg("protocol");
  const std::int32_t domain = v.iarg(0);
  std::string_view table = domain == 2 || domain == 10 ? "ip_protocols" : domain == 16 ? "netlink_protocols" : "";
  if (!table.empty() && find_xlat(table)) print_enum(v.out, table, static_cast<std::uint32_t>(v.arg(2)));
  else v.out.integer(v.iarg(2));
  print_args(v, 3, v.spec.nargs);
}

// mremap's new_address exists only when the caller asked for a fixed place.
void args_mremap(const CallView& v) {
  constexpr std::uint64_t kMaymoveFixed = 1 | 2;  // MREMAP_MAYMOVE | MREMAP_FIXED
  print_args(v, 0, 4);
  if ((v.arg(3) & kMaymoveFixed) == kMaymoveFixed) print_args(v, 4, 5);
}

// nanosleep's rem is written only when a signal cut the sleep short; otherwise strace shows the
// address it was given.
// An absolute sleep (clock_nanosleep's TIMER_ABSTIME) never writes it.
void sleep_like(const CallView& v, int rem_arg, bool absolute = false) {
  print_args(v, 0, rem_arg);
  v.out.arg(v.spec.args[static_cast<std::size_t>(rem_arg)].name);
  const Payload* p = v.call.payload(rem_arg);
  const bool interrupted = v.call.failed() && v.call.ret != -22 /* EINVAL */ && v.call.ret != -14 /* EFAULT */;
  if (v.arg(rem_arg) && p && !p->fault() && interrupted && !absolute && v.ctx.opts.deref &&
      decode_struct("timespec", p->bytes, v.ctx, v.out))
    return;
  v.out.pointer(v.arg(rem_arg));
}
void args_nanosleep(const CallView& v) { sleep_like(v, 1); }
void args_clock_nanosleep(const CallView& v) { sleep_like(v, 3, v.iarg(1) & 1 /* TIMER_ABSTIME */); }

// statx(..., AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, ...): the sync type is a two-bit field
// whose zero value has a name, then the AT_* flags; -X verbose shows the two apart,
// "0 /* AT_STATX_SYNC_AS_STAT */|0x900 /* AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT */". strace 6.1
// -X raw prints "|0x900" there, its zero sync type left empty (a bug, not copied): "0|0x900".
void args_statx(const CallView& v) {
  constexpr std::uint64_t kSyncMask = 0x6000;
  print_args(v, 0, 2);
  v.out.arg("flags");
  const std::uint64_t flags = static_cast<std::uint32_t>(v.arg(2));
  std::string_view sync;
  if (const XlatTable* t = find_xlat("statx_sync_types")) sync = xlat_name(*t, flags & kSyncMask);
  // An unnamed sync type (both bits) stays in the flags part, shown as a number.
  const std::uint64_t sync_bits = sync.empty() ? 0 : flags & kSyncMask;
  const std::uint64_t rest = flags & ~sync_bits;
  FlagSplit s;
  if (const XlatTable* t = find_xlat("at_flags"); t && rest) s = xlat_split_flags(*t, rest);
  else s.rest = rest;
  const Emitter::FlagPart parts[] = {{{&sync, sync.empty() ? 0u : 1u}, sync_bits, 0}, {s.names, rest, s.rest}};
  v.out.flag_parts(sync.empty() ? std::span(parts).subspan(1) : std::span(parts));
  print_args(v, 3, v.spec.nargs);
}

struct Override {
  std::string_view name;
  ArgsOverride fn;
};

// IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 7): an I/O priority as strace shows it (class in the top
// bits above 13, the level below).
std::string ioprio_text(std::uint64_t v) {
  static constexpr std::string_view kClasses[] = {"IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE",
                                                   "IOPRIO_CLASS_IDLE"};
  const std::uint64_t cls = (v >> 13) & 0x7, data = v & 0x1fff;
  if (cls < std::size(kClasses)) return fmt::format("IOPRIO_PRIO_VALUE({}, {})", kClasses[cls], data);
  return fmt::format("IOPRIO_PRIO_VALUE({:#x} /* IOPRIO_CLASS_??? */, {})", cls, data);
}

void args_ioprio_set(const CallView& v) {
  print_args(v, 0, 2);
  v.out.arg("ioprio");
  v.out.verbatim(ioprio_text(v.bits(2)));
}

// syslog(3 /* SYSLOG_ACTION_READ_ALL */, "<6>[...", 64) = 52, syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */):
// strace shows the action as a number with its name, and only the arguments the action uses.
void args_syslog(const CallView& v) {
  const std::int32_t action = v.iarg(0);
  auto numbered = [&](std::string_view table, std::int64_t value, std::string_view unknown) {
    v.out.integer(value);
    const XlatTable* t = find_xlat(table);
    const std::string_view name = t && value >= 0 ? xlat_name(*t, static_cast<std::uint64_t>(value)) : std::string_view();
    v.out.comment(name.empty() ? unknown : name);
  };
  v.out.arg("type");
  numbered("syslog_actions", action, "SYSLOG_ACTION_???");
  switch (action) {
    case 0: case 1: case 5: case 6: case 7: case 9: case 10:  // close, open, clear, console on/off, sizes
      return;
    case 8:  // SYSLOG_ACTION_CONSOLE_LEVEL: the buffer is unused, the length is a log level
      v.out.arg("bufp");
      v.out.pointer(v.arg(1));
      v.out.arg("len");
      return numbered("loglevels", v.iarg(2), "LOGLEVEL_???");
    default:
      print_args(v, 1, 3);
  }
}

constexpr Override kOverrides[] = {
    {"clock_nanosleep", args_clock_nanosleep},
    {"clone", args_clone},
    {"epoll_ctl", args_epoll_ctl},
    {"fanotify_mark", args_fanotify_mark},
    {"fcntl", args_fcntl},
    {"futex", args_futex},
    {"getsockopt", args_getsockopt},
    {"ioctl", args_ioctl},
    {"ioprio_set", args_ioprio_set},
    {"kcmp", args_kcmp},
    {"mknod", args_mknod},
    {"mknodat", args_mknodat},
    {"mq_open", args_open},
    {"mremap", args_mremap},
    {"nanosleep", args_nanosleep},
    {"open", args_open},
    {"openat", args_openat},
    {"prctl", args_prctl},
    {"setsockopt", args_setsockopt},
    {"socket", socket_like},
    {"socketpair", socket_like},
    {"statx", args_statx},
    {"syslog", args_syslog},
};

constexpr bool overrides_sorted() {
  for (std::size_t i = 1; i < std::size(kOverrides); ++i)
    if (!(kOverrides[i - 1].name < kOverrides[i].name)) return false;
  return true;
}
static_assert(overrides_sorted(), "kOverrides must stay sorted by syscall name");

}  // namespace

ArgsOverride find_args_override(std::string_view syscall) {
  auto it = std::lower_bound(std::begin(kOverrides), std::end(kOverrides), syscall,
                             [](const Override& o, std::string_view n) { return o.name < n; });
  return it != std::end(kOverrides) && it->name == syscall ? it->fn : nullptr;
}

namespace {

// "O_RDWR|O_LARGEFILE", then what no name covers in hex ("|0x200"): a set of flags as a result's
// decoration shows it.
std::string flags_text(std::span<const std::string_view> names, std::uint64_t rest) {
  std::string text;
  for (std::string_view n : names) text += (text.empty() ? "" : "|") + std::string(n);
  if (rest) text += fmt::format("{}{:#x}", text.empty() ? "" : "|", rest);
  return text;
}

// fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE); F_DUPFD returns a descriptor.
void result_fcntl(const SyscallCall& call, DecodeContext& ctx, CallResult& r) {
  const std::int32_t cmd = static_cast<std::int32_t>(call.args[1]);
  auto join = [](std::string_view table, std::uint64_t value, bool open_flags) {
    std::vector<std::string_view> names;
    std::uint64_t rest = value;
    if (open_flags) {
      if (const XlatTable* m = find_xlat("open_access_modes")) names.push_back(xlat_name(*m, value & 3));
      rest &= ~3ull;
    }
    if (const XlatTable* t = find_xlat(table)) {
      FlagSplit s = xlat_split_flags(*t, rest);
      if (rest) names.insert(names.end(), s.names.begin(), s.names.end());
      rest = rest ? s.rest : 0;
    }
    return "flags " + flags_text(names, rest);
  };
  if (cmd == F_GETFD) {
    r.kind = r.value ? CallResult::Kind::Hex : CallResult::Kind::Int;
    if (r.value) r.decoration = join("fd_flags", static_cast<std::uint64_t>(r.value), false);
  } else if (cmd == F_GETFL) {
    r.kind = r.value ? CallResult::Kind::Hex : CallResult::Kind::Int;
    r.decoration = join("open_flags", static_cast<std::uint64_t>(r.value), true);
  } else if (cmd == F_GETSIG) {  // = 14 (SIGALRM); 0 means SIGIO, shown bare
    const std::string name = r.value ? signal_name(static_cast<int>(r.value)) : std::string();
    if (!name.empty()) r.decoration = name;
  } else if (cmd == F_GETLEASE) {  // = 0x1 (F_WRLCK)
    r.kind = r.value ? CallResult::Kind::Hex : CallResult::Kind::Int;
    if (const XlatTable* t = find_xlat("flock_types")) {
      const std::string_view name = xlat_name(*t, static_cast<std::uint64_t>(r.value));
      if (!name.empty()) r.decoration = std::string(name);
    }
  } else if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
    r.kind = CallResult::Kind::Fd;
    if (ctx.opts.decorate_fds && ctx.fds) r.decoration = ctx.fds->describe_result(call.tgid, call.ret);
  }
}

// The part of a result strace prints in parentheses is text: render it with strace's punctuation.
std::string as_text(DecodeContext& ctx, const std::function<bool(Emitter&, DecodeContext&)>& print) {
  std::string text;
  TextEmitter e(text, TextOptions{});
  return print(e, ctx) ? text : std::string();
}

// poll(...) = 1 ([{fd=3, revents=POLLIN}]), ppoll adds ", left {...}"; 0 is a timeout. The revents
// come from the array captured at exit; -e verbose= without the call shows neither.
void result_poll(const SyscallCall& call, DecodeContext& ctx, CallResult& r, int timeout_arg) {
  if (r.value == 0) {
    r.decoration = "Timeout";
    return;
  }
  if (!ctx.opts.deref) return;
  const Payload* fds = exit_payload(call, 0);
  if (!fds) return;
  const std::size_t n = std::min<std::size_t>(fds->bytes.size() / 8, static_cast<std::uint32_t>(call.args[1]));
  r.decoration = as_text(ctx, [&](Emitter& e, DecodeContext&) {
    decode_pollfd_revents(std::string_view(fds->bytes).substr(0, n * 8), e);
    return true;
  });
  const Payload* left = timeout_arg >= 0 ? exit_payload(call, timeout_arg) : nullptr;
  if (left) r.decoration += ", left " + as_text(ctx, [&](Emitter& e, DecodeContext& c) {
    return decode_struct("timespec", left->bytes, c, e);
  });
}

// select(...) = 1 (in [3], left {tv_sec=0, tv_usec=999}): the sets and timeout written back.
// -e verbose= without the call: strace still lists the sets, but the time left is an address.
void result_select(const SyscallCall& call, DecodeContext& ctx, CallResult& r, std::string_view time_kind) {
  if (r.value == 0) {
    r.decoration = "Timeout";
    return;
  }
  const std::int32_t nfds = static_cast<std::int32_t>(call.args[0]);
  std::string text;
  static constexpr std::string_view kSets[] = {"in", "out", "except"};
  for (int i = 0; i < 3; ++i) {
    const Payload* set = exit_payload(call, i + 1);
    if (!set || nfds <= 0) continue;
    std::string fds;
    for (std::int32_t fd = 0; fd < nfds && static_cast<std::size_t>(fd / 8) < set->bytes.size(); ++fd) {
      if (!((static_cast<unsigned char>(set->bytes[fd / 8]) >> (fd % 8)) & 1)) continue;
      fds += (fds.empty() ? "" : " ") + std::to_string(fd);
    }
    if (fds.empty()) continue;
    text += fmt::format("{}{} [{}]", text.empty() ? "" : ", ", kSets[i], fds);
  }
  if (!ctx.opts.deref && call.args[4]) {
    text += fmt::format("{}left {:#x}", text.empty() ? "" : ", ", call.args[4]);
  } else if (const Payload* left = exit_payload(call, 4)) {
    std::string t = as_text(ctx, [&](Emitter& e, DecodeContext& c) { return decode_struct(time_kind, left->bytes, c, e); });
    if (!t.empty()) text += (text.empty() ? "left " : ", left ") + t;
  }
  r.decoration = text;
}

// rt_sigtimedwait(...) = 12 (SIGUSR2): the signal it took.
void result_rt_sigtimedwait(const SyscallCall&, DecodeContext&, CallResult& r) {
  const std::string name = signal_name(static_cast<int>(r.value));
  if (!name.empty()) r.decoration = name;
}

// ioprio_get(IOPRIO_WHO_PROCESS, 0) = 4 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 4))
void result_ioprio_get(const SyscallCall&, DecodeContext&, CallResult& r) { r.decoration = ioprio_text(r.value); }

// sched_getscheduler(0) = 0 (SCHED_OTHER). A policy with SCHED_RESET_ON_FORK or'ed in has no
// name in the table, and strace then shows the bare number; so does this.
void result_sched_getscheduler(const SyscallCall&, DecodeContext&, CallResult& r) {
  const XlatTable* t = find_xlat("sched_policies");
  const std::string_view name = t ? xlat_name(*t, r.value) : std::string_view();
  if (!name.empty()) r.decoration = std::string(name);
}

// membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1ff (MEMBARRIER_CMD_GLOBAL|...): the commands this
// kernel supports, as a set (the table also names MEMBARRIER_CMD_GET_REGISTRATIONS, 0x200, which
// strace 6.1 leaves as a number).
void result_membarrier(const SyscallCall& call, DecodeContext&, CallResult& r) {
  if (call.args[0] != 0 || r.value <= 0) return;  // MEMBARRIER_CMD_QUERY
  const XlatTable* t = find_xlat("membarrier_cmds");
  if (!t) return;
  const FlagSplit s = xlat_split_flags(*t, static_cast<std::uint64_t>(r.value));
  r.kind = CallResult::Kind::Hex;
  r.decoration = flags_text(s.names, s.rest);
}

}  // namespace

ResultOverride find_result_override(std::string_view syscall) {
  if (syscall == "fcntl") return result_fcntl;
  if (syscall == "prctl") return result_prctl;
  if (syscall == "ioctl") return result_ioctl;
  if (syscall == "ioprio_get") return result_ioprio_get;
  if (syscall == "membarrier") return result_membarrier;
  if (syscall == "sched_getscheduler") return result_sched_getscheduler;
  if (syscall == "rt_sigtimedwait") return result_rt_sigtimedwait;
  if (syscall == "poll") return [](const SyscallCall& c, DecodeContext& x, CallResult& r) { result_poll(c, x, r, -1); };
  if (syscall == "ppoll") return [](const SyscallCall& c, DecodeContext& x, CallResult& r) { result_poll(c, x, r, 2); };
  if (syscall == "select")
    return [](const SyscallCall& c, DecodeContext& x, CallResult& r) { result_select(c, x, r, "timeval"); };
  if (syscall == "pselect6")
    return [](const SyscallCall& c, DecodeContext& x, CallResult& r) { result_select(c, x, r, "timespec"); };
  return nullptr;
}

void override_result(std::string_view syscall, const SyscallCall& call, DecodeContext& ctx, CallResult& r) {
  if (call.failed()) return;
  if (ResultOverride f = find_result_override(syscall)) f(call, ctx, r);
}

namespace {

// The decoder the spec names, else the exception of that name.
ArgsOverride args_override_of(const SyscallInfo& info) {
  if (info.spec && info.spec->decoder) return info.spec->decoder;
  return find_args_override(info.name);
}

ResultOverride result_override_of(const SyscallInfo& info) {
  if (info.spec && info.spec->result_decoder) return info.spec->result_decoder;
  return find_result_override(info.name);
}

// By name once per syscall of the native table, then by position in it; out of line, so that
// the cached path below stays a few instructions.
[[gnu::noinline]] SyscallOverrides overrides_uncached(const SyscallInfo* info, bool& native_entry) {
  struct ByIndex {
    std::span<const SyscallInfo> infos;
    std::vector<SyscallOverrides> overrides;
  };
  static const ByIndex native = [] {
    ByIndex b;
    b.infos = SyscallTable::native().all();
    for (const auto& i : b.infos) b.overrides.push_back({args_override_of(i), result_override_of(i)});
    return b;
  }();
  const std::less<const SyscallInfo*> before;
  native_entry = !native.infos.empty() && !before(info, native.infos.data()) &&
                 before(info, native.infos.data() + native.infos.size());
  if (native_entry) return native.overrides[static_cast<std::size_t>(info - native.infos.data())];
  return {args_override_of(*info), result_override_of(*info)};
}

}  // namespace

SyscallOverrides overrides_of(const SyscallInfo* info) {
  if (!info) return {};
  // Asked twice per call (arguments, then result), for the few syscalls a program repeats:
  // the answers for native entries are remembered by address in a direct-mapped cache.
  struct Slot {
    const SyscallInfo* info = nullptr;
    SyscallOverrides overrides;
  };
  thread_local std::array<Slot, 64> cache;
  // Consecutive entries are consecutive syscall numbers: hashed, so that numbers 16 or 64
  // apart (openat and pread64) do not share a slot.
  const std::uint64_t k = reinterpret_cast<std::uintptr_t>(info) / sizeof(SyscallInfo);
  Slot& slot = cache[static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 58)];
  if (slot.info == info) return slot.overrides;
  bool native_entry = false;
  const SyscallOverrides o = overrides_uncached(info, native_entry);
  if (native_entry) slot = {info, o};
  return o;
}

}  // namespace etrace
