// JSON Lines: one object per line, for programs rather than eyes. Same Emitter calls as the
// strace text backend; every value keeps its raw number next to its symbolic name.
//
// Line objects, told apart by "type":
//   {"type":"syscall","ts_ns":..,"pid":1234,"tid":1234,"nr":257,"syscall":"openat",
//    "args":{"dirfd":{"raw":-100,"name":"AT_FDCWD"},"pathname":"/etc/passwd",
//            "flags":{"raw":524288,"names":["O_RDONLY","O_CLOEXEC"]}},
//    "ret":3,"ret_decoration":"/etc/passwd"}
//   failed calls add "error":"ENOENT","error_text":"No such file or directory"; "ret" is -1 as
//   strace shows it and "ret_raw" keeps -errno; a call that does not return has "ret":null.
//   {"type":"unfinished",...,"args":{...}}  then  {"type":"resumed",...,"args":{rest},"ret":..}
//   {"type":"signal","pid":..,"tid":..,"signal":"SIGCHLD","siginfo":{...}}
//   {"type":"exit","pid":..,"status":0}  /  {"type":"exit","pid":..,"killed":true,"signal":"SIGKILL","core":false}
//   {"type":"lost","pid":..,"count":12}
//   {"type":"rate_limited","pid":..,"count":5000} (--rate-limit: calls of the process counted,
//     not recorded, since its previous line)
//   {"type":"dump","pid":..,"tid":..,"syscall":"write","fd":1,"hex":"68690a"} (-e read=/write=:
//     what the call just before moved through fd 1, every byte in two hex digits)
// "duration_ns" appears when known (-T). Lines from the kernel's records carry "pidns_pid" (the
// thread's id in its own pid namespace), "cgroup_id" (its cgroup v2 id) and, when that cgroup
// is a container's, "container_id" (the runtime's full id, or a systemd-nspawn machine's name).
//
// Values:
//   integer/uinteger/hex/octal -> JSON numbers (octal modes too: 420, not "0644")
//   pointer -> "0x7ffd..." (a string: addresses do not survive a double), NULL -> null
//   symbol -> {"raw":N,"name":"X"};  flags -> {"raw":N,"names":[...]} plus "unknown":rest when set
//     (flag_parts too: one set for the whole value)
//   fd -> 3, or {"fd":3,"decoration":"/etc/passwd"} with -y (text as strace shows it in <>)
//   struct -> object (fields in order), array -> array; "..." (ellipsis) is the key "..."
//     with value true in an object and the string "..." in an array
//   verbatim text -> string;  a comment turns the slot into {"value":<value>,"comment":"23 vars"}
//   a value the call wrote back (text `[0] => [16]`) -> the key "<slot>_out" beside the slot's
//   Lines are ASCII: every other character, DEL and the control characters as \uXXXX, so that
//   no byte of a traced program reaches a terminal as itself.
//   string -> a JSON string when the bytes are valid UTF-8 and were not cut by -s; otherwise
//     {"str":"..."} (valid UTF-8) or {"hex":"00ff..."} (every byte in two hex digits, when the
//     bytes are not valid UTF-8), with "truncated":true when -s cut them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "format/emitter.h"

namespace etrace {

struct JsonOptions {
  std::int64_t mono_to_real_ns = 0;  // added to LineInfo::ts_ns: wall-clock "ts_ns" when set
  // The container a cgroup id belongs to ("" when none); unset: no "container_id" key.
  std::function<std::string(std::uint64_t cgroup_id)> container_of;
};

// The "dump" line for -e read= / -e write=: the bytes a call (the line before) read or wrote.
std::string json_dump_line(const LineInfo& line, std::string_view syscall, std::int64_t fd, std::string_view bytes,
                           const JsonOptions& opts = {});

class JsonEmitter final : public Emitter {
 public:
  // Lines are appended to `out`, each ending in '\n' (as TextEmitter does).
  explicit JsonEmitter(std::string& out, JsonOptions opts = {});

  void begin_call(const LineInfo& info, std::string_view name) override;
  void end_call(const CallResult& result) override;
  void end_unfinished() override;
  void end_killed(bool more_args) override;
  void begin_resumed(const LineInfo& info, std::string_view name) override;
  void signal_line(const LineInfo& info, std::string_view signame) override;
  void end_signal() override;
  void exit_line(const LineInfo& info, int status, bool killed, std::string_view signame,
                 bool core) override;
  void lost_line(const LineInfo& info, std::uint64_t count) override;
  void rate_limited_line(const LineInfo& info, std::uint64_t count) override;

  void arg(std::string_view name) override;
  void field(std::string_view name) override;
  void element() override;

  void integer(std::int64_t v) override;
  void uinteger(std::uint64_t v) override;
  void hex(std::uint64_t v) override;
  void octal(std::uint64_t v) override;
  void pointer(std::uint64_t v) override;
  using Emitter::symbol;
  void symbol(std::string_view name, std::int64_t raw, Radix radix) override;
  void flags(std::span<const std::string_view> names, std::uint64_t raw,
             std::uint64_t unknown_rest) override;
  void string(std::string_view bytes, bool truncated) override;
  void fd(std::int64_t fd, std::string_view decoration) override;
  void verbatim(std::string_view text) override;
  void comment(std::string_view text) override;
  void changed(std::string_view name) override;

  void begin_struct() override;
  void end_struct() override;
  void begin_array() override;
  void end_array() override;
  void ellipsis() override;

 private:
  using Json = nlohmann::ordered_json;
  // Containers still open. Values are built in place and moved into their parent on close:
  // a pointer into a parent would dangle when the parent grows.
  struct Frame {
    Json value;
    std::string in_parent;  // the key this container gets in its parent object
    std::string slot;       // objects: the key the next value fills (arg(), field())
    std::string last_key;   // objects: the key comment() refers to
  };

  void begin_line(const LineInfo& info, std::string_view type);
  void put(Json v);
  void open(Json container);
  void close();
  void write_line();

  std::string& out_;
  JsonOptions opts_;
  std::vector<Frame> stack_;  // [0] is the line object
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace etrace
