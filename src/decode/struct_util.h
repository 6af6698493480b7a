// Internal to the struct printers (structs.cpp and its split files): reading fields at fixed
// offsets and the value forms several structs share (%#x, modes, times, sigsets).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/decoder.h"
#include "format/emitter.h"

namespace etrace::structs {

// Fields at fixed offsets of captured bytes; a printer checks size() before reading.
class Bytes {
 public:
  explicit Bytes(std::string_view b) : b_(b) {}
  std::size_t size() const { return b_.size(); }
  std::string_view view() const { return b_; }
  std::string_view sub(std::size_t off, std::size_t n) const {
    return off >= b_.size() ? std::string_view{} : b_.substr(off, n);
  }
  template <class T>
  T get(std::size_t off) const {
    T v{};
    if (off + sizeof(T) <= b_.size()) std::memcpy(&v, b_.data() + off, sizeof(T));
    return v;
  }
  std::uint16_t u16(std::size_t off) const { return get<std::uint16_t>(off); }
  std::uint32_t u32(std::size_t off) const { return get<std::uint32_t>(off); }
  std::int32_t s32(std::size_t off) const { return get<std::int32_t>(off); }
  std::uint64_t u64(std::size_t off) const { return get<std::uint64_t>(off); }
  std::int64_t s64(std::size_t off) const { return get<std::int64_t>(off); }

 private:
  std::string_view b_;
};

// strace's %#x: "0" for zero, "0x1f" otherwise.
void emit_hex(Emitter& out, std::uint64_t v);
// Names from a Flags table joined by '|', then the unknown rest; hex when the table is missing.
void emit_flags(Emitter& out, std::string_view table, std::uint64_t v);
// One name from an Enum table, or the number (hex unless `decimal`) with /* PREFIX_??? */.
void emit_enum(Emitter& out, std::string_view table, std::uint64_t v, std::string_view unknown,
               bool decimal = false);
// S_IFREG|0644, or the octal number alone when the type bits name no file type.
void emit_mode(Emitter& out, std::uint32_t mode);
// A signal by name (SIGCHLD), or its number.
void emit_signal(Emitter& out, std::int64_t sig);
// A fixed-size char array up to its first NUL, quoted; the "..." mark when it has no NUL.
void emit_cstring(Emitter& out, std::string_view array);
// Clock ticks (times' tms_*, SIGCHLD's si_utime): 109 /* 1.09 s */, 0 alone.
void emit_clock_ticks(Emitter& out, std::int64_t ticks);

// "2026-11-26T17:08:14.220800468+0000" in local time, as strace's comments after times; the
// fraction only when nsec is not zero. Empty when the time cannot be converted.
std::string time_text(std::int64_t sec, std::uint64_t nsec);
// "[CHLD]", "[]", "~[RTMIN RT_1]": kernel sigset bytes, complemented when more than half is set.
std::string sigset_text(std::string_view bytes);

// {tv_sec=1, tv_nsec=0} and {tv_sec=1, tv_usec=0} at `off` (16 bytes each).
void emit_timespec(Emitter& out, const Bytes& b, std::size_t off);
void emit_timeval(Emitter& out, const Bytes& b, std::size_t off);

// The printers, one per struct kind; each returns false when `b` is too short for it.
bool print_stat(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_statx(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_statfs(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_dirents64(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_dirents(const Bytes& b, DecodeContext& ctx, Emitter& out);
// "flock": as F_SETLK* pass it; "flock_getlk": as F_GETLK* return it, with the holder's l_pid.
bool print_flock(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_flock_getlk(const Bytes& b, DecodeContext& ctx, Emitter& out);
std::size_t count_dirents64(const Bytes& b);
std::size_t count_dirents(const Bytes& b);

bool print_timespec(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_timeval(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_timezone(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_utimens(const Bytes& b, DecodeContext& ctx, Emitter& out);  // "timespec[2]"
bool print_utimes(const Bytes& b, DecodeContext& ctx, Emitter& out);   // "timeval[2]"
bool print_sigevent(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_itimerspec(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_itimerval(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_rlimit(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_rusage(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_utsname(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_sysinfo(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_tms(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_sched_param(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_clone_args(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_cap_user_header(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_sched_attr(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_cap_user_data(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_open_how(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_utimbuf(const Bytes& b, DecodeContext& ctx, Emitter& out);

bool print_sigaction(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_sigset(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_siginfo(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_stack_t(const Bytes& b, DecodeContext& ctx, Emitter& out);

bool print_pollfd(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_epoll_event(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_iovec(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_fd_set(const Bytes& b, DecodeContext& ctx, Emitter& out);
bool print_sockaddr(const Bytes& b, DecodeContext& ctx, Emitter& out);

}  // namespace etrace::structs
