// One decoded line from a hand-made call: the syscall by name, its registers, its result and the
// payloads the BPF side would have captured, rendered by the text emitter (column 0: no padding).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/decoder.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace etrace::testing {

struct CallLine {
  CallLine(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t ret) {
    info = SyscallTable::native().by_name(name);
    call.nr = info ? info->nr : -1;
    call.args = args;
    call.ret = ret;
    call.tgid = call.tid = 42;
    text_opts.column = 0;
  }
  // Bytes at argument `arg` as captured at entry, or at exit.
  CallLine& in(int arg, std::string b) { return add(arg, ETRACE_PL_BYTES, 0, std::move(b)); }
  CallLine& out(int arg, std::string b) { return add(arg, ETRACE_PL_BYTES, ETRACE_PLF_AT_EXIT, std::move(b)); }
  CallLine& str(int arg, std::string b, bool truncated = false) {
    return add(arg, ETRACE_PL_STRING, truncated ? ETRACE_PLF_TRUNCATED : 0, std::move(b));
  }
  CallLine& fault(int arg) { return add(arg, ETRACE_PL_BYTES, ETRACE_PLF_FAULT, {}); }
  CallLine& at_entry(int arg, std::string b) { return in(arg, std::move(b)); }
  CallLine& at_exit(int arg, std::string b) { return out(arg, std::move(b)); }
  CallLine& xlat(TextOptions::Xlat style) {
    text_opts.xlat = style;
    return *this;
  }
  CallLine& strsize(std::uint32_t s) {
    ctx.opts.max_strlen = s;
    return *this;
  }
  CallLine& no_deref() {
    ctx.opts.deref = false;
    return *this;
  }
  std::string text() {
    std::string s;
    TextEmitter e(s, text_opts);
    e.begin_call(LineInfo{}, info->name);
    decode_args(info, call, ctx, e);
    e.end_call(decode_result(info, call, ctx));
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  }

  const SyscallInfo* info;
  SyscallCall call;
  DecodeContext ctx;
  TextOptions text_opts;

 private:
  CallLine& add(int arg, std::uint8_t type, std::uint16_t flags, std::string b) {
    call.payloads.push_back({static_cast<std::uint8_t>(arg), type, flags, b.size(), std::move(b)});
    return *this;
  }
};

template <typename T>
std::string bytes_of(const T& v) {
  std::string s(sizeof v, '\0');
  std::memcpy(s.data(), &v, sizeof v);
  return s;
}

inline constexpr std::uint64_t kFdMinus1 = static_cast<std::uint64_t>(-1);

// A struct's bytes built field by field at fixed offsets.
class StructBytes {
 public:
  explicit StructBytes(std::size_t size) : b_(size, '\0') {}
  template <class T>
  StructBytes& put(std::size_t off, T v) {
    std::memcpy(b_.data() + off, &v, sizeof v);
    return *this;
  }
  StructBytes& text(std::size_t off, std::string_view s) {
    std::memcpy(b_.data() + off, s.data(), s.size());
    return *this;
  }
  operator std::string() const { return b_; }

 private:
  std::string b_;
};

}  // namespace etrace::testing
