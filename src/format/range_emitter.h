// Forwards only the arguments [first, end) of a call to another emitter: the part of a call
// shown before "<unfinished ...>" and the part shown after "<... resumed>".
//
// With `split`, the argument where the two meet is cut in two, as strace cuts an argument the
// call writes back (sendfile's offset, `[0] => [16]`): the head [0, end) ends with the value of
// argument end - 1 going in, the tail [first, ...) begins with what follows its changed() in
// argument first - 1, or, when the call wrote nothing back, with the ", " before argument first
// (`<... sendfile resumed>, 16) = -1 EPIPE`).
#pragma once

#include "format/emitter.h"

namespace etrace {

class RangeEmitter final : public Emitter {
 public:
  RangeEmitter(Emitter& out, int first, int end, bool split = false)
      : out_(out), first_(first), end_(end), cut_(!split ? -2 : first == 0 ? end - 1 : first - 1) {}

  void begin_call(const LineInfo& i, std::string_view n) override { out_.begin_call(i, n); }
  void end_call(const CallResult& r) override { out_.end_call(r); }
  void end_unfinished() override { out_.end_unfinished(); }
  void end_killed(bool more) override { out_.end_killed(more); }
  void begin_resumed(const LineInfo& i, std::string_view n) override {
    out_.begin_resumed(i, n);
    needs_separator_ = cut_ >= 0;
  }
  void signal_line(const LineInfo& i, std::string_view s) override { out_.signal_line(i, s); }
  void end_signal() override { out_.end_signal(); }
  void exit_line(const LineInfo& i, int st, bool k, std::string_view s, bool c) override {
    out_.exit_line(i, st, k, s, c);
  }
  void lost_line(const LineInfo& i, std::uint64_t n) override { out_.lost_line(i, n); }
  void rate_limited_line(const LineInfo& i, std::uint64_t n) override { out_.rate_limited_line(i, n); }

  void arg(std::string_view name) override {
    ++index_;
    written_back_ = false;
    if (!on()) return;
    // An empty slot takes the text emitter's "first argument" turn: the real one gets its ", ".
    if (needs_separator_) out_.arg("");
    needs_separator_ = false;
    out_.arg(name);
  }
  void field(std::string_view n) override { if (on()) out_.field(n); }
  void element() override { if (on()) out_.element(); }
  void integer(std::int64_t v) override { if (on()) out_.integer(v); }
  void uinteger(std::uint64_t v) override { if (on()) out_.uinteger(v); }
  void hex(std::uint64_t v) override { if (on()) out_.hex(v); }
  void octal(std::uint64_t v) override { if (on()) out_.octal(v); }
  void pointer(std::uint64_t v) override { if (on()) out_.pointer(v); }
  using Emitter::symbol;
  void symbol(std::string_view n, std::int64_t r, Radix x) override { if (on()) out_.symbol(n, r, x); }
  void flags(std::span<const std::string_view> n, std::uint64_t r, std::uint64_t u) override {
    if (on()) out_.flags(n, r, u);
  }
  void flag_parts(std::span<const FlagPart> p) override { if (on()) out_.flag_parts(p); }
  void string(std::string_view b, bool t) override { if (on()) out_.string(b, t); }
  void fd(std::int64_t f, std::string_view d) override { if (on()) out_.fd(f, d); }
  void verbatim(std::string_view t) override { if (on()) out_.verbatim(t); }
  void comment(std::string_view t) override { if (on()) out_.comment(t); }
  void changed(std::string_view n) override {
    written_back_ = true;
    if (!on()) return;
    needs_separator_ = false;
    out_.changed(n);
  }
  void decoded_comment(std::string_view t) override { if (on()) out_.decoded_comment(t); }
  bool hold_open() override { return out_.hold_open(); }
  bool resume_open(const LineInfo& line) override { return out_.resume_open(line); }
  void close_open() override { out_.close_open(); }
  void begin_struct() override { if (on()) out_.begin_struct(); }
  void end_struct() override { if (on()) out_.end_struct(); }
  void begin_array() override { if (on()) out_.begin_array(); }
  void end_array() override { if (on()) out_.end_array(); }
  void ellipsis() override { if (on()) out_.ellipsis(); }

 private:
  bool on() const {
    if (written_back_ && index_ == cut_) return first_ > 0;  // the tail's part of the cut argument
    return index_ >= first_ && index_ < end_;
  }
  Emitter& out_;
  int first_, end_;
  int cut_;  // the argument cut in two, or -2
  int index_ = -1;
  bool written_back_ = false;     // argument index_ is past its changed()
  bool needs_separator_ = false;  // a resumed tail whose head stopped inside an argument

};

}  // namespace etrace
