// Struct, array and sockaddr arguments: choosing the captured copy (entry or exit), trimming it
// to what the call says is valid, then handing it to the struct printers (structs.h).
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "decode/printers.h"
#include "decode/structs.h"
#include "etrace/event.h"
#include "xlat/xlat.h"

namespace etrace {

namespace {

std::int32_t int_at(std::string_view bytes) {
  std::int32_t x = 0;
  std::memcpy(&x, bytes.data(), std::min<std::size_t>(4, bytes.size()));
  return x;
}

void print_int_in_brackets(Emitter& out, std::int64_t n) {
  out.begin_array();
  out.element();
  out.integer(n);
  out.end_array();
}

// [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], as strace shows a wait status.
void print_wait_status(Emitter& out, std::int32_t s) {
  std::string text;
  if ((s & 0x7f) == 0) {
    text = fmt::format("WIFEXITED(s) && WEXITSTATUS(s) == {}", (s >> 8) & 0xff);
  } else if ((s & 0xff) == 0x7f) {
    std::string sig = signal_name((s >> 8) & 0xff);
    text = fmt::format("WIFSTOPPED(s) && WSTOPSIG(s) == {}", sig.empty() ? std::to_string((s >> 8) & 0xff) : sig);
    if (s >> 16) text += fmt::format(" && s >> 16 == {}", s >> 16);
  } else if (s == 0xffff) {
    text = "WIFCONTINUED(s)";
  } else {
    std::string sig = signal_name(s & 0x7f);
    text = fmt::format("WIFSIGNALED(s) && WTERMSIG(s) == {}", sig.empty() ? std::to_string(s & 0x7f) : sig);
    if (s & 0x80) text += " && WCOREDUMP(s)";
  }
  out.begin_array();
  out.element();
  out.verbatim("{" + text + "}");
  out.end_array();
}

// gid_t lists (getgroups, setgroups): [0, 4, 27]; (gid_t) -1 shows as -1, as in a gid argument.
void print_gid_array(Emitter& out, std::string_view bytes) {
  out.begin_array();
  for (std::size_t off = 0; off + 4 <= bytes.size(); off += 4) {
    std::uint32_t x;
    std::memcpy(&x, bytes.data() + off, 4);
    out.element();
    if (x == 0xffffffffu) out.integer(-1);
    else out.uinteger(x);
  }
  out.end_array();
}

// A CPU mask: the numbers of the bits set, [0 1].
void print_cpu_set(Emitter& out, std::string_view bytes) {
  std::string text = "[";
  for (std::size_t i = 0; i < bytes.size() * 8; ++i) {
    if (!((static_cast<unsigned char>(bytes[i / 8]) >> (i % 8)) & 1)) continue;
    if (text.size() > 1) text.push_back(' ');
    text += std::to_string(i);
  }
  out.verbatim(text + "]");
}

// select's sets hold only the fds below nfds: whole bytes, then the top byte masked.
std::string cut_fd_set(std::string_view bytes, std::int32_t nfds) {
  if (nfds <= 0) return {};
  const std::size_t want = (static_cast<std::size_t>(nfds) + 7) / 8;
  std::string b(bytes.substr(0, want));
  if (b.size() == want && nfds % 8) b.back() = static_cast<char>(b.back() & ((1u << (nfds % 8)) - 1));
  return b;
}

// The argument that gives the size of the call's sigsets (rt_sigprocmask's sigsetsize), or -1.
int sigset_size_arg(const SyscallSpec& spec) {
  for (std::size_t i = 0; i < spec.nargs; ++i) {
    const std::string_view n = spec.args[i].name;
    if (n == "sigsetsize" || n == "sizemask" || n == "sigsz") return static_cast<int>(i);
  }
  return -1;
}

// Arrays whose element count the return value gives (epoll_wait's events, recvmmsg's msgvec);
// iovec counts are bytes, not elements.
bool ret_counts_elements(std::string_view name) { return name != "iovec" && name != "pollfd"; }

}  // namespace

const Payload* entry_payload(const SyscallCall& call, int arg) {
  const Payload* exit_copy = nullptr;
  for (const auto& p : call.payloads) {
    if (p.arg != arg) continue;
    if (!(p.flags & ETRACE_PLF_AT_EXIT) && !p.fault()) return &p;
    if ((p.flags & ETRACE_PLF_AT_EXIT) && !p.fault()) exit_copy = &p;  // an input refetched at exit
  }
  return exit_copy ? exit_copy : call.payload(arg);
}

const Payload* exit_payload(const SyscallCall& call, int arg) {
  for (const auto& p : call.payloads)
    if (p.arg == arg && (p.flags & ETRACE_PLF_AT_EXIT) && !p.fault()) return &p;
  return nullptr;
}

namespace {

// [{iov_base="abc", iov_len=3}, ...] from `count` etrace_iov_piece entries at the front of
// `rest` (consumed). A buffer the call moved nothing through shows "", as strace shows it; a
// NULL one shows NULL, and one that could not be read its address.
void print_iov_pieces(const CallView& v, std::string_view& rest, std::uint64_t count, bool more) {
  v.out.begin_array();
  for (std::uint64_t k = 0; k < count; ++k) {
    etrace_iov_piece piece;
    if (rest.size() < sizeof(piece)) break;
    std::memcpy(&piece, rest.data(), sizeof(piece));
    rest.remove_prefix(sizeof(piece));
    const std::size_t n = std::min<std::size_t>(piece.captured, rest.size());
    v.out.element();
    v.out.begin_struct();
    v.out.field("iov_base");
    if (piece.iov_base == 0 || (piece.flags & ETRACE_IOV_FAULT)) v.out.pointer(piece.iov_base);
    else print_cut_string(v, rest.substr(0, n), piece.shown > n);
    v.out.field("iov_len");
    v.out.uinteger(piece.iov_len);
    v.out.end_struct();
    rest.remove_prefix(std::min<std::size_t>((n + 7) & ~std::size_t{7}, rest.size()));
  }
  if (more) v.out.ellipsis();
  v.out.end_array();
}

bool print_iov_data(const CallView& v, const Payload& p) {
  std::string_view rest = p.bytes;
  print_iov_pieces(v, rest, p.aux, p.truncated());
  return true;
}

template <typename T>
T load(std::string_view bytes, std::size_t at) {
  T value{};
  if (bytes.size() >= at + sizeof(T)) std::memcpy(&value, bytes.data() + at, sizeof(T));
  return value;
}

// msg_control: [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}]
void print_cmsgs(const CallView& v, std::string_view control) {
  v.out.begin_array();
  while (control.size() >= 16) {
    const auto len = load<std::uint64_t>(control, 0);
    const auto level = load<std::int32_t>(control, 8);
    const auto type = load<std::int32_t>(control, 12);
    if (len < 16) break;
    const std::string_view data = control.substr(16, std::min<std::size_t>(len - 16, control.size() - 16));
    v.out.element();
    v.out.begin_struct();
    v.out.field("cmsg_len");
    v.out.uinteger(len);
    v.out.field("cmsg_level");
    print_enum(v.out, "socket_levels", static_cast<std::uint64_t>(level));
    v.out.field("cmsg_type");
    const bool sol_socket = level == 1;
    if (sol_socket && type == 1) v.out.symbol("SCM_RIGHTS", type);
    else if (sol_socket && type == 2) v.out.symbol("SCM_CREDENTIALS", type);
    else v.out.integer(type);
    v.out.field("cmsg_data");
    if (sol_socket && type == 1) {
      v.out.begin_array();
      for (std::size_t at = 0; at + 4 <= data.size(); at += 4) {
        v.out.element();
        print_fd(v, load<std::int32_t>(data, at));
      }
      v.out.end_array();
    } else if (sol_socket && type == 2 && data.size() >= 12) {
      v.out.begin_struct();
      v.out.field("pid");
      v.out.integer(load<std::int32_t>(data, 0));
      v.out.field("uid");
      v.out.uinteger(load<std::uint32_t>(data, 4));
      v.out.field("gid");
      v.out.uinteger(load<std::uint32_t>(data, 8));
      v.out.end_struct();
    } else {
      v.out.string(data, false);
    }
    v.out.end_struct();
    const std::size_t step = (len + 7) & ~std::uint64_t{7};
    if (step >= control.size()) break;
    control.remove_prefix(step);
  }
  v.out.end_array();
}

// sendmsg/recvmsg: {msg_name=..., msg_namelen=16, msg_iov=[...], msg_iovlen=1, msg_control=[...],
// msg_controllen=24, msg_flags=0}
// One msghdr blob from the front of `blob`; returns the bytes it took (0: malformed).
std::size_t print_msghdr_blob(const CallView& v, std::string_view blob,
                              std::optional<std::uint32_t> namelen_in = std::nullopt) {
  etrace_msghdr_head head;
  if (blob.size() < sizeof(head)) return 0;
  std::memcpy(&head, blob.data(), sizeof(head));
  const std::string_view m(reinterpret_cast<const char*>(head.msghdr), sizeof(head.msghdr));
  std::string_view rest = blob.substr(sizeof(head));
  v.out.begin_struct();
  v.out.field("msg_name");
  const auto name = load<std::uint64_t>(m, 0);
  if (!name) v.out.pointer(0);
  else if (head.name_len >= 2) decode_sockaddr(rest.substr(0, std::min<std::size_t>(head.name_len, rest.size())), v.ctx, v.out);
  else v.out.pointer(name);
  rest.remove_prefix(std::min<std::size_t>((head.name_len + 7u) & ~7u, rest.size()));
  v.out.field("msg_namelen");
  const std::uint32_t namelen = load<std::uint32_t>(m, 8);
  if (namelen_in && *namelen_in != namelen) {
    v.out.uinteger(*namelen_in);
    v.out.changed("msg_namelen");
  }
  v.out.uinteger(namelen);
  v.out.field("msg_iov");
  const auto iov = load<std::uint64_t>(m, 16);
  if (!iov) v.out.pointer(0);
  else print_iov_pieces(v, rest, head.iov_pieces, head.more_iov != 0);
  v.out.field("msg_iovlen");
  v.out.uinteger(load<std::uint64_t>(m, 24));
  const auto control = load<std::uint64_t>(m, 32);
  if (load<std::uint64_t>(m, 40)) {  // strace leaves msg_control out when msg_controllen is 0
    v.out.field("msg_control");
    if (!control || !head.control_len) v.out.pointer(control);
    else print_cmsgs(v, rest.substr(0, std::min<std::size_t>(head.control_len, rest.size())));
  }
  v.out.field("msg_controllen");
  v.out.uinteger(load<std::uint64_t>(m, 40));
  v.out.field("msg_flags");
  print_flags(v.out, "msg_flags", load<std::uint32_t>(m, 48));
  v.out.end_struct();
  if (control && head.control_len)
    rest.remove_prefix(std::min<std::size_t>((head.control_len + 7u) & ~7u, rest.size()));
  return blob.size() - rest.size();
}

void print_msghdr(const CallView& v, const Payload& p) {
  // recvmsg: msg_namelen as the call got it (an entry copy of the msghdr's first 12 bytes).
  std::optional<std::uint32_t> namelen_in;
  if (const Payload* in = (p.flags & ETRACE_PLF_AT_EXIT) ? entry_payload(v.call, 1) : nullptr;
      in && in->type == ETRACE_PL_BYTES && !in->fault() && in->bytes.size() >= 12)
    namelen_in = load<std::uint32_t>(in->bytes, 8);
  if (!print_msghdr_blob(v, p.bytes, namelen_in)) v.out.pointer(v.arg(1));
}

// sendmmsg/recvmmsg: [{msg_hdr={...}, msg_len=3}, ...]
void print_mmsghdrs(const CallView& v, const Payload& p) {
  std::string_view rest = p.bytes;
  v.out.begin_array();
  for (std::uint64_t k = 0; k < p.aux && rest.size() >= 8; ++k) {
    const auto msg_len = load<std::uint64_t>(rest, 0);
    rest.remove_prefix(8);
    v.out.element();
    v.out.begin_struct();
    v.out.field("msg_hdr");
    const std::size_t used = print_msghdr_blob(v, rest);
    if (!used) {
      v.out.verbatim("?");
      v.out.end_struct();
      break;
    }
    rest.remove_prefix(used);
    v.out.field("msg_len");
    v.out.uinteger(msg_len);
    v.out.end_struct();
  }
  if (p.truncated()) v.out.ellipsis();
  v.out.end_array();
}

}  // namespace

namespace {

void print_int64_in_brackets(Emitter& out, std::string_view detail, std::string_view bytes) {
  out.begin_array();
  out.element();
  if (detail == "uint64") out.uinteger(load<std::uint64_t>(bytes, 0));
  else out.integer(load<std::int64_t>(bytes, 0));
  out.end_array();
}

// [16], or for one the call reads and writes back (sendfile's offset) `[0] => [16]` when the
// call changed it.
void print_int64_arg(const CallView& v, int i, std::string_view in) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  print_int64_in_brackets(v.out, a.detail, in);
  const Payload* out = shows_written_back(a) && v.succeeded() ? exit_payload(v.call, i) : nullptr;
  if (!out || out->bytes.size() < 8 || out->bytes.substr(0, 8) == in.substr(0, 8)) return;
  v.out.changed(a.name);
  print_int64_in_brackets(v.out, a.detail, out->bytes);
}

}  // namespace

