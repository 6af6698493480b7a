// Default argument printing by ArgKind, and the return value.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "decode/netlink.h"
#include "decode/printers.h"
#include "decode/struct_util.h"
#include "decode/structs.h"
#include "etrace/event.h"
#include "format/append.h"
#include "format/escape.h"
#include "xlat/xlat.h"


namespace etrace {

namespace {

constexpr std::int32_t kAtFdcwd = -100;

std::uint64_t sign_extend_int(std::uint64_t v) {
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(v)));
}

// getrandom's bytes: strace shows them all in \x form whatever -x says.
void print_hex_string(const CallView& v, std::string_view bytes, bool more) {
  if (bytes.size() > v.ctx.opts.max_strlen) {
    bytes = bytes.substr(0, v.ctx.opts.max_strlen);
    more = true;
  }
  std::string text;
  append_quoted(text, bytes, 2);
  if (more) text += "...";
  v.out.verbatim(text);
}

// NUL-separated strings, `count` of them, then "..." when the array went on.
void print_string_array(const CallView& v, const Payload& p) {
  v.out.begin_array();
  std::string_view rest = p.bytes;
  for (std::uint64_t i = 0; i < p.aux && !rest.empty(); ++i) {
    auto nul = rest.find('\0');
    std::string_view s = rest.substr(0, nul);
    v.out.element();
    print_cut_string(v, s, false);
    rest = nul == std::string_view::npos ? std::string_view{} : rest.substr(nul + 1);
  }
  if (p.truncated()) v.out.ellipsis();
  v.out.end_array();
}

}  // namespace

void print_cut_string(const CallView& v, std::string_view bytes, bool more) {
  std::uint32_t max = v.ctx.opts.max_strlen;
  if (bytes.size() > max) {
    bytes = bytes.substr(0, max);
    more = true;
  }
  v.out.string(bytes, more);
}

void print_fd(const CallView& v, std::int64_t fd) {
  if (fd >= 0 && v.ctx.opts.decorate_fds && v.ctx.fds) return v.out.fd(fd, v.ctx.fds->describe(v.call.tgid, fd));
  v.out.fd(fd, {});
}

void print_flags(Emitter& out, std::string_view table, std::uint64_t value) {
  const XlatTable* t = find_xlat(table);
  if (!t) return value ? out.hex(value) : out.uinteger(0);
  FlagSplit s = xlat_split_flags(*t, value);
  out.flags(s.names, value, s.rest);
  if (s.names.empty() && s.rest)
    if (const std::string placeholder = xlat_unknown_name(*t); !placeholder.empty()) out.decoded_comment(placeholder);
}

void print_enum(Emitter& out, std::string_view table, std::uint64_t raw, CType type) {
  const std::uint64_t value = ctype_bits_of(type, raw);
  // Tables hold negative constants (KEY_SPEC_*) sign-extended: an int's bits are looked up so too.
  const std::uint64_t as_int = value >> 32 == 0 ? sign_extend_int(value) : value;
  const XlatTable* t = find_xlat(table);
  if (t) {
    std::string_view n = xlat_name(*t, value);
    if (n.empty()) n = xlat_name(*t, as_int);
    if (t->kind == XlatKind::DecimalEnum) {
      if (!n.empty()) return out.symbol(n, static_cast<std::int64_t>(as_int), Emitter::Radix::Dec);
      return out.integer(static_cast<std::int64_t>(as_int));
    }
    if (!n.empty()) return out.symbol(n, static_cast<std::int64_t>(value), Emitter::Radix::Hex);
  }
  if (value == 0) out.uinteger(0);
  else out.hex(value);
  if (!t) return;
  if (const std::string placeholder = xlat_unknown_name(*t); !placeholder.empty()) out.decoded_comment(placeholder);
}

void print_signal(Emitter& out, std::int64_t sig) {
  std::string n = signal_name(static_cast<int>(sig));
  if (n.empty()) out.integer(sig);
  else out.symbol(n, sig, Emitter::Radix::Dec);
}

namespace {

// mode_text's text at `buf` (room for 64 bytes); its length, 0 when there is no type. Stat
// structs print a mode on every call: no string is built for it.
std::size_t write_mode_text(char* buf, std::uint64_t mode) {
  static const XlatTable* const types = find_xlat("file_types");
  const std::string_view type = types ? xlat_name(*types, mode & 0170000) : std::string_view{};
  if (type.empty()) return 0;
  char* p = buf;
  auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  put(type);
  if (mode & 04000) put("|S_ISUID");
  if (mode & 02000) put("|S_ISGID");
  if (mode & 01000) put("|S_ISVTX");
  *p++ = '|';
  p = write_octal(p, mode & 0777);  // "0{:02o}"
  return static_cast<std::size_t>(p - buf);
}

}  // namespace

