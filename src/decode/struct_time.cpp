// Times and process accounting (timespec, timeval, itimers, rusage, tms, rlimit), system
// description (utsname, sysinfo), and the small process structs (sched_param, clone_args, open_how).
#include <fmt/format.h>

#include <vector>

#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace::structs {

namespace {

// strace's rlimit form: RLIM64_INFINITY, 8192*1024 for whole KiB multiples above 1024 (named
// values, with the number beside them under -X verbose), or the number.
void emit_rlim(Emitter& out, std::uint64_t v) {
  using Radix = Emitter::Radix;
  if (v == ~0ull) return out.symbol("RLIM64_INFINITY", static_cast<std::int64_t>(v), Radix::Udec);
  if (v > 1024 && v % 1024 == 0)
    return out.symbol(fmt::format("{}*1024", v / 1024), static_cast<std::int64_t>(v), Radix::Udec);
  out.uinteger(v);
}

void emit_time_with_comment(Emitter& out, std::string_view name, std::int64_t sec) {
  out.field(name);
  out.integer(sec);
  if (sec) {
    std::string t = time_text(sec, 0);
    if (!t.empty()) out.comment(t);
  }
}

}  // namespace

bool print_timespec(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 16) return false;
  emit_timespec(out, b, 0);
  return true;
}

bool print_timeval(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 16) return false;
  emit_timeval(out, b, 0);
  return true;
}

// utimensat's times: [{tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 */, UTIME_NOW]
bool print_utimens(const Bytes& b, DecodeContext&, Emitter& out) {
  constexpr std::int64_t kUtimeNow = (1l << 30) - 1, kUtimeOmit = (1l << 30) - 2;
  if (b.size() < 32) return false;
  out.begin_array();
  for (std::size_t off = 0; off < 32; off += 16) {
    out.element();
    const std::int64_t sec = b.s64(off), nsec = b.s64(off + 8);
    if (nsec == kUtimeNow) {
      out.symbol("UTIME_NOW", nsec);
    } else if (nsec == kUtimeOmit) {
      out.symbol("UTIME_OMIT", nsec);
    } else {
      emit_timespec(out, b, off);
      if (sec || nsec) {
        std::string t = time_text(sec, static_cast<std::uint64_t>(nsec));
        if (!t.empty()) out.comment(t);
      }
    }
  }
  out.end_array();
  return true;
}

// utimes/futimesat's times, shown like utimensat's (the date from seconds and microseconds).
bool print_utimes(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 32) return false;
  out.begin_array();
  for (std::size_t off = 0; off < 32; off += 16) {
    out.element();
    const std::int64_t sec = b.s64(off), usec = b.s64(off + 8);
    emit_timeval(out, b, off);
    if (sec || usec) {
      std::string t = time_text(sec, static_cast<std::uint64_t>(usec) * 1000);
      if (!t.empty()) out.comment(t);
    }
  }
  out.end_array();
  return true;
}

bool print_timezone(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 8) return false;
  out.begin_struct();
  out.field("tz_minuteswest");
  out.integer(b.s32(0));
  out.field("tz_dsttime");
  out.integer(b.s32(4));
  out.end_struct();
  return true;
}

bool print_itimerspec(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 32) return false;
  out.begin_struct();
  out.field("it_interval");
  emit_timespec(out, b, 0);
  out.field("it_value");
  emit_timespec(out, b, 16);
  out.end_struct();
  return true;
}

bool print_itimerval(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 32) return false;
  out.begin_struct();
  out.field("it_interval");
  emit_timeval(out, b, 0);
  out.field("it_value");
  emit_timeval(out, b, 16);
  out.end_struct();
  return true;
}

bool print_rlimit(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 16) return false;
  out.begin_struct();
  out.field("rlim_cur");
  emit_rlim(out, b.u64(0));
  out.field("rlim_max");
  emit_rlim(out, b.u64(8));
  out.end_struct();
  return true;
}

bool print_rusage(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  if (b.size() < 144) return false;
  out.begin_struct();
  out.field("ru_utime");
  emit_timeval(out, b, 0);
  out.field("ru_stime");
  emit_timeval(out, b, 16);
  if (ctx.opts.verbose) {
    const char* const names[] = {"ru_maxrss", "ru_ixrss",  "ru_idrss",  "ru_isrss",  "ru_minflt",
                                 "ru_majflt", "ru_nswap",  "ru_inblock", "ru_oublock", "ru_msgsnd",
                                 "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"};
    for (std::size_t i = 0; i < std::size(names); ++i) {
      out.field(names[i]);
      out.integer(b.s64(32 + 8 * i));
    }
  } else {
    out.ellipsis();
  }
  out.end_struct();
  return true;
}

