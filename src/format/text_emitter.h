// strace's text format. Owns every piece of punctuation: ", " between arguments, fields and
// elements, "{}" "[]" "|", the padding of " = " to column 40, and the line prefixes.
//
// Lines are appended to a caller-owned std::string (the pipeline writes it out in big chunks),
// each ending in '\n'. A line reaches the string whole, when it ends (or is held open);
// outside a line (a decoder rendering a fragment) text reaches it at once.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "format/emitter.h"
#include "format/line_writer.h"

namespace etrace {

struct TextOptions {
  enum class PidStyle {
    Bracket,  // "[pid  1234] " (strace -f on a terminal, when several tasks are traced)
    Column,   // "1234  " (strace -f -o FILE: every line)
  };
  PidStyle pid_style = PidStyle::Bracket;
  int timestamps = 0;               // -t = 1, -tt = 2, -ttt = 3
  bool relative = false;            // -r
  bool durations = false;           // -T
  bool numbers = false;             // -n
  int hex_strings = 0;              // -x = 1, -xx = 2
  enum class Xlat { Abbrev, Raw, Verbose };
  Xlat xlat = Xlat::Abbrev;         // -X: constants as names, as numbers, or both
  int column = 40;                  // -a
  std::int64_t mono_to_real_ns = 0; // added to LineInfo::ts_ns for wall-clock stamps
  // -Y: the command name shown beside the pid ("[pid  4378<sh>] "); empty answer shows none.
  // The name's raw bytes: the program chose them, so the emitter escapes them.
  std::function<std::string(std::uint32_t tid)> comm_of;
};

class TextEmitter final : public Emitter {
 public:
  TextEmitter(std::string& out, TextOptions opts);

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
  void flag_parts(std::span<const FlagPart> parts) override;
  void string(std::string_view bytes, bool truncated) override;
  void fd(std::int64_t fd, std::string_view decoration) override;
  void verbatim(std::string_view text) override;
  void comment(std::string_view text) override;
  void changed(std::string_view name) override;
  void decoded_comment(std::string_view text) override;

  bool hold_open() override;
  bool resume_open(const LineInfo& line) override;
  void close_open_detached() override;
  void close_open() override;

  void begin_struct() override;
  void end_struct() override;
  void begin_array() override;
  void end_array() override;
  void ellipsis() override;

 private:
  void close_open_as(std::string_view tail);  // ends an open line with `tail`
  void prefix(const LineInfo& info);
  void separator();
  void finish_line();

  LineWriter w_;  // the caller's string, with the current line staged
  TextOptions opts_;
  std::size_t line_start_ = 0;
  std::size_t col_base_ = 0;  // columns of the current line already flushed (a resumed open line)
  bool open_ = false;
  std::uint32_t open_tid_ = 0;
  std::size_t open_col_ = 0;
  std::vector<char> open_first_;
  std::vector<char> first_;   // per nesting level: nothing emitted yet at this level (not vector<bool>: it is hot)
  LineInfo line_{};  // of the current line, only tid and duration_ns (see prefix)
  std::uint64_t last_ts_ns_ = 0;
  // The pid prefix of the last tid printed (without -Y): at most "[pid 4294967295] ", 17 bytes.
  char pid_text_[24] = {};
  std::uint8_t pid_text_len_ = 0;
  std::uint32_t pid_text_tid_ = 0;
  std::time_t tm_secs_ = -1;  // the second hms_ shows ("17:55:20"), for -t / -tt
  char hms_[9] = {};
};

}  // namespace etrace