// -X verbose: "0100644 /* S_IFREG|0644 */", and without a type "0644 /* 0644 */", as strace.
void print_mode(Emitter& out, std::uint64_t mode) {
  // Stat after stat shows the same few modes: the last one's text is kept.
  thread_local std::uint64_t last_mode = ~0ull;
  thread_local char text[64];
  thread_local std::size_t len = 0;
  if (mode != last_mode) {
    len = write_mode_text(text, mode);
    if (len == 0) len = static_cast<std::size_t>(write_octal(text, mode) - text);
    last_mode = mode;
  }
  out.symbol(std::string_view(text, len), static_cast<std::int64_t>(mode), Emitter::Radix::Oct);
}

// S_IFDIR|S_ISVTX|0777: with a file type the set-id and sticky bits are named; without one the
// whole mode is a plain octal number (chmod's 04755). Empty when there is no type.
std::string mode_text(std::uint64_t mode) {
  char buf[64];
  return std::string(buf, write_mode_text(buf, mode));
}

// O_RDONLY|O_CREAT|O_CLOEXEC: the access mode is a two-bit field, not a flag.
void print_open_flags(Emitter& out, std::uint64_t flags) {
  // Looked up once: every openat asks.
  static const XlatTable* const modes = find_xlat("open_access_modes");
  static const XlatTable* const table = find_xlat("open_flags");
  FlagNames names;  // the access mode and at most 62 flag bits
  std::uint64_t rest = flags;
  if (modes) {
    std::string_view m = xlat_name(*modes, flags & 3);
    if (!m.empty()) names.push_back(m);
    rest &= ~3ull;
  }
  if (table && rest) {
    FlagSplit s = xlat_split_flags(*table, rest);
    for (auto n : s.names) names.push_back(n);
    rest = s.rest;
  }
  out.flags(names, flags, rest);
}

// MAP_PRIVATE|MAP_FIXED|21<<MAP_HUGE_SHIFT, as strace shows mmap's flags: the map type (low four
// bits) as one constant, then the flags, then the huge page size's log2. strace keeps only the low
// 32 bits of what follows the type (its mask is an unsigned int), so the upper half never shows.
void print_mmap_flags(Emitter& out, std::uint64_t flags) {
  constexpr std::uint64_t kType = 0xf, kHugeShift = 26, kHuge = 0x3full << kHugeShift;
  static const XlatTable* const table = find_xlat("mmap_flags");
  std::string text;
  const std::string_view type = table ? xlat_name(*table, flags & kType) : std::string_view();
  if (!type.empty()) text = type;
  else text = fmt::format("{:#x} /* MAP_??? */", flags & kType);  // inside a comment under -X verbose too
  const std::uint64_t rest = flags & ~kType & ~kHuge & 0xffffffffull;
  if (rest && table) {
    const FlagSplit s = xlat_split_flags(*table, rest);
    for (std::string_view n : s.names) (text += '|') += n;
    if (s.rest) text += fmt::format("|{:#x}", s.rest);
  }
  if (const std::uint64_t huge = (flags & kHuge) >> kHugeShift) text += fmt::format("|{}<<MAP_HUGE_SHIFT", huge);
  out.symbol(text, static_cast<std::int64_t>(flags), Emitter::Radix::Hex);
}

// A NUMA policy mode as strace shows it: the mode, or MPOL_BIND|MPOL_F_STATIC_NODES with mode flags
// or'ed in; with flags and a mode it does not know, the whole value as flags.
void print_mempolicy_mode(Emitter& out, std::uint64_t mode_arg) {
  static const XlatTable* const modes = find_xlat("mempolicy_modes");
  static const XlatTable* const mode_flags = find_xlat("mempolicy_mode_flags");
  constexpr std::uint64_t kFlagsMask = 0x8000 | 0x4000 | 0x2000;
  const std::uint64_t flags = mode_arg & kFlagsMask, mode = mode_arg & ~kFlagsMask;
  if (!flags || !modes || !mode_flags) return print_enum(out, "mempolicy_modes", mode_arg);
  const std::string_view name = xlat_name(*modes, mode);
  if (name.empty()) return print_flags(out, "mempolicy_mode_flags", mode_arg);
  std::string text(name);
  for (std::string_view n : xlat_split_flags(*mode_flags, flags).names) (text += '|') += n;
  out.symbol(text, static_cast<std::int64_t>(mode_arg), Emitter::Radix::Hex);
}

