#include "format/json_emitter.h"

#include <fmt/format.h>

namespace etrace {

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;  // sequence cut short
    for (std::size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n + 1;
  }
  return true;
}

JsonEmitter::JsonEmitter(std::string& out, JsonOptions opts) : out_(out), opts_(std::move(opts)) {}

void JsonEmitter::begin_line(const LineInfo& info, std::string_view type) {
  stack_.clear();
  Json line = Json::object();
  line["type"] = type;
  line["ts_ns"] = static_cast<std::int64_t>(info.ts_ns) + opts_.mono_to_real_ns;
  line["pid"] = info.tgid;
  line["tid"] = info.tid;
  if (info.ns_tid) line["pidns_pid"] = info.ns_tid;
  if (info.cgroup_id) {
    line["cgroup_id"] = info.cgroup_id;
    if (opts_.container_of)
      if (std::string id = opts_.container_of(info.cgroup_id); !id.empty()) line["container_id"] = std::move(id);
  }
  if (info.duration_ns) line["duration_ns"] = info.duration_ns;
  stack_.push_back(Frame{std::move(line), {}, {}, {}});
}

void JsonEmitter::write_line() {
  while (stack_.size() > 1) close();
  if (stack_.empty()) return;
  // Every string we put in is valid UTF-8; replacing rather than throwing keeps a stray byte
  // in a name from costing the line. ASCII only (\uXXXX beyond it), DEL included, so that a
  // traced program's strings cannot reach a terminal as control characters (C1's CSI is
  // U+009B), whatever reads the lines.
  const std::size_t at = out_.size();
  out_ += stack_[0].value.dump(-1, ' ', true, Json::error_handler_t::replace);
  for (std::size_t i = out_.find('\x7f', at); i != std::string::npos; i = out_.find('\x7f', i + 6))
    out_.replace(i, 1, "\\u007f");  // only inside strings: JSON's own syntax is plain ASCII
  out_.push_back('\n');
  stack_.clear();
}

void JsonEmitter::put(Json v) {
  if (stack_.empty()) return;  // a value outside any line: nothing to attach it to
  Frame& top = stack_.back();
  if (top.value.is_array()) {
    top.value.push_back(std::move(v));
    return;
  }
  std::string key = std::move(top.slot);
  top.slot.clear();
  if (key.empty()) key = fmt::format("arg{}", top.value.size());  // a value without a slot name
  top.value[key] = std::move(v);
  top.last_key = std::move(key);
}

void JsonEmitter::open(Json container) {
  if (stack_.empty()) return;
  Frame& top = stack_.back();
  std::string key;
  if (!top.value.is_array()) {
    key = std::move(top.slot);
    top.slot.clear();
    if (key.empty()) key = fmt::format("arg{}", top.value.size());
  }
  stack_.push_back(Frame{std::move(container), std::move(key), {}, {}});
}

void JsonEmitter::close() {
  if (stack_.size() < 2) return;
  Frame done = std::move(stack_.back());
  stack_.pop_back();
  Frame& parent = stack_.back();
  if (parent.value.is_array()) {
    parent.value.push_back(std::move(done.value));
  } else {
    parent.value[done.in_parent] = std::move(done.value);
    parent.last_key = std::move(done.in_parent);
  }
}

// --- lines

void JsonEmitter::begin_call(const LineInfo& info, std::string_view name) {
  begin_line(info, "syscall");
  stack_[0].value["nr"] = info.nr;
  stack_[0].value["syscall"] = name;
  stack_[0].slot = "args";
  open(Json::object());
}

void JsonEmitter::begin_resumed(const LineInfo& info, std::string_view name) {
  begin_call(info, name);
  stack_[0].value["type"] = "resumed";
}

void JsonEmitter::end_call(const CallResult& r) {
  while (stack_.size() > 1) close();
  if (stack_.empty()) return;
  Json& line = stack_[0].value;
  if (r.kind == CallResult::Kind::Unknown) {
    line["ret"] = nullptr;
  } else if (!r.errno_name.empty()) {
    line["ret"] = -1;
    line["ret_raw"] = r.value;
    line["error"] = r.errno_name;
    line["error_text"] = r.errno_text;
  } else {
    line["ret"] = r.value;
  }
  if (!r.decoration.empty()) line["ret_decoration"] = r.decoration;
  write_line();
}

void JsonEmitter::end_killed(bool more_args) {
  while (stack_.size() > 1) close();
  if (stack_.empty()) return;
  stack_[0].value["killed"] = true;  // SIGKILL ended the process inside the call
  Emitter::end_killed(more_args);
}

void JsonEmitter::end_unfinished() {
  if (stack_.empty()) return;
  stack_[0].value["type"] = "unfinished";
  write_line();
}

void JsonEmitter::signal_line(const LineInfo& info, std::string_view signame) {
  begin_line(info, "signal");
  stack_[0].value["signal"] = signame;
  stack_[0].slot = "siginfo";
}

void JsonEmitter::end_signal() { write_line(); }

