#include "format/text_emitter.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <string_view>

#include <fmt/format.h>

#include "format/append.h"
#include "format/escape.h"
#include "format/line_writer.h"

namespace etrace {

using namespace std::string_view_literals;  // literal lengths known at compile time, no strlen

namespace {
constexpr std::string_view kSpaces = "                                                                ";  // 64
static_assert(kSpaces.size() == 64);
}  // namespace

TextEmitter::TextEmitter(std::string& out, TextOptions opts) : w_(out), opts_(std::move(opts)) {}

void TextEmitter::prefix(const LineInfo& info) {
  if (open_) close_open();
  w_.stage();
  col_base_ = 0;
  // Only what later parts of the line read, field by field: the caller has just written
  // `info` field by field, and a whole-struct copy would read it back in wider pieces, which
  // stalls on store forwarding.
  line_.tid = info.tid;
  line_.duration_ns = info.duration_ns;
  line_start_ = w_.size();
  first_.clear();
  if (info.show_pid) {
    const bool column = opts_.pid_style == TextOptions::PidStyle::Column;
    std::string comm;
    if (opts_.comm_of) [[unlikely]] comm = opts_.comm_of(info.tid);
    if (comm.empty()) {
      // "1234  " or "[pid  1234] ": a burst of lines comes from one thread, so the text of the
      // last tid is kept and copied whole (a fixed-size copy, no call).
      if (info.tid != pid_text_tid_ || pid_text_len_ == 0) {
        char* p = pid_text_;
        if (!column) {
          std::memcpy(p, "[pid ", 5);
          p += 5;
        }
        p = write_udec_padded(p, info.tid, 5, !column);
        if (!column) *p++ = ']';
        *p++ = ' ';
        pid_text_len_ = static_cast<std::uint8_t>(p - pid_text_);
        pid_text_tid_ = info.tid;
      }
      char* p = w_.room(sizeof pid_text_);
      std::memcpy(p, pid_text_, sizeof pid_text_);
      w_.commit(p + pid_text_len_);
    } else {
      if (!column) w_ += "[pid "sv;
      append_udec_padded(w_, info.tid, column ? 0 : 5, !column);
      w_.push_back('<');
      w_ += escape_decoration(comm);  // the program chose its name: prctl(PR_SET_NAME, "\33[2J")
      w_.push_back('>');
      if (!column) w_.push_back(']');
      w_.push_back(' ');
    }
  }
  std::uint64_t delta = 0;
  if (opts_.relative) {
    delta = last_ts_ns_ ? info.ts_ns - last_ts_ns_ : 0;
    last_ts_ns_ = info.ts_ns;
  }
  if (opts_.timestamps) {
    const std::int64_t real = static_cast<std::int64_t>(info.ts_ns) + opts_.mono_to_real_ns;
    const std::time_t secs = static_cast<std::time_t>(real / 1000000000);
    const long usec = static_cast<long>(real / 1000 % 1000000);
    if (opts_.timestamps >= 3) {
      append_dec(w_, secs);
      w_.push_back('.');
      append_udec_zero6(w_, static_cast<std::uint64_t>(usec));
    } else {
      if (secs != tm_secs_) {  // localtime_r per line would cost more than the rest of the line
        tm_secs_ = secs;
        std::tm tm{};
        localtime_r(&secs, &tm);
        const int parts[] = {tm.tm_hour, tm.tm_min, tm.tm_sec};
        for (int i = 0; i < 3; ++i) {
          hms_[3 * i] = static_cast<char>('0' + parts[i] / 10 % 10);
          hms_[3 * i + 1] = static_cast<char>('0' + parts[i] % 10);
          hms_[3 * i + 2] = ':';
        }
      }
      w_.append(hms_, 8);
      if (opts_.timestamps == 2) {
        w_.push_back('.');
        append_udec_zero6(w_, static_cast<std::uint64_t>(usec));
      }
    }
    // strace -t -r: "17:55:20 (+     0.000297) brk(NULL)"
    if (opts_.relative) {
      w_ += " (+"sv;
      append_udec_padded(w_, delta / 1000000000, 6, true);
      w_.push_back('.');
      append_udec_zero6(w_, delta / 1000 % 1000000);
      w_.push_back(')');
    }
    w_.push_back(' ');
  } else if (opts_.relative) {
    append_udec_padded(w_, delta / 1000000000, 6, true);
    w_.push_back('.');
    append_udec_zero6(w_, delta / 1000 % 1000000);
    w_.push_back(' ');
  }
  // strace -n puts the task's current syscall number on every line, exit and signal lines too.
  if (opts_.numbers && info.nr >= 0) {
    w_.push_back('[');
    append_udec_padded(w_, static_cast<std::uint64_t>(info.nr), 4, true);
    w_ += "] "sv;
  }
}

void TextEmitter::separator() {
  if (first_.empty()) return;
  if (!first_.back()) w_ += ", "sv;
  first_.back() = false;
}

void TextEmitter::finish_line() {
  w_.push_back('\n');
  w_.flush();
  first_.clear();
}

void TextEmitter::begin_call(const LineInfo& info, std::string_view name) {
  prefix(info);
  w_ += name;
  w_.push_back('(');
  first_.push_back(true);
}

void TextEmitter::end_call(const CallResult& r) {
  // ") ", the padding, "= " and the value, assembled in place: this ends every line.
  const std::size_t col = col_base_ + w_.size() + 2 - line_start_;
  const std::size_t pad = col < static_cast<std::size_t>(opts_.column) ? opts_.column - col : 0;
  char* p = w_.room(std::max<std::size_t>(pad, kSpaces.size()) + 32);
  *p++ = ')';
  *p++ = ' ';
  // The padding is short (column 40): a fixed-size copy of spaces, cheaper than a memset call.
  if (pad <= kSpaces.size()) std::memcpy(p, kSpaces.data(), kSpaces.size());
  else std::memset(p, ' ', pad);
  p += pad;
  *p++ = '=';
  *p++ = ' ';
  switch (r.kind) {
    case CallResult::Kind::Unknown: *p++ = '?'; break;
    case CallResult::Kind::Hex:
      if (r.errno_name.empty()) p = write_hex(p, static_cast<std::uint64_t>(r.value));
      else p = write_dec(p, -1);
      break;
    case CallResult::Kind::Octal:  // strace's %#03o: umask() = 022, = 000
      p = write_octal(p, static_cast<std::uint64_t>(r.value));
      break;
    case CallResult::Kind::Int:
    case CallResult::Kind::Fd:
      // A failed call with a known errno shows -1 and the name; an unknown one its raw value.
      p = write_dec(p, r.errno_name.empty() ? r.value : -1);
      break;
  }
  w_.commit(p);
  if (!r.errno_name.empty()) {
    w_.push_back(' ');
    w_ += r.errno_name;
    if (!r.errno_text.empty()) {
      w_ += " ("sv;
      w_ += r.errno_text;
      w_.push_back(')');
    }
  } else if (!r.decoration.empty()) {
    w_ += r.kind == CallResult::Kind::Fd ? "<"sv : " ("sv;
    w_ += r.decoration;
    w_.push_back(r.kind == CallResult::Kind::Fd ? '>' : ')');
  }
  if (!r.comment.empty() && r.errno_name.empty()) comment(r.comment);
  if (opts_.durations && line_.duration_ns) {
    w_ += " <"sv;
    append_udec(w_, line_.duration_ns / 1000000000);
    w_.push_back('.');
    append_udec_zero6(w_, line_.duration_ns / 1000 % 1000000);
    w_.push_back('>');
  }
  finish_line();
}

void TextEmitter::end_killed(bool more_args) {
  if (more_args) {
    separator();
    w_ += " <unfinished ...>"sv;
  }
  Emitter::end_killed(more_args);
}

void TextEmitter::end_unfinished() {
  w_ += " <unfinished ...>"sv;
  finish_line();
}

void TextEmitter::begin_resumed(const LineInfo& info, std::string_view name) {
  prefix(info);
  w_ += "<... "sv;
  w_ += name;
  w_ += " resumed>"sv;
  // The resumed part continues an argument list whose earlier part is already printed.
  first_.push_back(true);
}

void TextEmitter::signal_line(const LineInfo& info, std::string_view signame) {
  prefix(info);
  fmt::format_to(std::back_inserter(w_), "--- {} ", signame);
  first_.push_back(true);
}

void TextEmitter::end_signal() {
  w_ += " ---"sv;
  finish_line();
}

void TextEmitter::exit_line(const LineInfo& info, int status, bool killed, std::string_view signame,
                            bool core) {
  prefix(info);
  if (killed)
    fmt::format_to(std::back_inserter(w_), "+++ killed by {}{} +++", signame, core ? " (core dumped)" : "");
  else
    fmt::format_to(std::back_inserter(w_), "+++ exited with {} +++", status);
  finish_line();
}

void TextEmitter::lost_line(const LineInfo& info, std::uint64_t count) {
  prefix(info);
  fmt::format_to(std::back_inserter(w_), "<... {} events lost ...>", count);
  finish_line();
}

void TextEmitter::rate_limited_line(const LineInfo& info, std::uint64_t count) {
  prefix(info);
  fmt::format_to(std::back_inserter(w_), "<... {} calls over the rate limit ...>", count);
  finish_line();
}

void TextEmitter::arg(std::string_view) { separator(); }

void TextEmitter::field(std::string_view name) {
  separator();
  w_ += name;
  w_.push_back('=');
}

void TextEmitter::element() { separator(); }

void TextEmitter::integer(std::int64_t v) { append_dec(w_, v); }
void TextEmitter::uinteger(std::uint64_t v) { append_udec(w_, v); }
void TextEmitter::hex(std::uint64_t v) { append_hex(w_, v); }
void TextEmitter::octal(std::uint64_t v) { append_octal(w_, v); }

void TextEmitter::pointer(std::uint64_t v) {
  if (v == 0) w_ += "NULL"sv;
  else append_hex(w_, v);
}

void TextEmitter::symbol(std::string_view name, std::int64_t raw, Radix radix) {
  if (opts_.xlat == TextOptions::Xlat::Abbrev) {
    w_ += name;
    return;
  }
  switch (radix) {
    case Radix::Hex:
      if (raw == 0) w_.push_back('0');
      else if (raw < 0 && raw >= INT32_MIN) append_hex(w_, static_cast<std::uint32_t>(raw));
      else append_hex(w_, static_cast<std::uint64_t>(raw));
      break;
    case Radix::Dec: append_dec(w_, raw); break;
    case Radix::Udec: append_udec(w_, static_cast<std::uint64_t>(raw)); break;
    case Radix::Oct: append_octal(w_, static_cast<std::uint64_t>(raw)); break;
  }
  if (opts_.xlat == TextOptions::Xlat::Verbose) comment(name);
}

void TextEmitter::flags(std::span<const std::string_view> names, std::uint64_t raw,
                        std::uint64_t rest) {
  // -X raw / verbose: the number strace prints in hex (0 as "0"), and for verbose the names after.
  if (opts_.xlat != TextOptions::Xlat::Abbrev) {
    if (raw) append_hex(w_, raw);
    else w_.push_back('0');
    if (opts_.xlat == TextOptions::Xlat::Raw || names.empty()) return;
    w_ += " /* "sv;
  }
  bool any = false;
  for (auto n : names) {
    if (any) w_.push_back('|');
    w_ += n;
    any = true;
  }
  if (rest || !any) {
    if (any) w_.push_back('|');
    if (rest) append_hex(w_, rest);
    else w_.push_back(raw ? '?' : '0');
  }
  if (opts_.xlat == TextOptions::Xlat::Verbose) w_ += " */"sv;
}

void TextEmitter::flag_parts(std::span<const FlagPart> parts) {
  const bool mixed = std::ranges::any_of(parts, [](const FlagPart& p) { return p.form != PartForm::Flags; });
  if (!mixed) {
    if (opts_.xlat == TextOptions::Xlat::Abbrev) return Emitter::flag_parts(parts);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i && !parts[i].raw) continue;
      if (i) w_.push_back('|');
      flags(parts[i].names, parts[i].raw, parts[i].unknown_rest);
    }
    return;
  }
  bool any = false;
  for (const FlagPart& p : parts) {
    if (p.form != PartForm::Octal && !p.raw) continue;
    if (any) w_.push_back('|');
    any = true;
    switch (p.form) {
      case PartForm::Flags: flags(p.names, p.raw, p.unknown_rest); break;
      case PartForm::Octal: append_octal(w_, p.raw); break;
      case PartForm::Shifted: {
        append_udec(w_, p.raw >> p.shift);
        w_ += "<<"sv;
        const std::string_view name = p.names.empty() ? std::string_view() : p.names.front();
        if (opts_.xlat == TextOptions::Xlat::Abbrev && !name.empty()) {
          w_ += name;
          break;
        }
        append_udec(w_, p.shift);
        if (opts_.xlat == TextOptions::Xlat::Verbose && !name.empty()) comment(name);
        break;
      }
    }
  }
  if (!any) w_.push_back('0');
}