// FAN_CLASS_CONTENT|FAN_CLOEXEC, as strace shows fanotify_init's flags: the class, then the flags,
// each with its own placeholder when unknown ("0xc /* FAN_CLASS_??? */|FAN_CLOEXEC"). One symbol,
// so -X raw and verbose show the number.
void print_fanotify_init_flags(Emitter& out, std::uint64_t flags) {
  constexpr std::uint64_t kClassBits = 0xc;
  static const XlatTable* const classes = find_xlat("fanotify_classes");
  static const XlatTable* const table = find_xlat("fanotify_init_flags");
  if (!classes || !table) return print_flags(out, "fanotify_init_flags", flags);
  const std::string_view cls = xlat_name(*classes, flags & kClassBits);
  std::string text = cls.empty() ? fmt::format("{:#x} /* FAN_CLASS_??? */", flags & kClassBits) : std::string(cls);
  if (const std::uint64_t rest = flags & ~kClassBits) {
    const FlagSplit s = xlat_split_flags(*table, rest);
    for (std::string_view n : s.names) (text += '|') += n;
    if (s.rest) text += fmt::format("|{:#x}", s.rest);
    if (s.rest && s.names.empty()) text += " /* FAN_??? */";
  }
  out.symbol(text, static_cast<std::int64_t>(flags), Emitter::Radix::Hex);
}

namespace {

[[gnu::noinline]] void print_arg_value_rest(const CallView& v, int i);

// A socket buffer on a netlink socket: its messages, from the longest copy that could be read.
// False when the socket is no netlink one.
bool print_netlink_arg(const CallView& v, int i) {
  if (!v.ctx.opts.deref) return false;
  int fd_arg = -1;
  for (int f = 0; f < v.spec.nargs && fd_arg < 0; ++f)
    if (v.spec.args[static_cast<std::size_t>(f)].kind == ArgKind::Fd) fd_arg = f;
  const std::optional<int> protocol = fd_arg >= 0 ? netlink_protocol_of(v.call, fd_arg) : std::nullopt;
  if (!protocol) return false;
  const std::uint64_t x = v.arg(i);
  const Payload* best = nullptr;
  for (const Payload& p : v.call.payloads)
    if (p.arg == i && p.type != ETRACE_PL_FDINFO && !p.fault() && (!best || p.bytes.size() > best->bytes.size()))
      best = &p;
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  if (x == 0 || !best) v.out.pointer(x);
  else print_netlink(v.out, v.ctx, *protocol, best->bytes, v.arg(a.len_arg), x);
  return true;
}

// (uid_t) -1 means "unchanged" to the kernel, and strace shows it as -1.
void print_id(Emitter& out, CType t, std::uint64_t raw) {
  const std::uint64_t b = ctype_bits_of(t, raw);
  if (b == ctype_bits_of(t, ~0ull)) return out.integer(-1);
  out.uinteger(b);
}

}  // namespace

void print_number(Emitter& out, CType t, std::uint64_t raw) {
  if (ctype_signed(t)) return out.integer(ctype_value(t, raw));
  out.uinteger(ctype_bits_of(t, raw));
}

// The kinds that are one number take a short path: the rest needs a large frame.
void print_arg_value(const CallView& v, int i) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  switch (a.kind) {
    case ArgKind::Int: return print_number(v.out, a.type, v.arg(i));
    case ArgKind::Uint: return v.out.uinteger(v.bits(i));
    case ArgKind::Ptr: return v.out.pointer(v.arg(i));
    case ArgKind::Fd: return print_fd(v, v.iarg(i));
    default: return print_arg_value_rest(v, i);
  }
}

namespace {

// A NUMA node mask, as strace shows it: (maxnode + 62) / 64 longs, each "%#016lx" (so
// "0x00000000000001", but 0 as sixteen zeros). maxnode is the argument the spec names.
void print_nodemask(const CallView& v, int i, const Payload* p) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  const std::uint64_t x = v.arg(i);
  const std::uint64_t longs = a.len_arg >= 0 ? (v.arg(a.len_arg) + 62) / 64 : 0;
  if (!x || !p || p->fault() || !v.ctx.opts.deref || longs == 0) return v.out.pointer(x);
  const structs::Bytes mask(p->bytes);
  const std::size_t shown = std::min<std::size_t>(longs, mask.size() / 8);
  v.out.begin_array();
  for (std::size_t k = 0; k < shown; ++k) {
    const std::uint64_t w = mask.get<std::uint64_t>(k * 8);
    v.out.element();
    v.out.verbatim(w ? fmt::format("{:#016x}", w) : std::string(16, '0'));
  }
  if (shown < longs) v.out.ellipsis();
  v.out.end_array();
}