bool shows_written_back(const ArgSpec& a) {
  return a.kind == ArgKind::StructInOut && (a.detail == "int64" || a.detail == "uint64");
}

void print_address_only(const CallView& v, int i) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  if (a.kind == ArgKind::StructOut && a.len_arg >= 0 && a.size && v.arg(i) && v.succeeded() && v.call.ret == 0 &&
      ret_counts_elements(a.detail)) {
    v.out.begin_array();
    return v.out.end_array();
  }
  v.out.pointer(v.arg(i));
}

void print_struct_arg(const CallView& v, int i) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  const bool out_kind = a.kind == ArgKind::StructOut;
  const std::uint64_t addr = v.arg(i);
  if (addr == 0 || (out_kind && !v.succeeded())) return v.out.pointer(addr);
  // The argument's structured payload, if any (recvmsg also has a plain entry copy of the
  // msghdr's head, for msg_namelen). An iovec array read whole but with a buffer that could not
  // be is still shown, that buffer as its address (strace's way); FAULT with no pieces means
  // the array itself failed.
  for (const auto& p : v.call.payloads) {
    if (p.arg != i || (p.fault() && !(p.type == ETRACE_PL_IOV && p.aux > 0))) continue;
    switch (p.type) {
      case ETRACE_PL_IOV: print_iov_data(v, p); return;
      case ETRACE_PL_MSGHDR: return print_msghdr(v, p);
      case ETRACE_PL_MMSGHDR: return print_mmsghdrs(v, p);
      default: break;
    }
  }
  std::string_view name = a.detail;
  if (name == "socklen") return print_socklen_arg(v, i);
  // A sigset the call reads as many bytes of as another argument says: strace reads it only
  // when that is the kernel's size, 8 (rt_sigpending: up to 8), and shows the address otherwise.
  std::size_t sigset_size = 0;
  if (name == "sigset")
    if (const int n = sigset_size_arg(v.spec); n >= 0) {
      const std::uint64_t least = v.spec.name == "rt_sigpending" ? 1 : 8;
      if (v.arg(n) < least || v.arg(n) > 8) return v.out.pointer(addr);
      sigset_size = static_cast<std::size_t>(v.arg(n));
    }
  // getdents: a call that returned 0 filled nothing, and nothing was captured.
  if (out_kind && a.size == 0 && v.call.ret == 0) {
    if (v.ctx.opts.verbose) {
      v.out.begin_array();
      return v.out.end_array();
    }
    v.out.pointer(addr);
    return v.out.comment("0 entries");
  }
  // The kernel counted the records the call returned (the capture may hold fewer).
  if (out_kind && a.size == 0 && !v.ctx.opts.verbose) {
    for (const auto& p : v.call.payloads)
      if (p.arg == i && p.type == ETRACE_PL_COUNT) {
        v.out.pointer(addr);
        return v.out.comment(fmt::format("{} entries", p.aux));
      }
  }
  // getgroups(0, []): a list of no entries is not read at all.
  if (name == "gid_t" && a.len_arg >= 0 && v.iarg(a.len_arg) == 0) {
    v.out.begin_array();
    return v.out.end_array();
  }
  const Payload* p = out_kind ? v.call.payload(i) : entry_payload(v.call, i);
  if (p && p->type == ETRACE_PL_COUNT) {  // getdents64's entry count rides beside its buffer
    p = nullptr;
    for (const auto& q : v.call.payloads)
      if (q.arg == i && q.type == ETRACE_PL_BYTES && !q.fault()) {
        p = &q;
        break;
      }
  }
  if (!p || p->fault()) return v.out.pointer(addr);
  std::string_view bytes = p->bytes;
  if (sigset_size) {
    if (bytes.size() < sigset_size) return v.out.pointer(addr);  // it ends in unmapped memory
    bytes = bytes.substr(0, sigset_size);
  }
  // A siginfo is read whole or not at all (strace's umove): one cut short by a page end is an
  // address.
  if (name == "siginfo" && a.size && bytes.size() < a.size) return v.out.pointer(addr);
  if (name == "int" && bytes.size() >= 4) return print_int_in_brackets(v.out, int_at(bytes));
  if ((name == "int64" || name == "uint64") && bytes.size() >= 8) return print_int64_arg(v, i, bytes);
  if (name == "wait_status") {
    // WNOHANG with no child ready returns 0 and writes nothing.
    if (v.call.ret == 0 || bytes.size() < 4) return v.out.pointer(addr);
    return print_wait_status(v.out, int_at(bytes));
  }
  if (name == "cpu_set") return print_cpu_set(v.out, bytes);
  bool array = false;
  if (a.len_arg >= 0 && a.size) {
    std::uint64_t n = static_cast<std::uint32_t>(v.arg(a.len_arg));
    if (out_kind && ret_counts_elements(name)) n = std::min<std::uint64_t>(n, static_cast<std::uint64_t>(v.call.ret));
    bytes = bytes.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), n * a.size)));
    if (name == "gid_t") return print_gid_array(v.out, bytes);
    array = true;
  }
  std::string cut;
  if (!array && name == "fd_set") {
    cut = cut_fd_set(bytes, v.iarg(0));
    bytes = cut;
  }
  const bool ok = array         ? decode_struct_array(name, bytes, v.ctx, v.out)
                  : a.size == 0 ? decode_struct_at(name, addr, bytes, v.ctx, v.out)
                                : decode_struct(name, bytes, v.ctx, v.out);
  if (!ok) return v.out.pointer(addr);
  // clone3 in the parent: the tid it stored through parent_tid (CLONE_PARENT_SETTID).
  constexpr std::uint64_t kCloneParentSettid = 0x00100000;
  if (!array && name == "clone_args" && v.call.ret > 0 && bytes.size() >= 8 &&
      (load<std::uint64_t>(bytes, 0) & kCloneParentSettid)) {
    const Payload* tid = exit_payload(v.call, i);
    if (tid && !tid->fault() && tid->bytes.size() >= 4)
      v.out.verbatim(fmt::format(" => {{parent_tid=[{}]}}", load<std::int32_t>(tid->bytes, 0)));
  }
}