void TextEmitter::string(std::string_view bytes, bool truncated) {
  w_.commit(write_quoted(w_.room(quoted_size_max(bytes.size())), bytes, opts_.hex_strings, truncated));
}

void TextEmitter::fd(std::int64_t fd, std::string_view decoration) {
  append_dec(w_, fd);
  if (!decoration.empty()) {
    w_.push_back('<');
    w_ += decoration;
    w_.push_back('>');
  }
}

void TextEmitter::verbatim(std::string_view text) { w_ += text; }

void TextEmitter::changed(std::string_view) {
  w_ += " => "sv;
  // After "<... resumed>" this continues the argument the head stopped in: the next one
  // needs its ", ".
  if (!first_.empty()) first_.back() = false;
}

void TextEmitter::comment(std::string_view text) {
  w_ += " /* "sv;
  w_ += text;
  w_ += " */"sv;
}

void TextEmitter::decoded_comment(std::string_view text) {
  if (opts_.xlat != TextOptions::Xlat::Raw) comment(text);
}

void TextEmitter::begin_struct() {
  w_.push_back('{');
  first_.push_back(true);
}

void TextEmitter::end_struct() {
  w_.push_back('}');
  if (!first_.empty()) first_.pop_back();
}

void TextEmitter::begin_array() {
  w_.push_back('[');
  first_.push_back(true);
}