void print_arg_value_rest(const CallView& v, int i) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  const std::uint64_t x = v.arg(i);
  // Only these kinds read a payload here: the others skip the search.
  const bool reads_payload = a.kind == ArgKind::Path || a.kind == ArgKind::String || a.kind == ArgKind::BufIn ||
                             a.kind == ArgKind::BufOut || a.kind == ArgKind::Argv || a.kind == ArgKind::Envp ||
                             a.kind == ArgKind::FdPair || a.kind == ArgKind::Custom;
  const Payload* p = reads_payload ? v.call.payload(i) : nullptr;
  const std::uint64_t b = v.bits(i);  // what the kernel reads of a number
  switch (a.kind) {
    case ArgKind::Int: return print_number(v.out, a.type, x);  // the short path takes these; kept for -Wswitch
    case ArgKind::Uint: return v.out.uinteger(b);
    case ArgKind::Id: return print_id(v.out, a.type, x);
    case ArgKind::Hex: return b == 0 ? v.out.uinteger(0) : v.out.hex(b);
    case ArgKind::Octal: return v.out.octal(b);
    case ArgKind::Ptr: return v.out.pointer(x);
    case ArgKind::Fd: return print_fd(v, v.iarg(i));
    case ArgKind::DirFd:
      if (v.iarg(i) == kAtFdcwd) {
        if (v.ctx.opts.decorate_fds && v.ctx.fds) {
          const std::string cwd = v.ctx.fds->describe(v.call.tgid, kAtFdcwd);
          if (!cwd.empty()) return v.out.verbatim("AT_FDCWD<" + cwd + ">");
        }
        return v.out.symbol("AT_FDCWD", kAtFdcwd, Emitter::Radix::Dec);
      }
      return print_fd(v, v.iarg(i));
    case ArgKind::Path:
    case ArgKind::String:
      if (x == 0 || !p || p->fault()) return v.out.pointer(x);
      if (a.kind == ArgKind::Path) return v.out.string(p->bytes, p->truncated());
      return print_cut_string(v, p->bytes, p->truncated());
    case ArgKind::BufIn: {
      if (a.detail == "sockbuf" && print_netlink_arg(v, i)) return;
      if (x == 0 || !p || p->fault()) return v.out.pointer(x);
      std::uint64_t asked = p->aux ? p->aux : v.arg(a.len_arg);
      return print_cut_string(v, p->bytes, asked > p->bytes.size() || p->truncated());
    }
    case ArgKind::BufOut: {
      if (!v.succeeded()) return v.out.pointer(x);
      if (v.call.ret == 0 && a.detail != "path") return v.out.string({}, false);
      if (!p || p->fault()) return v.out.pointer(x);
      std::string_view bytes = p->bytes;
      const bool more = static_cast<std::uint64_t>(v.call.ret) > bytes.size();
      if (a.detail == "path") {
        // Whole, not cut at -s; a capture that ended before the NUL shows strace's "..." mark.
        const std::size_t nul = bytes.find('\0');
        return v.out.string(bytes.substr(0, nul), nul == std::string_view::npos && more);
      }
      if (a.detail == "hex") return print_hex_string(v, bytes, more);
      return print_cut_string(v, bytes, more);
    }
    case ArgKind::Flags:
      if (a.detail == "open_flags") return print_open_flags(v.out, b);
      if (a.detail == "mmap_flags") return print_mmap_flags(v.out, b);
      if (a.detail == "fanotify_init_flags") return print_fanotify_init_flags(v.out, b);
      return print_flags(v.out, a.detail, b);
    case ArgKind::Enum:
      if (a.detail == "mempolicy_modes") return print_mempolicy_mode(v.out, b);
      return print_enum(v.out, a.detail, x, a.type);
    case ArgKind::Mode: return print_mode(v.out, b);
    case ArgKind::Signal: return print_signal(v.out, v.iarg(i));
    case ArgKind::StructIn:
    case ArgKind::StructInOut:  // shown as it went in; overrides add the value that came out
    case ArgKind::StructOut:
      if (!v.ctx.opts.deref) return print_address_only(v, i);
      return print_struct_arg(v, i);
    case ArgKind::SockaddrIn:
    case ArgKind::SockaddrOut:
      if (!v.ctx.opts.deref) return v.out.pointer(x);
      return print_sockaddr_arg(v, i, a.kind == ArgKind::SockaddrOut);
    case ArgKind::Argv:
      if (x == 0 || !p || p->fault() || !v.ctx.opts.deref) return v.out.pointer(x);
      return print_string_array(v, *p);
    case ArgKind::Envp:
      // -v captured the strings themselves: ["A=1", "B=22"]
      if (!v.ctx.opts.deref) return v.out.pointer(x);
      if (x && p && !p->fault() && p->type == ETRACE_PL_STRVEC) return print_string_array(v, *p);
      v.out.pointer(x);
      if (x && p && !p->fault()) {
        v.out.comment(fmt::format("{} var{}{}", p->aux, p->aux == 1 ? "" : "s", p->truncated() ? " (truncated)" : ""));
      }
      return;
    case ArgKind::FdPair: {
      if (!v.succeeded() || !p || p->fault() || p->bytes.size() < 8 || !v.ctx.opts.deref) return v.out.pointer(x);
      std::int32_t fds[2];
      std::memcpy(fds, p->bytes.data(), 8);
      v.out.begin_array();
      for (std::int32_t fd : fds) {
        v.out.element();
        print_fd(v, fd);
      }
      return v.out.end_array();
    }
    case ArgKind::Custom:
      if (a.detail == "nodemask_in" || a.detail == "nodemask_out") return print_nodemask(v, i, p);
      if (a.detail == "mempolicy_out") {  // get_mempolicy's mode: [MPOL_DEFAULT]
        if (!x || !p || p->fault() || p->bytes.size() < 4 || !v.ctx.opts.deref) return v.out.pointer(x);
        v.out.begin_array();
        v.out.element();
        print_enum(v.out, "mempolicy_modes", structs::Bytes(p->bytes).u32(0));
        return v.out.end_array();
      }
      if (a.detail == "sigframe") {  // rt_sigreturn: the mask it restores
        v.out.begin_struct();
        v.out.field("mask");
        if (!p || p->fault() || !decode_struct("sigset", p->bytes, v.ctx, v.out)) v.out.verbatim("?");
        return v.out.end_struct();
      }
      return b == 0 ? v.out.uinteger(0) : v.out.hex(b);
  }
}

}  // namespace