bool print_utsname(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  constexpr std::size_t kLen = 65;
  if (b.size() < 6 * kLen) return false;
  const char* const names[] = {"sysname", "nodename", "release", "version", "machine", "domainname"};
  out.begin_struct();
  const std::size_t shown = ctx.opts.verbose ? 6 : 2;
  for (std::size_t i = 0; i < shown; ++i) {
    out.field(names[i]);
    emit_cstring(out, b.sub(i * kLen, kLen));
  }
  if (!ctx.opts.verbose) out.ellipsis();
  out.end_struct();
  return true;
}

bool print_sysinfo(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 108) return false;
  out.begin_struct();
  out.field("uptime");
  out.integer(b.s64(0));
  out.field("loads");
  out.begin_array();
  for (std::size_t i = 0; i < 3; ++i) {
    out.element();
    out.uinteger(b.u64(8 + 8 * i));
  }
  out.end_array();
  const char* const mem[] = {"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"};
  for (std::size_t i = 0; i < 6; ++i) {
    out.field(mem[i]);
    out.uinteger(b.u64(32 + 8 * i));
  }
  out.field("procs");
  out.uinteger(b.u16(80));
  out.field("totalhigh");
  out.uinteger(b.u64(88));
  out.field("freehigh");
  out.uinteger(b.u64(96));
  out.field("mem_unit");
  out.uinteger(b.u32(104));
  out.end_struct();
  return true;
}

bool print_tms(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 32) return false;
  const char* const names[] = {"tms_utime", "tms_stime", "tms_cutime", "tms_cstime"};
  out.begin_struct();
  for (std::size_t i = 0; i < 4; ++i) {
    out.field(names[i]);
    emit_clock_ticks(out, b.s64(8 * i));
  }
  out.end_struct();
  return true;
}

bool print_utimbuf(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 16) return false;
  out.begin_struct();
  emit_time_with_comment(out, "actime", b.s64(0));
  emit_time_with_comment(out, "modtime", b.s64(8));
  out.end_struct();
  return true;
}

// strace shows struct sched_param as its only field in brackets: [0].
bool print_sched_param(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 4) return false;
  out.begin_array();
  out.element();
  out.integer(b.s32(0));
  out.end_array();
  return true;
}

// sched_getattr/sched_setattr: {size=56, sched_policy=SCHED_OTHER, sched_flags=0, ...}
bool print_sched_attr(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 48) return false;
  const std::uint32_t size = b.u32(0);
  out.begin_struct();
  out.field("size");
  out.uinteger(size);
  out.field("sched_policy");
  const XlatTable* policies = find_xlat("sched_policies");
  const std::string_view policy = policies ? xlat_name(*policies, b.u32(4)) : std::string_view{};
  if (policy.empty()) out.uinteger(b.u32(4));
  else out.symbol(policy, b.u32(4));
  out.field("sched_flags");
  if (const XlatTable* flags = find_xlat("sched_attr_flags"); flags && b.u64(8)) {
    FlagSplit split = xlat_split_flags(*flags, b.u64(8));
    out.flags(split.names, b.u64(8), split.rest);
  } else {
    out.uinteger(b.u64(8));
  }
  out.field("sched_nice");
  out.integer(b.s32(16));
  out.field("sched_priority");
  out.uinteger(b.u32(20));
  out.field("sched_runtime");
  out.uinteger(b.u64(24));
  out.field("sched_deadline");
  out.uinteger(b.u64(32));
  out.field("sched_period");
  out.uinteger(b.u64(40));
  if (size >= 56 && b.size() >= 56) {
    out.field("sched_util_min");
    out.uinteger(b.u32(48));
    out.field("sched_util_max");
    out.uinteger(b.u32(52));
  }
  out.end_struct();
  return true;
}

// capget/capset: {version=_LINUX_CAPABILITY_VERSION_3, pid=1234}
bool print_cap_user_header(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 8) return false;
  const std::uint32_t version = b.u32(0);
  out.begin_struct();
  out.field("version");
  switch (version) {
    case 0x19980330: out.symbol("_LINUX_CAPABILITY_VERSION_1", version); break;
    case 0x20071026: out.symbol("_LINUX_CAPABILITY_VERSION_2", version); break;
    case 0x20080522: out.symbol("_LINUX_CAPABILITY_VERSION_3", version); break;
    default:
      if (version) out.hex(version);
      else out.uinteger(0);
      out.comment("_LINUX_CAPABILITY_VERSION_???");
  }
  out.field("pid");
  out.integer(b.s32(4));
  out.end_struct();
  return true;
}

namespace {

// 1<<CAP_CHOWN|1<<CAP_KILL, as strace joins capability bits; 0 when none.
void emit_cap_set(Emitter& out, std::uint64_t bits) {
  if (!bits) return out.uinteger(0);
  const XlatTable* caps = find_xlat("capabilities");
  std::string text;
  for (int bit = 0; bit < 64; ++bit) {
    if (!(bits >> bit & 1)) continue;
    if (!text.empty()) text += '|';
    const std::string_view name = caps ? xlat_name(*caps, static_cast<std::uint64_t>(bit)) : std::string_view{};
    text += "1<<";
    text += name.empty() ? std::to_string(bit) : std::string(name);
  }
  out.verbatim(text);
}

}  // namespace