void JsonEmitter::exit_line(const LineInfo& info, int status, bool killed, std::string_view signame,
                            bool core) {
  begin_line(info, "exit");
  Json& line = stack_[0].value;
  if (killed) {
    line["killed"] = true;
    line["signal"] = signame;
    line["core"] = core;
  } else {
    line["status"] = status;
  }
  write_line();
}

void JsonEmitter::lost_line(const LineInfo& info, std::uint64_t count) {
  begin_line(info, "lost");
  stack_[0].value["count"] = count;
  write_line();
}

void JsonEmitter::rate_limited_line(const LineInfo& info, std::uint64_t count) {
  begin_line(info, "rate_limited");
  stack_[0].value["count"] = count;
  write_line();
}

// --- slots

void JsonEmitter::arg(std::string_view name) {
  // Arguments live one level below the line object; a decoder that left a container open
  // would otherwise swallow the next argument.
  while (stack_.size() > 2) close();
  if (stack_.size() == 2) stack_.back().slot = name;
}

void JsonEmitter::field(std::string_view name) {
  if (!stack_.empty()) stack_.back().slot = name;
}

void JsonEmitter::element() {}

// --- values

void JsonEmitter::integer(std::int64_t v) { put(v); }
void JsonEmitter::uinteger(std::uint64_t v) { put(v); }
void JsonEmitter::hex(std::uint64_t v) { put(v); }
void JsonEmitter::octal(std::uint64_t v) { put(v); }

void JsonEmitter::pointer(std::uint64_t v) {
  if (v == 0) put(nullptr);
  else put(fmt::format("{:#x}", v));
}

void JsonEmitter::symbol(std::string_view name, std::int64_t raw, Radix radix) {
  Json o = Json::object();
  if (radix == Radix::Udec) o["raw"] = static_cast<std::uint64_t>(raw);
  else o["raw"] = raw;
  o["name"] = name;
  put(std::move(o));
}

void JsonEmitter::flags(std::span<const std::string_view> names, std::uint64_t raw,
                        std::uint64_t unknown_rest) {
  Json o = Json::object();
  o["raw"] = raw;
  Json list = Json::array();
  for (auto n : names) list.push_back(n);
  o["names"] = std::move(list);
  if (unknown_rest) o["unknown"] = unknown_rest;
  put(std::move(o));
}

namespace {

std::string to_hex(std::string_view bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) fmt::format_to(std::back_inserter(hex), "{:02x}", c);
  return hex;
}

}  // namespace

std::string json_dump_line(const LineInfo& line, std::string_view syscall, std::int64_t fd, std::string_view bytes,
                           const JsonOptions& opts) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["type"] = "dump";
  j["ts_ns"] = static_cast<std::int64_t>(line.ts_ns) + opts.mono_to_real_ns;
  j["pid"] = line.tgid;
  j["tid"] = line.tid;
  j["syscall"] = syscall;
  j["fd"] = fd;
  j["hex"] = to_hex(bytes);
  return j.dump() + "\n";
}

void JsonEmitter::string(std::string_view bytes, bool truncated) {
  const bool utf8 = is_valid_utf8(bytes);
  if (utf8 && !truncated) {
    put(std::string(bytes));
    return;
  }
  Json o = Json::object();
  if (utf8) {
    o["str"] = std::string(bytes);
  } else {
    o["hex"] = to_hex(bytes);
  }
  if (truncated) o["truncated"] = true;
  put(std::move(o));
}

void JsonEmitter::fd(std::int64_t fd, std::string_view decoration) {
  if (decoration.empty()) {
    put(fd);
    return;
  }
  Json o = Json::object();
  o["fd"] = fd;
  o["decoration"] = decoration;
  put(std::move(o));
}

void JsonEmitter::verbatim(std::string_view text) { put(std::string(text)); }

void JsonEmitter::changed(std::string_view name) {
  if (stack_.empty() || stack_.back().value.is_array()) return;  // in an array: the next element
  stack_.back().slot = std::string(name) + "_out";
}

void JsonEmitter::comment(std::string_view text) {
  if (stack_.empty()) return;
  Frame& top = stack_.back();
  Json* slot = nullptr;
  if (top.value.is_array() && !top.value.empty()) slot = &top.value.back();
  else if (top.value.is_object() && top.value.contains(top.last_key)) slot = &top.value[top.last_key];
  if (!slot) return;
  Json wrapped = Json::object();
  wrapped["value"] = std::move(*slot);
  wrapped["comment"] = text;
  *slot = std::move(wrapped);
}

void JsonEmitter::begin_struct() { open(Json::object()); }
void JsonEmitter::end_struct() { close(); }
void JsonEmitter::begin_array() { open(Json::array()); }
void JsonEmitter::end_array() { close(); }

void JsonEmitter::ellipsis() {
  if (stack_.empty()) return;
  Frame& top = stack_.back();
  if (top.value.is_array()) {
    top.value.push_back("...");
  } else {
    top.value["..."] = true;
    top.last_key = "...";
  }
}

}  // namespace etrace
