// Where decoded calls go. Decoders say *what* each piece is (an argument, a flag set, a struct
// field); a backend decides the punctuation: strace text (text_emitter.h) or JSON Lines
// (json_emitter.h). A recording double in tests/ asserts the structure.
//
// Value calls (integer ... comment) fill the current slot: the argument opened by arg(), the
// field opened by field(), or the element opened by element(). Every slot gets exactly one
// value call (a struct or array counts as one), optionally followed by comment().
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace etrace {

// How string bytes are shown (strace's -s, -x, -xx and the "..." truncation mark).
struct StringStyle {
  std::uint32_t max_len = 32;  // -s: bytes shown at most
  int hex = 0;                 // 0: escapes only; 1 (-x): non-ASCII in \x; 2 (-xx): all in \x
};

// Where a line comes from, for prefixes ([pid N], timestamps) and JSON keys.
struct LineInfo {
  std::uint32_t tgid = 0;
  std::uint32_t tid = 0;
  std::uint64_t ts_ns = 0;        // CLOCK_MONOTONIC (bpf_ktime_get_ns)
  std::uint64_t duration_ns = 0;  // -T: time spent in the call (0 when unknown)
  std::int64_t nr = -1;           // syscall number (-n)
  bool show_pid = false;          // prefix the line with the pid (strace -f style)
  std::uint32_t ns_tid = 0;       // the thread's pid in its own pid namespace (0: not known)
  std::uint64_t cgroup_id = 0;    // its cgroup v2 id (0: not known)
};

struct CallResult {
  enum class Kind { Int, Hex, Octal, Fd, Unknown } kind = Kind::Int; // Unknown prints "?"
  std::int64_t value = 0;
  std::string_view errno_name;   // set when the call failed: value is then -errno
  std::string_view errno_text;   // "No such file or directory"
  std::string decoration;        // -y path of a returned fd, or a trailing comment
  std::string comment;           // " /* text */" after the value (--pidns-translation)
};

class Emitter {
 public:
  virtual ~Emitter() = default;

  // --- lines
  virtual void begin_call(const LineInfo& info, std::string_view name) = 0;
  virtual void end_call(const CallResult& result) = 0;        // ") = 3"
  virtual void end_unfinished() = 0;                           // " <unfinished ...>"
  virtual void begin_resumed(const LineInfo& info, std::string_view name) = 0; // "<... name resumed>"
  virtual void signal_line(const LineInfo& info, std::string_view signame) = 0; // then a struct, then end_signal
  virtual void end_signal() = 0;
  virtual void exit_line(const LineInfo& info, int status, bool killed, std::string_view signame,
                         bool core) = 0;                       // "+++ exited with 0 +++"
  virtual void lost_line(const LineInfo& info, std::uint64_t count) = 0;
  // --rate-limit: `count` calls of the process were counted and not recorded, in this place.
  virtual void rate_limited_line(const LineInfo& info, std::uint64_t count) = 0;

  // --- slots
  virtual void arg(std::string_view name) = 0;
  virtual void field(std::string_view name) = 0;
  virtual void element() = 0;

  // --- values
  virtual void integer(std::int64_t v) = 0;
  virtual void uinteger(std::uint64_t v) = 0;
  virtual void hex(std::uint64_t v) = 0;
  virtual void octal(std::uint64_t v) = 0;           // "0644"; 0 prints "000"
  virtual void pointer(std::uint64_t v) = 0;         // "NULL" or "0x7ffd..."
  // How the number behind a name shows where strace shows it (-X raw, -X verbose): most
  // constants in hex (0 as "0", a negative int as its 32 bits: RUSAGE_CHILDREN is 0xffffffff);
  // signals, AT_FDCWD and syslog's actions in decimal; rlimit values unsigned; modes in octal.
  enum class Radix : std::uint8_t { Hex, Dec, Udec, Oct };
  // A named value: "AT_FDCWD", "S_IFREG|0644", "8192*1024".
  virtual void symbol(std::string_view name, std::int64_t raw, Radix radix) = 0;
  void symbol(std::string_view name, std::int64_t raw) { symbol(name, raw, Radix::Hex); }
  // A set of flag names joined by '|', then the unknown rest in hex; "0" when empty.
  virtual void flags(std::span<const std::string_view> names, std::uint64_t raw,
                     std::uint64_t unknown_rest) = 0;
  // One value made of fields strace shows apart under -X raw / verbose: socket's type and its
  // flags ("0x1 /* SOCK_STREAM */|0x80800 /* SOCK_CLOEXEC|SOCK_NONBLOCK */"), statx's sync type
  // and AT_* flags. A part after the first with no bits set is left out. The default shows the
  // union as one flag set, which is what strace shows without -X.
  //
  // Two other kinds of part make up System V IPC's flags: a number in a bit field
  // (`21<<SHM_HUGE_SHIFT`, `21<<26` raw: names[0] is the shift's name, raw the field's bits in
  // place) and permission bits in octal (`0600`, shown whatever they are). A value with such
  // parts shows them apart in every -X form, left out as above when they have no bits set.
  enum class PartForm : std::uint8_t { Flags, Shifted, Octal };
  struct FlagPart {
    std::span<const std::string_view> names;
    std::uint64_t raw = 0;
    std::uint64_t unknown_rest = 0;
    PartForm form = PartForm::Flags;
    std::uint8_t shift = 0;  // Shifted: where the field starts
  };
  virtual void flag_parts(std::span<const FlagPart> parts);
  // Quoted, escaped bytes; `truncated` adds strace's "..." after the closing quote.
  virtual void string(std::string_view bytes, bool truncated) = 0;
  virtual void fd(std::int64_t fd, std::string_view decoration) = 0; // "3</etc/passwd>"
  virtual void verbatim(std::string_view text) = 0;  // pre-formatted (expressions like WIFEXITED(s))
  virtual void comment(std::string_view text) = 0;   // " /* 23 vars */" after the slot's value
  // After the slot's value: the value the call wrote back into it follows, as strace shows
  // sendfile's offset, `[0] => [16]`. `name` is the slot's. A line cut while the call runs
  // ends before it (see RangeEmitter).
  virtual void changed(std::string_view name) = 0;

  // Ends a call SIGKILL ended inside the kernel: no result ("= ?"). `more_args`: the call has
  // arguments after the ones shown (its outputs), which strace replaces by " <unfinished ...>".
  virtual void end_killed(bool /*more_args*/) {
    CallResult r;
    r.kind = CallResult::Kind::Unknown;
    end_call(r);
  }
  // A comment that decodes the number before it ("109 /* 1.09 s */" for clock ticks), which
  // strace leaves out under -X raw as it does names. The default is comment().
  virtual void decoded_comment(std::string_view text) { comment(text); }

  // --- open lines (strace's way with a call that blocks): the start of a call still running
  // is shown without its end; the line completes in place if nothing else is printed before
  // the call returns, and is closed with " <unfinished ...>" if something is.
  // After begin_call + the entry arguments: keep the line open. False if the backend cannot.
  virtual bool hold_open() { return false; }
  // Continue the open line of thread line.tid with the remaining arguments (line carries the
  // finished call's duration, for -T); false if it is not open.
  virtual bool resume_open(const LineInfo& /*line*/) { return false; }
  // Close an open line with " <unfinished ...>" (before text written around the emitter).
  virtual void close_open() {}
  // Close an open line with " <detached ...>": etrace stops tracing while the call runs.
  virtual void close_open_detached() {}

  virtual void begin_struct() = 0;
  virtual void end_struct() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  virtual void ellipsis() = 0;  // "..." in place of elements or fields not shown
};

}  // namespace etrace