// The version 2/3 layout: two {effective, permitted, inheritable} triples, low word first.
bool print_cap_user_data(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 24) return false;
  auto both = [&](std::size_t at) { return b.u32(at) | static_cast<std::uint64_t>(b.u32(at + 12)) << 32; };
  out.begin_struct();
  out.field("effective");
  emit_cap_set(out, both(0));
  out.field("permitted");
  emit_cap_set(out, both(4));
  out.field("inheritable");
  emit_cap_set(out, both(8));
  out.end_struct();
  return true;
}

bool print_clone_args(const Bytes& b, DecodeContext&, Emitter& out) {
  constexpr std::uint64_t kPidfd = 0x1000, kChildSettid = 0x01000000, kChildCleartid = 0x00200000,
                          kParentSettid = 0x00100000, kSettls = 0x00080000, kIntoCgroup = 0x200000000ull;
  if (b.size() < 64) return false;
  const std::uint64_t flags = b.u64(0);
  out.begin_struct();
  out.field("flags");
  emit_flags(out, "clone_flags", flags);
  if (flags & kPidfd) {
    out.field("pidfd");
    out.pointer(b.u64(8));
  }
  if (flags & (kChildSettid | kChildCleartid)) {
    out.field("child_tid");
    out.pointer(b.u64(16));
  }
  if (flags & kParentSettid) {
    out.field("parent_tid");
    out.pointer(b.u64(24));
  }
  out.field("exit_signal");
  const std::uint64_t sig = b.u64(32);
  if (sig) emit_signal(out, static_cast<std::int64_t>(sig));
  else out.uinteger(0);
  out.field("stack");
  out.pointer(b.u64(40));
  out.field("stack_size");
  emit_hex(out, b.u64(48));
  if (flags & kSettls) {
    out.field("tls");
    out.pointer(b.u64(56));
  }
  if (b.size() >= 80 && b.u64(72)) {
    out.field("set_tid");
    out.pointer(b.u64(64));
    out.field("set_tid_size");
    out.uinteger(b.u64(72));
  }
  if (b.size() >= 88 && (flags & kIntoCgroup)) {
    out.field("cgroup");
    out.uinteger(b.u64(80));
  }
  out.end_struct();
  return true;
}

bool print_open_how(const Bytes& b, DecodeContext&, Emitter& out) {
  constexpr std::uint64_t kCreat = 0100, kTmpfile = 020000000;
  if (b.size() < 24) return false;
  const std::uint64_t flags = b.u64(0), mode = b.u64(8), resolve = b.u64(16);
  out.begin_struct();
  out.field("flags");
  // The access mode is a two-bit field, not a flag: O_RDONLY shows even though it is 0.
  std::vector<std::string_view> names;
  std::uint64_t rest = flags;
  if (const XlatTable* modes = find_xlat("open_access_modes")) {
    std::string_view m = xlat_name(*modes, flags & 3);
    if (!m.empty()) {
      names.push_back(m);
      rest &= ~3ull;
    }
  }
  if (const XlatTable* t = find_xlat("open_flags"); t && rest) {
    FlagSplit s = xlat_split_flags(*t, rest);
    names.insert(names.end(), s.names.begin(), s.names.end());
    rest = s.rest;
  }
  out.flags(names, flags, rest);
  if ((flags & (kCreat | kTmpfile)) || mode) {
    out.field("mode");
    out.octal(mode);
  }
  out.field("resolve");
  emit_flags(out, "resolve_flags", resolve);
  out.end_struct();
  return true;
}

// struct sigevent (timer_create, mq_notify): the value only when set, then what the notification
// method reads.
bool print_sigevent(const Bytes& b, DecodeContext&, Emitter& out) {
  constexpr std::int32_t kSigevThread = 2, kSigevThreadId = 4;
  if (b.size() < 32) return false;
  const std::uint64_t value = b.u64(0);
  const std::int32_t notify = b.s32(12);
  out.begin_struct();
  if (value) {
    out.field("sigev_value");
    out.begin_struct();
    out.field("sival_int");
    out.integer(static_cast<std::int32_t>(value));
    out.field("sival_ptr");
    out.pointer(value);
    out.end_struct();
  }
  out.field("sigev_signo");
  emit_signal(out, b.s32(8));
  out.field("sigev_notify");
  emit_enum(out, "sigev_notify", static_cast<std::uint32_t>(notify), "SIGEV_???");
  if (notify == kSigevThreadId) {
    out.field("sigev_notify_thread_id");
    out.integer(b.s32(16));
  } else if (notify == kSigevThread) {
    out.field("sigev_notify_function");
    out.pointer(b.u64(16));
    out.field("sigev_notify_attributes");
    out.pointer(b.u64(24));
  }
  out.end_struct();
  return true;
}

}  // namespace etrace::structs