void print_arg(const CallView& v, int i) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  if (a.kind == ArgKind::Custom && a.detail == "hidden") return;
  v.out.arg(a.name);
  print_arg_value(v, i);
  if (v.ctx.pids) [[unlikely]] note_pid_arg(v, i);
}

void print_args(const CallView& v, int from, int to) {
  for (int i = from; i < to && i < v.spec.nargs; ++i) print_arg(v, i);
}

void decode_args(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx, Emitter& out) {
  const SyscallSpec& spec = info && info->spec ? *info->spec : generic_syscall_spec();
  CallView v{info, spec, call, ctx, out};
  ctx.tgid = call.tgid;
  ctx.pidns = call.pidns;
  ctx.struct_fds = true;
  if (ArgsOverride o = overrides_of(info).args) o(v);
  else print_args(v, 0, spec.nargs);
  ctx.struct_fds = false;
}

CallResult decode_result(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx) {
  const SyscallSpec& spec = info && info->spec ? *info->spec : generic_syscall_spec();
  CallResult r;
  if (!call.has_ret || spec.ret == RetKind::None) {
    r.kind = CallResult::Kind::Unknown;
    return r;
  }
  if (call.failed()) {
    int err = static_cast<int>(-call.ret);
    r.errno_name = errno_name(err);
    r.errno_text = errno_text(err);
    // A call a signal interrupted is restarted or fails later: strace shows "?" as its value.
    bool restart = err == 512 || err == 513 || err == 514 || err == 516;
    r.kind = restart ? CallResult::Kind::Unknown : CallResult::Kind::Int;
    r.value = call.ret;  // -errno: the text shows -1 beside a known name, JSON keeps it as ret_raw
    return r;
  }
  r.value = call.ret;
  switch (spec.ret) {
    case RetKind::Hex: r.kind = CallResult::Kind::Hex; break;
    case RetKind::Octal: r.kind = CallResult::Kind::Octal; break;
    case RetKind::Fd:
      r.kind = CallResult::Kind::Fd;
      if (ctx.opts.decorate_fds && ctx.fds && call.ret >= 0) r.decoration = ctx.fds->describe_result(call.tgid, call.ret);
      break;
    default: r.kind = CallResult::Kind::Int; break;
  }
  if (ResultOverride f = overrides_of(info).result) f(call, ctx, r);  // call.failed() returned above
  if (ctx.pids) [[unlikely]] note_pid_result(info, call, ctx, r);
  return r;
}

}  // namespace etrace
