// The struct-name dispatch and the value forms the struct printers share.
#include "decode/structs.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <ctime>
#include <vector>

#include "decode/printers.h"
#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace {

namespace structs {

void emit_hex(Emitter& out, std::uint64_t v) {
  if (v == 0) out.uinteger(0);
  else out.hex(v);
}

void emit_flags(Emitter& out, std::string_view table, std::uint64_t v) {
  const XlatTable* t = find_xlat(table);
  if (!t) return emit_hex(out, v);
  FlagSplit s = xlat_split_flags(*t, v);
  out.flags(s.names, v, s.rest);
}

void emit_enum(Emitter& out, std::string_view table, std::uint64_t v, std::string_view unknown, bool decimal) {
  if (const XlatTable* t = find_xlat(table)) {
    std::string_view n = xlat_name(*t, v);
    if (!n.empty()) return out.symbol(n, static_cast<std::int64_t>(v));
  }
  if (decimal) out.uinteger(v);
  else emit_hex(out, v);
  if (!unknown.empty()) out.comment(unknown);
}

void emit_mode(Emitter& out, std::uint32_t mode) { print_mode(out, mode); }

void emit_signal(Emitter& out, std::int64_t sig) {
  std::string n = signal_name(static_cast<int>(sig));
  if (n.empty()) out.integer(sig);
  else out.symbol(n, sig, Emitter::Radix::Dec);
}

void emit_clock_ticks(Emitter& out, std::int64_t ticks) {
  constexpr std::int64_t kUserHz = 100;  // USER_HZ, what the kernel scales clock_t to on x86_64
  out.integer(ticks);
  if (ticks > 0) out.decoded_comment(fmt::format("{}.{:02} s", ticks / kUserHz, ticks % kUserHz));
}

void emit_cstring(Emitter& out, std::string_view array) {
  const std::size_t nul = array.find('\0');
  out.string(array.substr(0, nul), nul == std::string_view::npos);
}

std::string time_text(std::int64_t sec, std::uint64_t nsec) {
  const std::time_t t = static_cast<std::time_t>(sec);
  std::tm tm{};
  if (!localtime_r(&t, &tm)) return {};
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, "%FT%T", &tm);
  if (n == 0) return {};
  std::string s(buf, n);
  if (nsec) s += fmt::format(".{:09}", nsec);
  n = std::strftime(buf, sizeof buf, "%z", &tm);
  s.append(buf, n);
  return s;
}

std::string sigset_text(std::string_view bytes) {
  const std::size_t nbits = bytes.size() * 8;
  std::vector<bool> set(nbits);
  std::size_t count = 0;
  for (std::size_t i = 0; i < nbits; ++i) {
    set[i] = (static_cast<unsigned char>(bytes[i / 8]) >> (i % 8)) & 1;
    count += set[i];
  }
  std::string s;
  const bool complement = count * 2 > nbits;
  if (complement) s.push_back('~');
  s.push_back('[');
  bool first = true;
  for (std::size_t i = 0; i < nbits; ++i) {
    if (set[i] == complement) continue;
    if (!first) s.push_back(' ');
    first = false;
    const int sig = static_cast<int>(i) + 1;
    std::string n = signal_name(sig);
    if (n.starts_with("SIG")) s.append(n, 3);
    else s += std::to_string(sig);
  }
  s.push_back(']');
  return s;
}

// tv_nsec and tv_usec are longs, but strace prints them unsigned (a garbage -1 is 18446744073709551615).
void emit_timespec(Emitter& out, const Bytes& b, std::size_t off) {
  out.begin_struct();
  out.field("tv_sec");
  out.integer(b.s64(off));
  out.field("tv_nsec");
  out.uinteger(b.u64(off + 8));
  out.end_struct();
}

void emit_timeval(Emitter& out, const Bytes& b, std::size_t off) {
  out.begin_struct();
  out.field("tv_sec");
  out.integer(b.s64(off));
  out.field("tv_usec");
  out.uinteger(b.u64(off + 8));
  out.end_struct();
}

}  // namespace structs