// accept(3, {sa_family=AF_INET, ...}, [16]): exactly addrlen bytes, the length the kernel wrote
// back for outputs (the capture's aux) but never more than the buffer the caller offered.
void print_sockaddr_arg(const CallView& v, int i, bool out_kind) {
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(i)];
  const std::uint64_t addr = v.arg(i);
  const Payload* p = v.call.payload(i);
  if (addr == 0 || !p || p->fault() || (out_kind && !v.succeeded())) return v.out.pointer(addr);
  std::size_t len = p->bytes.size();
  if (!out_kind && a.len_arg >= 0) len = std::min<std::size_t>(len, static_cast<std::uint32_t>(v.arg(a.len_arg)));
  if (out_kind) {
    len = std::min<std::size_t>(len, p->aux);
    const std::int64_t offered = socklen_at_entry(v, a.len_arg);
    if (offered >= 0) len = std::min<std::size_t>(len, static_cast<std::size_t>(offered));
  }
  if (len < 2) return v.out.pointer(addr);
  decode_sockaddr(std::string_view(p->bytes).substr(0, len), v.ctx, v.out);
}

std::int64_t socklen_at_entry(const CallView& v, int len_arg) {
  if (len_arg < 0 || v.arg(len_arg) == 0) return -1;
  const ArgSpec& a = v.spec.args[static_cast<std::size_t>(len_arg)];
  if (a.detail != "socklen") return -1;
  const Payload* p = entry_payload(v.call, len_arg);
  if (!p || p->fault() || p->bytes.size() < 4) return -1;
  return int_at(p->bytes);
}

// [128 => 16]: the length offered at entry and the one the kernel wrote back, when they differ.
void print_socklen_arg(const CallView& v, int i) {
  const std::int64_t in = socklen_at_entry(v, i);
  if (in < 0) return v.out.pointer(v.arg(i));
  // The length written back is what the buffer argument's capture read through this pointer.
  std::int64_t back = -1;
  if (v.succeeded()) {
    for (const auto& p : v.call.payloads) {
      if (p.arg == i || p.arg >= v.spec.nargs || !(p.flags & ETRACE_PLF_AT_EXIT)) continue;
      const ArgSpec& b = v.spec.args[p.arg];
      if (b.len_arg == i && (b.kind == ArgKind::SockaddrOut)) back = static_cast<std::int64_t>(p.aux);
    }
  }
  if (back < 0 || back == in) return print_int_in_brackets(v.out, in);
  v.out.begin_array();
  v.out.element();
  v.out.verbatim(fmt::format("{} => {}", in, back));
  v.out.end_array();
}

}  // namespace etrace