void TextEmitter::end_array() {
  w_.push_back(']');
  if (!first_.empty()) first_.pop_back();
}

void TextEmitter::ellipsis() {
  separator();
  w_ += "..."sv;
}

}  // namespace etrace

namespace etrace {

bool TextEmitter::hold_open() {
  open_ = true;
  open_tid_ = line_.tid;
  open_col_ = col_base_ + w_.size() - line_start_;
  open_first_ = first_;
  w_.flush();  // visible while the call runs
  // The head ends with the ", " before the first argument the call writes: what follows on
  // resumption needs no separator of its own.
  if (!open_first_.empty() && w_.flushed().ends_with(", ")) open_first_.back() = true;
  return true;
}

bool TextEmitter::resume_open(const LineInfo& line) {
  if (!open_ || open_tid_ != line.tid) return false;
  open_ = false;
  line_.tid = line.tid;
  line_.duration_ns = line.duration_ns;  // -T: the call's, not the head's (still running then)
  w_.stage();
  line_start_ = w_.size();  // the buffer may have been flushed since: count from here
  col_base_ = open_col_;
  first_ = std::move(open_first_);
  return true;
}

void TextEmitter::close_open_as(std::string_view tail) {
  if (!open_) return;
  open_ = false;
  w_.flush();
  w_ += tail;
  first_.clear();
}

void TextEmitter::close_open_detached() { close_open_as(" <detached ...>\n"sv); }

void TextEmitter::close_open() { close_open_as(" <unfinished ...>\n"sv); }

}  // namespace etrace