namespace {

using structs::Bytes;
using Printer = bool (*)(const Bytes&, DecodeContext&, Emitter&);

struct StructKind {
  std::string_view name;
  Printer print;
  std::uint16_t elem_size;  // one element, for the "name[]" array form
};

// Sorted by name.
constexpr StructKind kKinds[] = {
    {"cap_user_data", structs::print_cap_user_data, 24},
    {"cap_user_header", structs::print_cap_user_header, 8},
    {"clone_args", structs::print_clone_args, 64},
    {"epoll_event", structs::print_epoll_event, 12},
    {"fd_set", structs::print_fd_set, 0},
    {"flock", structs::print_flock, 32},
    {"flock_getlk", structs::print_flock_getlk, 32},
    {"iovec", structs::print_iovec, 0},
    {"itimerspec", structs::print_itimerspec, 32},
    {"itimerval", structs::print_itimerval, 32},
    {"linux_dirent", structs::print_dirents, 0},
    {"linux_dirent64", structs::print_dirents64, 0},
    {"open_how", structs::print_open_how, 24},
    {"pollfd", structs::print_pollfd, 0},
    {"rlimit", structs::print_rlimit, 16},
    {"rusage", structs::print_rusage, 144},
    {"sched_attr", structs::print_sched_attr, 56},
    {"sched_param", structs::print_sched_param, 4},
    {"sigaction", structs::print_sigaction, 32},
    {"sigevent", structs::print_sigevent, 64},
    {"siginfo", structs::print_siginfo, 128},
    {"sigset", structs::print_sigset, 8},
    {"sockaddr", structs::print_sockaddr, 0},
    {"stack_t", structs::print_stack_t, 24},
    {"stat", structs::print_stat, 144},
    {"statfs", structs::print_statfs, 120},
    {"statx", structs::print_statx, 256},
    {"sysinfo", structs::print_sysinfo, 112},
    {"timespec", structs::print_timespec, 16},
    {"timespec[2]", structs::print_utimens, 0},
    {"timeval", structs::print_timeval, 16},
    {"timeval[2]", structs::print_utimes, 0},
    {"timezone", structs::print_timezone, 8},
    {"tms", structs::print_tms, 32},
    {"utimbuf", structs::print_utimbuf, 16},
    {"utsname", structs::print_utsname, 390},
};

static_assert(std::ranges::is_sorted(kKinds, {}, &StructKind::name), "kKinds must stay sorted by name");

const StructKind* find_kind(std::string_view name) {
  // Asked on every struct argument, by the spec table's literal names: remember each answer by
  // the name's address and check the name on a hit (a temporary's address may be reused).
  struct Memo {
    const char* key = nullptr;
    const StructKind* kind = nullptr;
  };
  thread_local std::array<Memo, 64> memo;
  const auto addr = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(name.data()));
  Memo& m = memo[static_cast<std::size_t>((addr * 0x9E3779B97F4A7C15ull) >> 58)];
  if (m.key == name.data() && same_name(m.kind->name, name)) return m.kind;
  auto it = std::ranges::lower_bound(kKinds, name, {}, &StructKind::name);
  if (it == std::end(kKinds) || it->name != name) return nullptr;
  m = {name.data(), &*it};
  return &*it;
}

}  // namespace

namespace {

bool decode_kind(std::string_view name, bool array, std::string_view bytes, DecodeContext& ctx, Emitter& out) {
  const StructKind* k = find_kind(name);
  if (!k) return false;
  if (!array || k->elem_size == 0) return k->print(Bytes(bytes), ctx, out);
  // Check every element before emitting any: a false return must leave the slot empty.
  const std::size_t n = bytes.size() / k->elem_size;
  out.begin_array();
  for (std::size_t i = 0; i < n; ++i) {
    out.element();
    if (!k->print(Bytes(bytes.substr(i * k->elem_size, k->elem_size)), ctx, out)) out.ellipsis();
  }
  out.end_array();
  return true;
}

}  // namespace

bool decode_struct(std::string_view name, std::string_view bytes, DecodeContext& ctx, Emitter& out) {
  const bool array = name.ends_with("[]");
  if (array) name.remove_suffix(2);
  return decode_kind(name, array, bytes, ctx, out);
}

bool decode_struct_array(std::string_view elem_name, std::string_view bytes, DecodeContext& ctx, Emitter& out) {
  return decode_kind(elem_name, true, bytes, ctx, out);
}

bool decode_struct_at(std::string_view name, std::uint64_t addr, std::string_view bytes, DecodeContext& ctx,
                      Emitter& out) {
  if (!ctx.opts.verbose && (name == "linux_dirent64" || name == "linux_dirent")) {
    const Bytes b(bytes);
    const std::size_t n = name == "linux_dirent64" ? structs::count_dirents64(b) : structs::count_dirents(b);
    out.pointer(addr);
    out.comment(fmt::format("{} entries", n));
    return true;
  }
  return decode_struct(name, bytes, ctx, out);
}

void decode_sockaddr(std::string_view bytes, DecodeContext& ctx, Emitter& out) {
  structs::print_sockaddr(Bytes(bytes), ctx, out);
}

void decode_sockaddr(std::string_view bytes, Emitter& out) {
  DecodeContext ctx;
  structs::print_sockaddr(Bytes(bytes), ctx, out);
}

void decode_siginfo(std::string_view bytes, DecodeContext& ctx, Emitter& out) {
  if (!structs::print_siginfo(Bytes(bytes), ctx, out)) {
    out.begin_struct();
    out.end_struct();
  }
}

}  // namespace etrace
